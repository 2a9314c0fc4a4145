import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * main builds four Node entries: the Electron shell (index), the browser-mode server
 * (server), the command line (cli) and the database worker thread (db-worker). Only index imports electron. The preload is one
 * CommonJS file because sandboxed preloads cannot load ES modules or other files.
 */
/** The chunks the renderer's boot loads for the first screen: what the entries import with import(), followed to the end. */
function firstScreenChunks(bundle: Record<string, OutputChunk | { type: 'asset' }>): OutputChunk[] {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const found = new Map<string, OutputChunk>();
  const add = (fileName: string) => {
    const chunk = byName.get(fileName);
    if (!chunk || chunk.isEntry || found.has(fileName)) return;
    found.set(fileName, chunk);
    chunk.imports.forEach(add);
  };
  for (const entry of chunks.filter((c) => c.isEntry)) entry.dynamicImports.forEach(add);
  return [...found.values()];
}

/**
 * The renderer's entry (main.tsx) is a small boot that sends the first reads and then imports the app: this
 * names the app's chunks in index.html as modulepreload, so the browser fetches them beside the boot rather than
 * after it has run. It also preloads the text face (Inter, Latin): otherwise the browser asks for it only once the
 * first screen has laid its text out, and lays everything out again when it arrives (the face swaps in).
 *
 * The boot and every chunk of the first screen (React's renderer and the home screen; the chunk it shares with lazy
 * views: React itself, the query cache, the contract's operation list) start with V8's compile hint
 * (`//# allFunctionsCalledOnLoad`, Chromium 136 and later): the first screen calls most of their functions, and a
 * function compiled on its first call is compiled on the page's one thread, in the middle of the first render;
 * hinted, they are compiled on a background thread while the files stream in (the page's main-thread CPU until the
 * teams show: about 12% less, the render's share a third less). zod and the schemas are in none of these chunks
 * (they load after the first screen): compiling all of zod first only made the page wait longer.
 */
function preloadTheApp(): Plugin {
  return {
    name: 'cadence:preload-the-app',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const files = firstScreenChunks(context.bundle ?? {}).map((chunk) => chunk.fileName);
        const face = Object.keys(context.bundle ?? {}).find((fileName) => /\/inter-latin-wght-normal-[\w-]+\.woff2$/.test(fileName));
        if (!face) throw new Error('cadence:preload-the-app: the Inter (Latin) font file is not in the build');
        return [
          {
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `./${face}` },
            injectTo: 'head' as const,
          },
          ...files.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const entries = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk' && c.isEntry);
        // The hint counts only as the file's very first line.
        for (const chunk of [...entries, ...firstScreenChunks(bundle)]) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      },
    },
  };
}

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
          'sync-crash': resolve('src/main/testing/sync-crash-entry.ts'),
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
    plugins: [react(), preloadTheApp()],
  },
});
