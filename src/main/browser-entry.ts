/**
 * `npm start` where no Electron binary is installed: serves the app to a browser on this
 * computer. Checks the runtime before the database layer loads.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from './core/clock';
import { exitUnlessNodeApiSupported } from './data-folder/runtime-check';
import { enableCompileCache } from './platform/compile-cache';

exitUnlessNodeApiSupported();
// Before the import below, which loads the server's modules: compiling them again took some 20 of its 130 ms of CPU
// before "ready".
enableCompileCache();

const here = path.dirname(fileURLToPath(import.meta.url));

import('./server/run-browser-server')
  .then(({ runBrowserServer }) => runBrowserServer({ clock: systemClock, rendererDir: path.resolve(here, '../renderer') }))
  .catch((error: unknown) => {
    process.stderr.write(`Cadence failed to start: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  });
