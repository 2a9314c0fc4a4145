import { startCore } from '../../src/main/core/cadence-core';

/**
 * Starts the core on a data folder as the browser mode does (no background check, no scheduled backup) and closes it
 * again: null when it started, else the words it refused with. The data-folder tests read those words.
 */
export const startRefusal = (dataDir: string): Promise<string | null> =>
  startCore({ dataDir, mode: 'browser', version: 'test', backgroundCheckAfterMs: null, scheduledBackups: false }).then(
    (core) => {
      core.close();
      return null;
    },
    (e: unknown) => (e as Error).message,
  );
