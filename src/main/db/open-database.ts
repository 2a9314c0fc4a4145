import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Sqlite } from './sqlite';
import { backupFile, quickCheck } from './side-connection';
import { assertNotFuture, latestVersion, migrate, pendingMigrations, schemaVersion } from './migrator';
import { migrations as shippedMigrations, type Migration } from './migrations';
import { createPrivateDir, makePrivate } from '../data-folder/private-files';
import { databaseLinkProblem, DataFolderShapeError } from '../data-folder/folder-shape';
import { UpdateFailedError } from './update-failure';

export class CorruptDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    /** 'foreign': another program's database, to be left alone rather than recovered. */
    readonly kind: 'damaged' | 'foreign' = 'damaged',
  ) {
    super(`The database file ${file} is damaged or is not a Cadence database (${detail}). It was not changed.`);
    this.name = 'CorruptDatabaseError';
  }
}

export interface PragmaReport {
  journalMode: string;
  synchronous: number;
  foreignKeys: number;
  busyTimeout: number;
}

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  pragmas: PragmaReport;
  appliedMigrations: number[];
  preMigrationBackup: string | null;
}

const SYNCHRONOUS_FULL = 2;
const BUSY_TIMEOUT_MS = 5000;

/** Sets the PRAGMAs every connection needs and reads them back: a silent fallback must fail loudly. */
export function applyPragmas(db: Database.Database): PragmaReport {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const report: PragmaReport = {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true })),
  };
  if (
    report.journalMode !== 'wal' ||
    report.synchronous !== SYNCHRONOUS_FULL ||
    report.foreignKeys !== 1 ||
    report.busyTimeout !== BUSY_TIMEOUT_MS
  ) {
    throw new Error(`SQLite refused the required settings: ${JSON.stringify(report)}`);
  }
  return report;
}

/**
 * The most pages the WAL may hold before the answering connection checkpoints by itself (16 MB): a backstop for when
 * the worker's checkpoints cannot keep up (writes with no pause, a backup holding a snapshot) or the worker is gone.
 * Reached, it copies only what the worker has not (see core/wal-checkpoints.ts).
 */
export const WAL_BACKSTOP_PAGES = 4000;

/** The answering connection leaves checkpoints to the worker thread, keeping SQLite's own only as a backstop. */
export function checkpointInBackground(db: Database.Database): void {
  db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  const set = Number(db.pragma('wal_autocheckpoint', { simple: true }));
  if (set !== WAL_BACKSTOP_PAGES) throw new Error(`SQLite refused wal_autocheckpoint = ${WAL_BACKSTOP_PAGES} (it is ${set})`);
}

/**
 * A PASSIVE checkpoint on the answering connection, between two of its writes (see core/wal-checkpoints.ts): it copies
 * what the worker has not yet, so the next write starts the WAL again. False when another checkpoint held the file.
 */
export function finishCheckpoint(db: Database.Database): boolean {
  if (db.inTransaction) return false;
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number }[];
  return result?.busy === 0;
}

/** The user_version the file's own first page holds (bytes 60-63 of SQLite's header), whatever a log beside it says. */
function versionOnDisk(file: string): number | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
  } finally {
    fs.closeSync(fd);
  }
  return header.readUInt32BE(60);
}

/**
 * The checks that decide whether the file may be opened for writing, on a read-only connection, when a write-ahead log
 * lies beside it. The last connection SQLite closes copies the log into the file (a checkpoint), so refusing the file
 * from a writing connection changed it: a log of another database left there (a file copied back over the one it
 * belonged to) overwrote the person's meetings with the other database's pages, under "It was not changed". A
 * read-only connection never checkpoints: a refused file and its log stay as they were, to be moved aside or left.
 */
function inspectWithLog(file: string, list: readonly Migration[]): void {
  let db: Database.Database | null = null;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
    assertNotFuture(db, list);
    if (schemaVersion(db) === 0) {
      const tables = db.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
      // The file's own header says Cadence; the log turned it into something else: the log is not this file's.
      if (tables.n > 0 && (versionOnDisk(file) ?? 0) > 0)
        throw new CorruptDatabaseError(file, `its write-ahead log (${path.basename(file)}-wal) belongs to another database`);
      if (tables.n > 0) throw new CorruptDatabaseError(file, 'it holds tables of another program', 'foreign');
    }
    const result = quickCheck(db);
    if (result !== 'ok') throw new CorruptDatabaseError(file, result);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new CorruptDatabaseError(file, (error as Error).message);
    throw error;
  } finally {
    db?.close();
  }
}

/**
 * The shipped migrations on a connection of its own (a worker thread's, openDatabase's offThread), each with its
 * user_version in one transaction (migrator.ts): a process killed meanwhile leaves the file at the old or the new schema.
 */
export function migrateFile(file: string): number[] {
  const db = new Sqlite(file, { fileMustExist: true });
  try {
    applyPragmas(db);
    return migrate(db, shippedMigrations);
  } finally {
    db.close();
  }
}

/**
 * What an update that failed (its backup, or a migration) left, read back from the file: damage found now (by the
 * backup's check, or SQLite's own words) takes the path damage takes at any start (CorruptDatabaseError: moved aside, the
 * newest good backup offered); anything else is said as what failed, the file's schema and check, and the backup.
 */
