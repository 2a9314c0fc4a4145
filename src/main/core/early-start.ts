import fs from 'node:fs';
import path from 'node:path';
import { acquireDataDirLock, type DataDirLock } from '../data-folder/data-lock';
import { databasePath } from '../data-folder/data-dir';
import { plainFolderError } from '../data-folder/folder-unwritable';
import { ensurePrivateDir } from '../data-folder/private-files';
import { RUN_MARKER } from '../data-folder/run-marker';
import { latestVersion } from '../db/migrator';
import { migrations } from '../db/migrations';

/**
 * The data folder made (private) and locked, as the core's start does first: a second process is refused, and a full
 * disk or a folder it may not write named, before the server says where to open it. The lock is handed to the core (CoreOptions.lock).
 */
export function holdDataFolder(dataDir: string, kind: string): DataDirLock {
  try {
    ensurePrivateDir(dataDir);
    return acquireDataDirLock(dataDir, kind);
  } catch (error) {
    throw plainFolderError(dataDir, error);
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';
/** Where SQLite's file header keeps user_version (four bytes, big-endian), which the migrator sets. */
const USER_VERSION_AT = 60;

/**
 * Whether this start is the usual one: the last run closed cleanly (no run marker, so no whole-file check stands
 * first), and the file's header is a SQLite database at this Cadence's schema (no migration, no backup before it, no
 * newer Cadence's file). Read from the marker's presence and the file's first 100 bytes, without opening it. Then the
 * browser server prints its address before the database is open, and the page loads while it opens. Anything else
 * (a first start, a crash, damage, a migration) opens first, so what the start has to say about the file (damage moved
 * aside, a newer Cadence) comes before the address, as it always has. Only the order of what is printed rests on this
 * guess: a file that fails to open after all is still recovered or refused by the core, and said in the terminal.
 */
export function isUsualStart(dataDir: string): boolean {
  if (fs.existsSync(path.join(dataDir, RUN_MARKER))) return false;
  return headerVersion(dataDir) === latestVersion(migrations);
}

/**
 * Whether the file's header says it is at an older schema than this Cadence's: this start backs it up and migrates it
 * before the first screen, seconds to a minute on a large team history, so the browser server serves the page (which
 * says so) and prints what is happening while it runs, rather than leave the browser waiting with nothing to read.
 */
export function isUpdateStart(dataDir: string): boolean {
  const version = headerVersion(dataDir);
  return version !== null && version > 0 && version < latestVersion(migrations);
}

/** The user_version in the database file's first 100 bytes, or null when there is no SQLite file to read. */
function headerVersion(dataDir: string): number | null {
  const header = Buffer.alloc(100);
  let read: number;
  try {
    // A plain file only: opening a named pipe there waits for a writer that never comes, and the start hung, silent.
    if (!fs.statSync(databasePath(dataDir), { throwIfNoEntry: false })?.isFile()) return null;
    const fd = fs.openSync(databasePath(dataDir), 'r');
    try {
      read = fs.readSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  if (read !== header.length || header.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) return null;
  return header.readUInt32BE(USER_VERSION_AT);
}
