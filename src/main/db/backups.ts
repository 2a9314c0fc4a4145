import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Sqlite } from './sqlite';
import { openDatabase } from './open-database';
import { backupFile, quickCheck } from './side-connection';
import { migrations as shippedMigrations } from './migrations';

export interface BackupFile {
  file: string;
  name: string;
  at: number;
  reason: string;
  sizeBytes: number;
  summary: { teams: number; meetings: number; lastMeetingAt: number | null; schemaVersion: number } | null;
}

const PATTERN = /^cadence-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.sqlite$/;

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

function parseStamp(s: string): number {
  const [date, time] = s.split('T') as [string, string];
  const [h, m, sec, ms] = time.replace('Z', '').split('-');
  return Date.parse(`${date}T${h}:${m}:${sec}.${ms}Z`);
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** A verified copy of the database file made with SQLite's online backup API while the app keeps working. */
export async function createBackup(source: string, dataDir: string, reason: string, now: number): Promise<string> {
  return backupFile(source, path.join(backupsDir(dataDir), `cadence-${stamp(now)}-${reason}.sqlite`));
}

/** What a backup holds; null when it does not open cleanly. `checked`: its quick_check just passed. */
function summarize(file: string, checked = false): BackupFile['summary'] {
  let db: Database.Database | null = null;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
    if (!checked && quickCheck(db) !== 'ok') return null;
    const count = (sql: string) => (db!.prepare(sql).get() as { n: number | null }).n;
    return {
      teams: count('select count(*) as n from teams') ?? 0,
      meetings: count('select count(*) as n from meetings') ?? 0,
      lastMeetingAt: count("select max(coalesce(ended_at, scheduled_start)) as n from meetings where status = 'ended'"),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
    };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

type BackupName = Omit<BackupFile, 'summary'>;

/**
 * Automatic backups, newest first, by name alone: nothing is opened. Only plain files named as Cadence names them: a
 * name no backup has (a 13th month), a link (one leading nowhere made the list and every backup fail) or a folder
 * (pruning could not remove it, and failed) is someone else's, left alone and not counted.
 */
function backupNames(dataDir: string): BackupName[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name): BackupName[] => {
      const match = PATTERN.exec(name);
      if (!match) return [];
      const at = parseStamp(match[1]!);
      if (!Number.isFinite(at) || stamp(at) !== match[1]) return [];
      const file = path.join(dir, name);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(file);
      } catch {
        return [];
      }
      return stat.isFile() ? [{ file, name, at, reason: match[2]!, sizeBytes: stat.size }] : [];
    })
    .sort((a, b) => b.at - a.at);
}

/**
 * Automatic backups, newest first, with what each holds (null when a file does not open cleanly).
 * Each is checked in full: slow on a big database, so the app lists them in its worker thread.
 */
export function listBackups(dataDir: string): BackupFile[] {
  return backupNames(dataDir).map((b) => ({ ...b, summary: summarize(b.file) }));
}

/** The backup just made and verified, described without checking it again. */
export function describeBackup(dataDir: string, file: string): BackupFile {
  const made = backupNames(dataDir).find((b) => b.file === file);
  if (!made) throw new Error('The backup was made but cannot be found');
  return { ...made, summary: summarize(file, true) };
}

/**
 * Keeps the newest backup of each of the last `days` days on which backups were made (and
 * every backup of today, the day of `now` on the app's clock); older automatic ones go. Copies made before a restore,
 * and those before a migration (named differently), are never pruned; so are those before an archive import.
 *
 * A backup whose name is dated after `now` was made while the clock was set wrong (ahead then, or behind now): its
 * date says nothing of when it was made, so it is kept, and it neither counts as today nor takes one of the days
 * from the backups dated truly (it once made its own day "today", so today's real backups were cut to one, and it
 * was itself never pruned). Kept rather than pruned because a clock that fell back (a flat clock battery) makes
 * every real backup look dated ahead: pruning those would delete them all. Once the clock passes its date it is
 * pruned by the rules above like any other.
 */
export function pruneBackups(dataDir: string, now: number, days = 7): string[] {
  const all = backupNames(dataDir);
  const keep = new Set<string>();
  const seenDays: string[] = [];
  const today = new Date(now).toISOString().slice(0, 10);
  for (const b of all) {
    // The copy taken before a restore or an import is how it is undone: never pruned.
    if (b.reason === 'before-restore' || b.reason === 'before-import') keep.add(b.file);
    if (b.at > now) {
      keep.add(b.file);
      continue;
    }
    const day = new Date(b.at).toISOString().slice(0, 10);
    if (day === today) keep.add(b.file);
    if (!seenDays.includes(day)) {
      if (seenDays.length >= days) continue;
      seenDays.push(day);
      keep.add(b.file);
    }
  }
  const removed = all.filter((b) => !keep.has(b.file)).map((b) => b.file);
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
}

/**
 * Replaces the live database's content with a backup's, in one transaction on the open
 * connection. The backup is first copied and migrated to this version, so an older backup
 * restores into today's schema.
 */
export async function restoreInto(db: Database.Database, backupFile: string, workDir: string): Promise<void> {
  const copy = path.join(workDir, `restore-${process.pid}-${Date.now()}.sqlite`);
  fs.copyFileSync(backupFile, copy);
  try {
    const opened = await openDatabase(copy, { migrations: shippedMigrations });
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.close();
    const master = db.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as {
      name: string;
      sql: string | null;
    }[];
    // Full-text indexes are not copied: the triggers rebuild them from the rows as they go in.
    const virtual = master.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
    const tables = master.map((r) => r.name).filter((name) => !virtual.includes(name) && !virtual.some((v) => name.startsWith(`${v}_`)));
    db.prepare('ATTACH DATABASE ? AS snapshot').run(copy);
    db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        for (const table of virtual) db.exec(`DELETE FROM main."${table}";`);
        for (const table of tables) {
          db.exec(`DELETE FROM main."${table}"; INSERT INTO main."${table}" SELECT * FROM snapshot."${table}";`);
        }
        const problems = db.pragma('foreign_key_check') as unknown[];
        if (problems.length) throw new Error(`The backup has ${problems.length} broken references; nothing was restored.`);
      })();
    } finally {
      db.pragma('foreign_keys = ON');
      db.exec('DETACH DATABASE snapshot');
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
}

/** Moves a damaged database (and its WAL files) aside, never deleting it. */
export function moveAside(file: string, now: number): string {
  const target = `${file}.damaged-${stamp(now)}`;
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}
