import type { Recovery } from '@shared/domain';

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
