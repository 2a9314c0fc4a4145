import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from './make-folders';

/**
 * Meeting data is readable by this user only: the data folder and every folder in it 0700,
 * every file 0600. Windows keeps its own access lists (a profile folder is private already),
 * so there the modes are left alone.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** Creates the folder (and any missing parents) private, and makes an existing one private: for Cadence's own folders only. */
export function ensurePrivateDir(dir: string): void {
  makeFolders(dir, PRIVATE_DIR_MODE);
  if (posix) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** A folder created private if missing; an existing one is left as it is (it may be anyone's). */
export function createPrivateDir(dir: string): void {
  makeFolders(dir, PRIVATE_DIR_MODE);
}

/** Makes a file private if it exists. SQLite gives a database's -wal and -shm the database's mode. */
export function makePrivate(file: string): void {
  if (!posix) return;
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** What Cadence itself keeps in the data folder; anything else there is left as it is. */
function isCadenceEntry(name: string): boolean {
  return /^cadence\./.test(name) || ['backups', 'logs', 'browser-session.key', 'browser-server.json'].includes(name);
}

/**
 * Tightens what an earlier Cadence left readable by others (it made folders 0755 and files
 * 0644): the data folder and Cadence's own files and folders in it. Symbolic links are not
 * followed: what they point to is not Cadence's to change. Returns what could not be changed
 * (a file another user owns, say) for the log; it never stops Cadence from starting.
 */
export function tightenDataFolder(dataDir: string): string[] {
  if (!posix) return [];
  const problems: string[] = [];
  const tighten = (full: string, mode: number) => {
    try {
      fs.chmodSync(full, mode);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') problems.push(`${full}: ${code ?? String(error)}`);
    }
  };
  const walk = (dir: string, onlyCadence: boolean) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (onlyCadence && !isCadenceEntry(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        tighten(full, PRIVATE_DIR_MODE);
        walk(full, false);
      } else if (entry.isFile()) tighten(full, PRIVATE_FILE_MODE);
    }
  };
  tighten(dataDir, PRIVATE_DIR_MODE);
  walk(dataDir, true);
  return problems;
}

/** The mode for a new folder: private inside a private folder (the nearest that exists), the usual otherwise. */
export function modeForNewFolder(folder: string): number {
  let parent = path.dirname(path.resolve(folder));
  while (!fs.existsSync(parent) && path.dirname(parent) !== parent) parent = path.dirname(parent);
  return modeForNewFile(parent) === PRIVATE_FILE_MODE ? PRIVATE_DIR_MODE : 0o777;
}

/** The mode for a new file in folder: private when the folder is, the usual 0644 elsewhere. */
export function modeForNewFile(folder: string): number {
  try {
    return posix && (fs.statSync(folder).mode & 0o077) === 0 ? PRIVATE_FILE_MODE : 0o644;
  } catch {
    return 0o644;
  }
}
