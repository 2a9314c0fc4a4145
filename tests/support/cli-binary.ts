import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The real `cadence` binary (bin/cadence.mjs loading out/main/cli.js), as tests run it.
 * npm test builds before Vitest; a test file run alone builds first when the build is missing or older than the source.
 */
const BIN = path.resolve('bin/cadence.mjs');
const BUILT = path.resolve('out/main/cli.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the command line if its build is missing or older than the source (for a beforeAll). */
export function buildCliIfStale(): void {
  const stale = !fs.existsSync(BUILT) || fs.statSync(BUILT).mtimeMs < Math.max(newestSource('src/main'), newestSource('src/shared'));
  if (!stale) return;
  const build = spawnSync(path.resolve('node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}

/** Runs `cadence` with the arguments on the data folder given (none: CADENCE_DATA_DIR unset), as a person would. */
export function runCadence(args: string[], dataDir: string | null, options: { env?: Record<string, string> } & SpawnSyncOptions = {}) {
  const { env = {}, ...rest } = options;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...(dataDir ? { CADENCE_DATA_DIR: dataDir } : {}), ...env },
    timeout: 30_000,
    ...rest,
  });
  return { code: result.status, out: String(result.stdout), err: String(result.stderr) };
}
