/**
 * TEST ONLY, never packaged: the browser server with what end-to-end tests must control. A clock the
 * test sets by writing an instant (epoch ms) into the file CADENCE_TEST_CLOCK_FILE names (the system
 * clock without it); the background check's delay; no sync at start-up. Only this entry reads those
 * variables, so the production server cannot be made to run on a fake clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock, type Clock } from '../core/clock';
import { exitUnlessNodeApiSupported } from '../data-folder/runtime-check';

exitUnlessNodeApiSupported();

const file = process.env.CADENCE_TEST_CLOCK_FILE;

const fileClock: Clock = {
  now() {
    const value = Number(fs.readFileSync(file!, 'utf8').trim());
    return Number.isFinite(value) && value > 0 ? value : Date.now();
  },
};

const here = path.dirname(fileURLToPath(import.meta.url));

import('../server/run-browser-server')
  .then(({ runBrowserServer }) =>
    runBrowserServer({
      clock: file ? fileClock : systemClock,
      rendererDir: path.resolve(here, '../renderer'),
      // A test can have the check in the background run at once rather than after 30 s.
      backgroundCheckAfterMs: process.env.CADENCE_TEST_CHECK_AFTER_MS ? Number(process.env.CADENCE_TEST_CHECK_AFTER_MS) : undefined,
      // A test that orders two laptops' syncs by hand keeps the start-up sync (10 s in) from syncing one between its steps.
      syncAfterStartMs: process.env.CADENCE_TEST_NO_SYNC_AT_START === '1' ? null : undefined,
    }),
  )
  .catch((error: unknown) => {
    process.stderr.write(`Test server failed: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  });
