import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../src/main/core/cadence-core';
import { CorruptDatabaseError } from '../../src/main/db/open-database';
import { openTestCore } from '../support/core';

// Walked against the browser server (attack13): a write-ahead log of another database left beside cadence.sqlite
// (a file copied back from a backup or another computer, next to the log of the one it replaced). The start said
// "It was not changed" while closing the connection had copied the stray log into the file: 145 pages of meetings
// became the other database's 29, and the app refused to start.

const START = Date.parse('2026-11-24T09:00:00Z');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-stray-wal-'));
  dirs.push(dir);
  return dir;
}

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The write-ahead log of another program's database, with its writes still in it (as a crash leaves them). */
function foreignLog(dir: string): string {
  const file = path.join(dir, 'other.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('create table notes (body text)');
  const insert = db.prepare('insert into notes values (?)');
  for (let i = 0; i < 200; i++) insert.run(`note ${i} `.repeat(20));
  const copy = path.join(dir, 'other.wal');
  fs.copyFileSync(`${file}-wal`, copy);
  db.close();
  return copy;
}

/** A data folder closed cleanly, with a team and a verified backup in it. */
async function usedFolder(): Promise<{ dir: string; file: string; backup: string }> {
  const dir = tempDir();
  const t = await openTestCore(START, dir);
  await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
  const backup = (await t.call('backups.create', {})).name;
  await t.call('teams.create', { name: 'Sales', timeZone: 'UTC', members: ['Bo'] });
  t.close();
  return { dir, file: path.join(dir, 'cadence.sqlite'), backup };
}

describe('a write-ahead log of another database beside cadence.sqlite', () => {
  it('is damage: the file and the log are moved aside exactly as they were, and the newest good backup is offered', async () => {
    const { dir, file, backup } = await usedFolder();
    const log = foreignLog(tempDir());
    fs.copyFileSync(log, `${file}-wal`);
    const before = digest(file);

    const t = await openTestCore(START, dir);
    try {
      const recovery = (await t.call('app.info', {})).recovery;
      expect(recovery).not.toBeNull();
      expect(recovery!.detail).toBe('its write-ahead log (cadence.sqlite-wal) belongs to another database');
      // Nothing of the stray log reached the person's file: both are kept, byte for byte.
      expect(digest(recovery!.movedTo)).toBe(before);
      expect(digest(`${recovery!.movedTo}-wal`)).toBe(digest(log));
      expect(recovery!.newestBackup!.name).toBe(backup);
      // The moved file still holds both teams (read alone, away from the stray log moved beside it).
      const alone = path.join(tempDir(), 'alone.sqlite');
      fs.copyFileSync(recovery!.movedTo, alone);
      const moved = new Database(alone, { readonly: true, fileMustExist: true });
      try {
        expect((moved.prepare('select name from teams order by name').all() as { name: string }[]).map((r) => r.name)).toEqual([
          'Ops',
          'Sales',
        ]);
      } finally {
        moved.close();
      }
    } finally {
      t.close();
    }
  });

  it("beside another program's database: refused, and both files are left exactly as they were", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cadence.sqlite');
    // Another program's database, closed cleanly (no log of its own), and a log of a different one beside it.
    const other = new Database(file);
    other.exec('create table accounts (id integer primary key, owner text)');
    other.prepare('insert into accounts (owner) values (?)').run('Ana');
    other.close();
    const log = foreignLog(tempDir());
    fs.copyFileSync(log, `${file}-wal`);
    const before = digest(file);

    const error = await startCore({ dataDir: dir, mode: 'browser', version: 'test', backgroundCheckAfterMs: null }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(CorruptDatabaseError);
    expect(error!.message).toContain('It was not changed.');
    expect(digest(file)).toBe(before);
    expect(digest(`${file}-wal`)).toBe(digest(log));
  });
});
