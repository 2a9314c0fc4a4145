import path from 'node:path';
import { DiskFullError, isDiskFull } from './disk-full';
import { DataFolderShapeError, folderShapeProblem, subfolderProblem } from './folder-shape';

/** The operating system's words for "this may not be written", by what the person can do about each. */
const REASONS: Record<string, string> = {
  EROFS: 'it is on a read-only disk',
  EACCES: 'this user may not write there',
  EPERM: 'this user may not write there',
};

/** Why start-up could not write a path inside the data folder, in words, or null for any other failure. */
export function unwritableReason(dataDir: string, error: unknown): string | null {
  const { code, path: where } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !(code in REASONS) || typeof where !== 'string') return null;
  const relative = path.relative(path.resolve(dataDir), path.resolve(where));
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : REASONS[code]!;
}

/** Start-up could not write to the data folder (a read-only disk, no permission): said plainly, not as a system call. */
export class DataFolderUnwritableError extends Error {
  constructor(dataDir: string, reason: string, cause: unknown) {
    super(
      `Cadence cannot write to its data folder ${dataDir} (${reason}). ` +
        'Make it writable, or start Cadence with CADENCE_DATA_DIR set to a folder it can write, then start Cadence again.',
      { cause },
    );
    this.name = 'DataFolderUnwritableError';
  }
}

/** A start-up failure said plainly (a full disk, a file where a folder should be, a folder it may not write); any other as it was. */
export function plainFolderError(dataDir: string, error: unknown): unknown {
  if (isDiskFull(error)) return new DiskFullError(dataDir, error);
  const shape = folderShapeProblem(dataDir) ?? subfolderProblem(dataDir, 'logs') ?? subfolderProblem(dataDir, 'backups');
  if (shape) return new DataFolderShapeError(shape, error);
  const reason = unwritableReason(dataDir, error);
  return reason ? new DataFolderUnwritableError(dataDir, reason, error) : error;
}
