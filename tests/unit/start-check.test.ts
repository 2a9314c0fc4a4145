import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RUN_MARKER } from '../../src/main/data-folder/run-marker';
import { openTestCore, type TestCore } from '../support/core';

const START = Date.parse('2026-11-24T09:00:00Z');
const opened: TestCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function open(dir?: string): Promise<TestCore> {
  const t = await openTestCore(START, dir);
  opened.push(t);
  return t;
}

/** A data folder with the demo team, a backup, and a table of its own whose pages a test can damage without touching the app's. */
async function seeded(): Promise<{ dir: string; backup: string }> {
  // The data folder outlives each core: the test reopens it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-start-'));
  dirs.push(dir);
  const t = await openTestCore(START, dir);
  await t.call('demo.load', {});
  const db = t.core.opened.db;
  db.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, body BLOB)');
  const insert = db.prepare('INSERT INTO ballast (body) VALUES (randomblob(2000))');
  db.transaction(() => {
    for (let i = 0; i < 300; i++) insert.run();
  })();
  const backup = (await t.call('backups.create', {})).name;
  t.close();
  return { dir, backup };
}

/** Zeroes the root page of the ballast table in the closed file: quick_check fails, the app's tables still read and write. */
function damage(dir: string): Buffer {
  const file = path.join(dir, 'cadence.sqlite');
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'ballast'").get() as { rootpage: number }).rootpage;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
  return fs.readFileSync(file);
}

describe('the integrity check at start-up', () => {
  it('is skipped after a clean close, so a damaged file opens and the check in the background finds it', async () => {
    const { dir } = await seeded();
    const damagedBytes = damage(dir);
    const t = await open(dir);
    expect(t.core.checkedAtStart).toBe(false);
    expect((await t.call('app.info', {})).recovery).toBeNull();
    expect(fs.existsSync(path.join(dir, RUN_MARKER))).toBe(true);

    const result = await t.core.integrity.run();
    expect(result).not.toBe('ok');
    const info = await t.call('app.info', {});
    expect(info.damageFound).toMatchObject({ detail: result, at: START });
    expect(info.recovery).toBeNull();
    // The open file is never moved, and writes go on.
    expect(fs.readdirSync(dir).filter((name) => name.includes('damaged'))).toEqual([]);
    expect(fs.statSync(path.join(dir, 'cadence.sqlite')).size).toBe(damagedBytes.length);
    await t.call('teams.create', { name: 'After the check', timeZone: 'Europe/Berlin', members: ['Ana'] });
    expect((await t.call('teams.list', {})).map((x) => x.name)).toContain('After the check');
    expect((await t.call('app.diagnostics', {})).text).toContain(`Damage found by the check in the background: yes, ${result}`);
  });

  it('after damage found in the background, the next start checks, moves the file aside and offers the newest good backup', async () => {
    const { dir, backup } = await seeded();
    damage(dir);
    const first = await open(dir);
    expect(await first.core.integrity.run()).not.toBe('ok');
    first.close();
    opened.splice(opened.indexOf(first), 1);
    // Closed cleanly, yet the marker stays: the damage is still there.
    expect(fs.existsSync(path.join(dir, RUN_MARKER))).toBe(true);

    const next = await open(dir);
    expect(next.core.checkedAtStart).toBe(true);
    const info = await next.call('app.info', {});
    expect(info.recovery).not.toBeNull();
    expect(fs.existsSync(info.recovery!.movedTo)).toBe(true);
    expect(info.recovery!.newestBackup!.name).toBe(backup);
    expect(info.damageFound).toBeNull();
    await next.call('backups.restore', { name: backup });
    expect((await next.call('teams.list', {})).map((x) => x.name)).toEqual(['Harbor Product Team']);
  });

  it('runs after an unclean shutdown, and a sound file opens as it was', async () => {
    const { dir } = await seeded();
    // What a crashed or killed run leaves behind.
    fs.writeFileSync(path.join(dir, RUN_MARKER), JSON.stringify({ pid: 999999, since: START }));
    const t = await open(dir);
    expect(t.core.checkedAtStart).toBe(true);
    expect((await t.call('app.info', {})).recovery).toBeNull();
    expect((await t.call('teams.list', {})).map((x) => x.name)).toEqual(['Harbor Product Team']);
    expect(await t.core.integrity.run()).toBe('ok');
    t.close();
    opened.splice(opened.indexOf(t), 1);
    // A clean close removes the marker: the start after it does not check.
    expect(fs.existsSync(path.join(dir, RUN_MARKER))).toBe(false);
    const again = await open(dir);
    expect(again.core.checkedAtStart).toBe(false);
  });

  it('after an unclean shutdown, a damaged file takes the recovery path', async () => {
    const { dir } = await seeded();
    const damagedBytes = damage(dir);
    fs.writeFileSync(path.join(dir, RUN_MARKER), JSON.stringify({ pid: 999999, since: START }));
    const t = await open(dir);
    const info = await t.call('app.info', {});
    expect(info.recovery).not.toBeNull();
    expect(fs.readFileSync(info.recovery!.movedTo)).toEqual(damagedBytes);
    expect(await t.call('teams.list', {})).toEqual([]);
  });
});
