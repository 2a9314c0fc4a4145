import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Sqlite } from './sqlite';
import { createPrivateDir, makePrivate } from '../data-folder/private-files';
import { Sql } from './query';

/**
 * A connection of its own to the database file, for the slow work a worker thread does while the
 * app keeps writing on its connection: WAL lets this one read a consistent snapshot meanwhile.
 */
export function withReadConnection<T>(file: string, fn: (sql: Sql) => T): T {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    return fn(new Sql(db));
  } finally {
    db.close();
  }
}

/**
 * A PASSIVE checkpoint of the file's WAL from a connection of its own (the worker thread's): it copies what no reader
 * still needs into the database file and syncs it (synchronous=FULL), without waiting for a writer or blocking one.
 * Answers how many frames the WAL held and how many of them are now in the file.
 */
export function checkpointFile(file: string): { log: number; checkpointed: number } {
  const db = new Sqlite(file, { fileMustExist: true });
  try {
    db.pragma('synchronous = FULL');
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    return { log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 };
  } finally {
    db.close();
  }
}

export function quickCheck(db: Database.Database): string {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}

/** `PRAGMA quick_check` of a file: 'ok', or what is wrong. */
export function checkFile(file: string): string {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    return quickCheck(db);
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}

/**
 * Copies the database with SQLite's online backup API from a connection of its own, then checks
 * the copy. All pages after the first step go in one step: one read transaction, one snapshot, so
 * writes on the app's connection neither restart the copy nor wait for it.
 */
export async function backupFile(source: string, target: string): Promise<string> {
  createPrivateDir(path.dirname(target));
  // Written under another name and renamed once checked: a copy cut short never looks like a backup.
  const partial = `${target}.partial`;
  const db = new Sqlite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    // A copy cut short (a full disk) is no backup: nothing of it is left to fill the disk or be mistaken for one.
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  // The copy keeps the source's WAL mode; a backup is one file that nothing writes to, so it leaves WAL mode
  // before its check, and no -wal or -shm is left beside it.
  const copy = new Sqlite(partial);
  let result: string;
  // SQLite's code (SQLITE_FULL: the disk filled as the copy left WAL mode) goes on with the failure, to be named.
  let code: unknown;
  try {
    copy.pragma('journal_mode = DELETE');
    result = quickCheck(copy);
  } catch (error) {
    result = (error as Error).message;
    code = (error as { code?: unknown }).code;
  } finally {
    copy.close();
  }
  if (result !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw Object.assign(new Error(`Backup ${target} failed its check: ${result}`), code === undefined ? {} : { code });
  }
  try {
    makePrivate(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return target;
}
