import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateDir, makePrivate } from '../data-folder/private-files';
import { Sql } from './query';

/**
 * A connection of its own to the database file, for the slow work a worker thread does while the
 * app keeps writing on its connection: WAL lets this one read a consistent snapshot meanwhile.
 */
export function withReadConnection<T>(file: string, fn: (sql: Sql) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(new Sql(db));
  } finally {
    db.close();
  }
}

/**
 * A WAL this long after a passive checkpoint is restarted too. A passive checkpoint copies the frames written before it
 * began; writes that commit while it runs stay in the WAL, and the WAL starts again from its beginning only when a
 * write begins with every frame copied. Back-to-back writes (a facilitator clicking on, a bench) always commit
 * during the checkpoint, so the WAL grew until the answering connection's backstop checkpointed it in a write.
 */
export const WAL_RESTART_PAGES = 1000;
/**
 * How long the restart may wait: first for the app's write lock between two of its writes, then, holding it, for
 * readers of older snapshots (which holds new writes back). It holds the checkpoint lock all along, so the answering
 * connection's backstop cannot checkpoint meanwhile: a long wait, tried every few writes, would keep the backstop from
 * ever running (measured: 100 ms let the WAL pass 5,000 pages on a busy disk). Short, and tried again by the next
 * checkpoint, it usually wins: on the ten-year bench at load 12 the WAL peaked at 2,200-3,500 pages.
 */
const RESTART_WAIT_MS = 20;

/**
 * A PASSIVE checkpoint of the file's WAL from a connection of its own (the worker thread's): it copies what no reader
 * still needs into the database file and syncs it (synchronous=FULL), without waiting for a writer or blocking one.
 * Past WAL_RESTART_PAGES it then RESTARTs: it waits for the write in progress, copies the few frames written meanwhile
 * and lets the next write start the WAL from its beginning, so a long run of writes never reaches the backstop.
 * Answers how many frames the WAL held and how many of them are now in the file, and whether it restarted.
 */
export function checkpointFile(file: string): { log: number; checkpointed: number; restarted: boolean } {
  const db = new Database(file, { fileMustExist: true, timeout: RESTART_WAIT_MS });
  try {
    db.pragma('synchronous = FULL');
    const checkpoint = (mode: 'PASSIVE' | 'RESTART') => {
      const [result] = db.pragma(`wal_checkpoint(${mode})`) as { busy: number; log: number; checkpointed: number }[];
      return { busy: result?.busy ?? 1, log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 };
    };
    const passive = checkpoint('PASSIVE');
    if (passive.log < WAL_RESTART_PAGES) return { log: passive.log, checkpointed: passive.checkpointed, restarted: false };
    const restart = checkpoint('RESTART');
    return { log: restart.log, checkpointed: restart.checkpointed, restarted: restart.busy === 0 };
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
  const db = new Database(file, { readonly: true, fileMustExist: true });
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
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // The copy keeps the source's WAL mode; a backup is one file that nothing writes to, so it leaves WAL mode
  // before its check, and no -wal or -shm is left beside it.
  const copy = new Database(partial);
  let result: string;
  try {
    copy.pragma('journal_mode = DELETE');
    result = quickCheck(copy);
  } catch (error) {
    result = (error as Error).message;
  } finally {
    copy.close();
  }
  if (result !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new Error(`Backup ${target} failed its check: ${result}`);
  }
  makePrivate(partial);
  fs.renameSync(partial, target);
  return target;
}
