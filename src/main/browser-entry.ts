/**
 * `npm start` where no Electron binary is installed: serves the app to a browser on this
 * computer. Checks the runtime before the database layer loads.
 */
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from './core/clock';
import { exitUnlessNodeApiSupported } from './data-folder/runtime-check';

exitUnlessNodeApiSupported();
// Node keeps the server's compiled code on disk from one start to the next: compiling its modules again took some 20
// of its 130 ms of CPU before "ready". Before the import below, which loads them. In a folder only this user can
// write (not the shared temp folder, where another account could leave code to be run); if it cannot be made, the
// start goes on as before.
try {
  const cacheDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cadence', 'compile-cache');
  fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(cacheDir, 0o700);
  module.enableCompileCache(cacheDir);
} catch {
  // No cache: the modules are compiled at each start.
}

const here = path.dirname(fileURLToPath(import.meta.url));

import('./server/run-browser-server')
  .then(({ runBrowserServer }) => runBrowserServer({ clock: systemClock, rendererDir: path.resolve(here, '../renderer') }))
  .catch((error: unknown) => {
    process.stderr.write(`Cadence failed to start: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  });
