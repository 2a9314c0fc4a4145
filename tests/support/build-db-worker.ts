import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/**
 * Vitest runs src/ as TypeScript, but a worker thread is plain Node: it cannot load a .ts file
 * with `@shared` imports. So the tests build the worker's entry once, as electron-vite builds it
 * for the app, and name it to the code under test (dbWorkerScript reads CADENCE_DB_WORKER_SCRIPT).
 * Built fresh every run, so a test never runs an older worker than the source it tests.
 */
export default async function buildDbWorker(): Promise<() => void> {
  // One folder per checkout and run: worktrees that link one node_modules must not run each other's worker, and a
  // second run in the same checkout (emptyOutDir) would delete the file under a test that starts its worker later.
  const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12);
  const outDir = path.resolve(`node_modules/.cache/cadence-test-db-worker-${checkout}-${process.pid}`);
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@shared': path.resolve('src/shared') } },
    build: {
      ssr: path.resolve('src/main/worker/db-worker-entry.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      // .mjs: below node_modules no package.json says "type": "module".
      rollupOptions: { output: { format: 'es', entryFileNames: 'db-worker.mjs' } },
    },
  });
  process.env.CADENCE_DB_WORKER_SCRIPT = path.join(outDir, 'db-worker.mjs');
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
