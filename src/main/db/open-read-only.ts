import Database from 'better-sqlite3';
import { latestVersion, schemaVersion } from './migrator';
import { migrations } from './migrations';

export interface ReadOnlyDatabase {
  db: Database.Database;
  /** The file's schema version and the one this build migrates to; a reader must refuse a mismatch. */
  found: number;
  known: number;
}

/**
 * Opens an existing database for reading only: no PRAGMA that writes, no migration, no lock. Safe
 * beside a running app (WAL lets readers in while it writes).
 */
export function openReadOnly(file: string): ReadOnlyDatabase {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return { db, found: schemaVersion(db), known: latestVersion(migrations) };
  } catch (error) {
    db.close();
    throw error;
  }
}
