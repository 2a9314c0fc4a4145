/**
 * TEST ONLY, never packaged: the browser server with a clock that end-to-end tests set by
 * writing an instant (epoch ms) into the file CADENCE_TEST_CLOCK_FILE names. Only this entry
 * reads that variable, so the production server cannot be made to run on a fake clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../core/clock';
import { exitUnlessNodeApiSupported } from '../data-folder/runtime-check';

exitUnlessNodeApiSupported();

const file = process.env.CADENCE_TEST_CLOCK_FILE;
if (!file) {
  process.stderr.write('The test server needs CADENCE_TEST_CLOCK_FILE.\n');
  process.exit(2);
}

const fileClock: Clock = {
  now() {
    const value = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isFinite(value) && value > 0 ? value : Date.now();
  },
};

const here = path.dirname(fileURLToPath(import.meta.url));

import('../server/run-browser-server')
  .then(({ runBrowserServer }) =>
    runBrowserServer({
      clock: fileClock,
      rendererDir: path.resolve(here, '../renderer'),
      // A test can have the check in the background run at once rather than after 30 s.
      backgroundCheckAfterMs: process.env.CADENCE_TEST_CHECK_AFTER_MS ? Number(process.env.CADENCE_TEST_CHECK_AFTER_MS) : undefined,
    }),
  )
  .catch((error: unknown) => {
    process.stderr.write(`Test server failed: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  });