function failedUpdate(
  db: Database.Database,
  f: { file: string; step: 'backup' | 'migration'; from: number; list: readonly Migration[]; backup: string | null; cause: unknown },
): Error {
  const damage = (error: unknown) => ['SQLITE_NOTADB', 'SQLITE_CORRUPT'].includes((error as { code?: string }).code ?? '');
  if (f.cause instanceof CorruptDatabaseError) return f.cause;
  let check: string;
  try {
    check = quickCheck(db);
    // The backup is a copy of the file, page by page: a copy that failed its check is the file's own damage, said as
    // the file's check says it (the copy is gone).
    if (check !== 'ok') return new CorruptDatabaseError(f.file, check);
  } catch (error) {
    if (damage(error)) return new CorruptDatabaseError(f.file, (error as Error).message);
    check = (error as Error).message;
  }
  if (damage(f.cause)) return new CorruptDatabaseError(f.file, (f.cause as Error).message);
  const at = schemaVersion(db);
  const failed = f.step === 'migration' ? (pendingMigrations(db, f.list)[0] ?? null) : null;
  return new UpdateFailedError({
    file: f.file,
    step: f.step,
    from: f.from,
    at,
    to: latestVersion(f.list),
    failed: failed && { version: failed.version, name: failed.name },
    check,
    backup: f.backup,
    cause: f.cause,
  });
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens (creating if needed) the Cadence database. Refuses a file from a newer Cadence before
 * anything is written, checks integrity (unless told not to), backs up before pending migrations, then migrates.
 */
export async function openDatabase(
  file: string,
  /** check: false skips reading the whole file first (the app then checks it in the background). */
  options: {
    migrations?: readonly Migration[];
    now?: () => number;
    check?: boolean;
    /** The folder was used before (backups, a crash marker, earlier starts): an empty file there is damage, not a new start. */
    emptyIsDamage?: boolean;
    /** Awaited before a migration changes the file (the run marker's flush: a crash from then on must be found). */
    beforeMigrating?: () => Promise<void>;
    /** Told when the backup before a migration starts, then the migrations (what the first screen says meanwhile). */
    phase?: (phase: 'backing-up' | 'updating') => void;
    /**
     * The backup before a migration and the migrations themselves, each on a connection of a worker thread's own, so
     * the thread that serves the first screen keeps answering through the seconds they take (the shipped migrations
     * only; without it, or with a list of a test's own, they run here as before).
     */
    offThread?: { backup(file: string, target: string): Promise<string>; migrate(file: string): Promise<number[]> };
  } = {},
): Promise<OpenedDatabase> {
  const list = options.migrations ?? shippedMigrations;
  const now = options.now ?? Date.now;
  // Before anything is made private, opened or created: every later step (permissions, moving a damaged file aside, the
  // -wal and -shm) acts on the data folder's own entries, so a link there would have them part ways.
  const linked = databaseLinkProblem(file);
  if (linked) throw new DataFolderShapeError(linked, null);
  createPrivateDir(path.dirname(file));
  const size = fs.existsSync(file) ? fs.statSync(file).size : null;
  if (size === 0 && options.emptyIsDamage) {
    throw new CorruptDatabaseError(file, 'it is empty (0 bytes), although this data folder was in use before');
  }
  const existed = size !== null && size > 0;
  // A write-ahead log beside the file is read first without writing: see inspectWithLog.
  const withLog = existed && (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
  if (withLog) {
    makePrivate(file);
    // A log left after a clean close (no crash to explain it) was put there from outside: the file is checked too.
    inspectWithLog(file, list);
  }
  const db = new Sqlite(file);
  // Before WAL mode is set: SQLite creates the -wal and -shm files with the database's mode.
  makePrivate(file);
  try {
    // Reading user_version writes nothing; this runs before any PRAGMA that would.
    assertNotFuture(db, list);
    if (schemaVersion(db) === 0) {
      const tables = db.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
      // Tables but no Cadence version: another program's database. Never migrate into it.
      if (tables.n > 0) throw new CorruptDatabaseError(file, 'it holds tables of another program', 'foreign');
    }
    const pragmas = applyPragmas(db);
    if (existed && !withLog && options.check !== false) {
      const check = quickCheck(db);
      if (check !== 'ok') throw new CorruptDatabaseError(file, check);
    }
    let preMigrationBackup: string | null = null;
    const pending = pendingMigrations(db, list);
    const offThread = options.migrations === undefined ? options.offThread : undefined;
    if (pending.length > 0) await options.beforeMigrating?.();
    // A file of an earlier Cadence's (not a new one, whose first migrations take no time): backed up, then updated.
    const updatingFile = existed && pending.length > 0 && schemaVersion(db) > 0;
    const appliedMigrations: number[] = [];
    if (updatingFile) {
      const from = schemaVersion(db);
      let step: 'backup' | 'migration' = 'backup';
      try {
        options.phase?.('backing-up');
        const target = path.join(
          path.dirname(file),
          'backups',
          `before-migration-v${from}-to-v${latestVersion(list)}-${stamp(now())}.sqlite`,
        );
        preMigrationBackup = await (offThread ? offThread.backup(file, target) : backupFile(file, target));
        step = 'migration';
        options.phase?.('updating');
        // Each migration is one transaction on the worker's connection: this one, idle meanwhile, reads the new schema after.
        if (offThread) appliedMigrations.push(...(await offThread.migrate(file)));
        appliedMigrations.push(...migrate(db, list));
      } catch (error) {
        throw failedUpdate(db, { file, step, from, list, backup: preMigrationBackup, cause: error });
      }
    }
    // A new file's migrations (no data: quick) run here, with no thread to start.
    appliedMigrations.push(...migrate(db, list));
    return { db, file, pragmas, appliedMigrations, preMigrationBackup };
  } catch (error) {
    db.close();
    // SQLite's own words name no file and do not say the file was left alone.
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new CorruptDatabaseError(file, (error as Error).message);
    throw error;
  }
}
