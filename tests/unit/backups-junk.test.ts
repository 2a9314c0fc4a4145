import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-24T09:00:00Z');
const backupName = (at: number, reason: string) => `cadence-${new Date(at).toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;

let t: TestCore;
const temp = tempDirs('backups-junk');
beforeEach(async () => {
  t = await openTestCore(NOW);
});
afterEach(() => {
  t.close();
  temp.removeAll();
});

describe('a backups folder holding what Cadence did not write there', () => {
  it('lists, makes and prunes its own backups, and leaves the rest exactly as it was', async () => {
    const dir = path.join(t.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    // Eight days of old backups: pruning keeps seven days, so it reaches the oldest entries below.
    const old = Array.from({ length: 8 }, (_, d) => backupName(NOW - (d + 1) * DAY, 'scheduled'));
    for (const name of old) fs.writeFileSync(path.join(dir, name), '');
    const elsewhere = path.join(temp.make(), 'notes.txt');
    fs.writeFileSync(elsewhere, 'mine');
    const junk = {
      badDate: 'cadence-2026-13-45T99-99-99-999Z-manual.sqlite',
      dangling: backupName(NOW - 20 * DAY, 'manual'),
      link: backupName(NOW - 21 * DAY, 'scheduled'),
      folder: backupName(NOW - 22 * DAY, 'scheduled'),
    };
    fs.writeFileSync(path.join(dir, junk.badDate), 'junk');
    fs.symlinkSync(path.join(dir, 'nothing-here'), path.join(dir, junk.dangling));
    fs.symlinkSync(elsewhere, path.join(dir, junk.link));
    fs.mkdirSync(path.join(dir, junk.folder));
    fs.writeFileSync(path.join(dir, junk.folder, 'keep.txt'), 'mine');

    expect((await t.call('backups.list', {})).map((b) => b.name)).toEqual(old);
    const made = await t.call('backups.create', {});
    const listed = (await t.call('backups.list', {})).map((b) => b.name);
    // Seven days kept, today one of them: the two oldest of the eight went.
    expect(listed).toEqual([made.name, ...old.slice(0, 6)]);
    for (const b of await t.call('backups.list', {})) expect(Number.isFinite(b.at), b.name).toBe(true);

    expect(fs.readFileSync(path.join(dir, junk.badDate), 'utf8')).toBe('junk');
    expect(fs.readlinkSync(path.join(dir, junk.dangling))).toBe(path.join(dir, 'nothing-here'));
    expect(fs.readlinkSync(path.join(dir, junk.link))).toBe(elsewhere);
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('mine');
    expect(fs.readFileSync(path.join(dir, junk.folder, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('a backup a newer Cadence made is refused in words before anything is done, and the data stays', async () => {
    await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const made = await t.call('backups.create', {});
    const copy = new Database(path.join(t.dataDir, 'backups', made.name));
    const known = copy.pragma('user_version', { simple: true }) as number;
    copy.pragma(`user_version = ${known + 1}`);
    copy.close();
    await t.call('teams.create', { name: 'Later', timeZone: 'UTC', members: ['Ben'] });
    t.clock.advance(60_000);
    expect(await t.fail('backups.restore', { name: made.name })).toMatchObject({
      code: 'conflict',
      message: `That backup was made by a newer Cadence (schema ${known + 1}; this version knows up to ${known}), so it cannot be restored here. Update Cadence to restore it, or choose another one. Nothing was changed.`,
    });
    expect((await t.call('teams.list', {})).map((team) => team.name).sort()).toEqual(['Later', 'Ops']);
    // No safety copy was made for a restore that could not be.
    expect((await t.call('backups.list', {})).map((b) => b.name)).toEqual([made.name]);
  });
});
