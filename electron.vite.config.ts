import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * main builds four Node entries: the Electron shell (index), the browser-mode server
 * (server), the command line (cli) and the database worker thread (db-worker). Only index imports electron. The preload is one
 * CommonJS file because sandboxed preloads cannot load ES modules or other files.
 */
/** `@shared/…` and `@renderer/…` in place of long relative paths; tsconfig.base.json declares the same. */
const alias = { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // Libraries are bundled in, not loaded from node_modules at run time: resolving and linking their hundreds
      // of files cost the browser-mode server 500 ms of CPU before it answered (210 ms bundled). better-sqlite3
      // (native) and the rest of package.json's dependencies (the renderer's) stay external.
      externalizeDeps: {
        exclude: [
          'zod',
          'kysely',
          'ws',
          'diff',
          'hast-util-to-html',
          'mdast-util-frontmatter',
          'mdast-util-gfm',
          'mdast-util-to-hast',
          'mdast-util-to-markdown',
        ],
      },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          server: resolve('src/main/browser-entry.ts'),
          cli: resolve('src/main/cli-entry.ts'),
          // The worker thread for backups, checks and exports; found beside the entries at run time.
          'db-worker': resolve('src/main/worker/db-worker-entry.ts'),
          // Test-only entry with a settable clock; excluded from packages (electron-builder.yml).
          'test-server': resolve('src/main/testing/test-server-entry.ts'),
          'crash-writer': resolve('src/main/testing/crash-writer-entry.ts'),
          bench: resolve('src/main/testing/bench-entry.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: { alias },
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
