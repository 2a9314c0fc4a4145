import { expect } from 'vitest';
import { startCore } from '../../src/main/core/cadence-core';
import { runCadence } from './cli-binary';

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

/** The command line on that folder, reading (`teams list`) and writing (`demo load`): it says the same words, plus that nothing changed. */
export function expectCliRefuses(
  dataDir: string,
  said: string | null,
  commands: string[][] = [
    ['teams', 'list'],
    ['demo', 'load'],
  ],
): void {
  for (const args of commands) {
    expect(runCadence([...args, '--data-dir', dataDir], null)).toEqual({
      code: 1,
      out: '',
      err: `cadence: ${said} Nothing was changed.\n`,
    });
  }
}
