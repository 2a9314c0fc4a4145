import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import { Sqlite } from './sqlite';
import { latestVersion, schemaVersion } from './migrator';
import { migrations } from './migrations';

export interface ReadOnlyDatabase {
  db: Database.Database;
  /** The file's schema version and the one this build migrates to; a reader must refuse a mismatch. */
  found: number;
  known: number;
  /** Closes the connection (and removes the copy read instead of a file on a read-only disk, if one was made). */
  close(): void;
}

/** The connection with its versions read (the first read: where a file that cannot be read fails), closed if that fails. */
function opened(db: Database.Database, close: () => void = () => db.close()): ReadOnlyDatabase {
  try {
    db.pragma('busy_timeout = 5000');
    return { db, found: schemaVersion(db), known: latestVersion(migrations), close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * A database in WAL mode is read through its shared-memory file (`-shm`), which the reader makes if it is missing. On a
 * read-only disk (a folder copied to a USB stick, a read-only mount) it cannot: SQLite answers SQLITE_CANTOPEN.
 */
function isOnReadOnlyDisk(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY'));
}

/**
 * The file on a read-only disk, read as it is. With no write-ahead log beside it, the file holds everything and nothing
 * can change it: it is opened immutable (no shared memory, no locks; the command line turns URI names on for this).
 * A write-ahead log with changes in it must be read with the file, which needs shared memory: the two are copied to a
 * temporary folder and read there.
 */
function openOnReadOnlyDisk(file: string): ReadOnlyDatabase {
  const wal = `${file}-wal`;
  if ((fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 0) === 0) {
    return opened(new Sqlite(`${pathToFileURL(file).href}?immutable=1`, { readonly: true, fileMustExist: true }));
  }
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-read-'));
  const remove = () => fs.rmSync(copyDir, { recursive: true, force: true });
  try {
    const copy = path.join(copyDir, path.basename(file));
    fs.copyFileSync(file, copy);
    fs.copyFileSync(wal, `${copy}-wal`);
    const db = new Sqlite(copy, { readonly: true, fileMustExist: true });
    return opened(db, () => {
      db.close();
      remove();
    });
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * Opens an existing database for reading only: no PRAGMA that writes, no migration, no lock. Safe
 * beside a running app (WAL lets readers in while it writes), and on a read-only disk.
 */
export function openReadOnly(file: string): ReadOnlyDatabase {
  try {
    return opened(new Sqlite(file, { readonly: true, fileMustExist: true }));
  } catch (error) {
    if (!fs.existsSync(file) || !isOnReadOnlyDisk(error)) throw error;
    return openOnReadOnlyDisk(file);
  }
}
