import type { Recovery } from '@shared/domain';
import type { StartPhase } from '../core/start-progress';

/** What the terminal says about the sign-in; the page's "way back in" quotes the same key. */
export const FRESH_ADDRESS_HINT = 'Press Enter here for a fresh sign-in address (each one works once, for 10 minutes).';

export function readyLines(dataDir: string, signInUrl: string): string[] {
  return [
    `Cadence data folder: ${dataDir}`,
    `Cadence is ready at ${signInUrl}`,
    'Open that address in your browser (only this computer can connect). Ctrl+C stops.',
    FRESH_ADDRESS_HINT,
  ];
}

/** Said at start-up when the database was damaged: where it went and what the app offers. */
export function recoveryLines(recovery: Recovery | null): string[] {
  if (!recovery) return [];
  const backup = recovery.newestBackup;
  return [
    `The database was damaged (${recovery.detail}). Cadence moved it aside unchanged to ${recovery.movedTo} and started on an empty one.`,
    backup
      ? `The newest good backup (${new Date(backup.at).toISOString()}) is offered in the app: open the address below to restore it.`
      : 'No good backup was found; the damaged file is kept for you.',
  ];
}

/** Said as a start that updates the file moves on (its first words, UPDATING_WORDS, come before the address). */
export function updateLines(phase: StartPhase): string[] {
  if (phase === 'updating') return ['The backup is made and checked; updating the data now.'];
  if (phase === 'ready') return ['Your data is up to date. Cadence is ready: the page shows it now.'];
  return [];
}
