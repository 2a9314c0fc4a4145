/** SQLite's and the operating system's words for "no space left" (EDQUOT: the user's quota is used up). */
const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/** Whether an error (from better-sqlite3, node:fs, or a worker that passed the code on) means the disk is full. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DISK_FULL_CODES.has(code);
}

/** Start-up could not write to the data folder because its disk is full: said plainly, not as a stack. */
export class DiskFullError extends Error {
  constructor(dataDir: string, cause: unknown) {
    super(`The disk holding the data folder ${dataDir} is full: free some space, then start Cadence again. Nothing you entered was lost.`, {
      cause,
    });
    this.name = 'DiskFullError';
  }
}
