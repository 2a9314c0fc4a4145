import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RUN_MARKER } from '../../src/main/data-folder/run-marker';
import { listBackups, pruneBackups } from '../../src/main/db/backups';
import { migrations } from '../../src/main/db/migrations';
import { openTestCore, type TestCore } from '../support/core';

const DAY = 86_400_000;
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

describe('backups', () => {
  it('are verified copies that list what they hold', async () => {
    await t.call('demo.load', {});
    const made = await t.call('backups.create', {});
    expect(made.reason).toBe('manual');
    expect(made.summary).toMatchObject({ teams: 1, meetings: 4, schemaVersion: migrations.at(-1)!.version });
    const copy = new Database(path.join(t.dataDir, 'backups', made.name), { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();
    expect((await t.call('backups.list', {})).map((b) => b.name)).toEqual([made.name]);
  });

  it('are made when a meeting ends, and every 15 minutes only while something changed', async () => {
    const team = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const { meetingId } = await t.call('meetings.create', {
      teamId: team.id,
      title: 'Weekly',
      date: '2026-11-24',
      time: '10:00',
      lengthMin: 30,
    });
    await t.call('meetings.start', { meetingId });
    await t.call('meetings.end', { meetingId });
    expect((await t.call('backups.list', {})).map((b) => b.reason)).toEqual(['meeting-end']);

    t.clock.advance(10 * 60_000);
    await t.call('teams.rename', { teamId: team.id, name: 'Ops team' });
    expect(await t.core.backups.tick()).toBeNull(); // not 15 minutes yet
    t.clock.advance(6 * 60_000);
    // The timer's announcement is a change event naming the backups (open lists read them again) ...
    const announced: string[] = [];
    t.core.feed.subscribe((event) => announced.push(...event.changes.map((c) => c.topic)));
    const announce = () => t.core.feed.publish([{ topic: 'backups' }], 'backups.scheduled');
    expect((await t.core.backups.tick(announce))!.reason).toBe('scheduled');
    expect(announced).toEqual(['backups']);
    t.clock.advance(20 * 60_000);
    // ... which is not itself a change of the data to back up.
    expect(await t.core.backups.tick(announce)).toBeNull(); // nothing changed since
  });

  it('keep the newest of each of the last 7 days, all of today, and every pre-restore copy', () => {
    const dir = path.join(t.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const make = (at: number, reason: string) => {
      const name = `cadence-${new Date(at).toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
      fs.writeFileSync(path.join(dir, name), '');
      return name;
    };
    const now = Date.parse('2026-11-24T18:00:00Z');
    const names: string[] = [];
    for (let d = 0; d < 10; d++) {
      names.push(make(now - d * DAY, 'scheduled'), make(now - d * DAY - 3_600_000, 'scheduled'));
    }
    const oldSafety = make(now - 30 * DAY, 'before-restore');
    pruneBackups(t.dataDir, now, 7);
    const kept = listBackups(t.dataDir).map((b) => b.name);
    expect(kept).toContain(names[0]); // today: both
    expect(kept).toContain(names[1]);
    for (let d = 1; d < 7; d++) expect(kept).toContain(names[2 * d]); // newest of each earlier day
    for (let d = 1; d < 7; d++) expect(kept).not.toContain(names[2 * d + 1]);
    expect(kept).not.toContain(names[14]); // day 8: gone
    expect(kept).toContain(oldSafety);
    expect(kept).toHaveLength(2 + 6 + 1);
  });

  it('dated ahead of the clock (a clock set wrong) neither count as today nor take a day from the real ones, and are kept', async () => {
    const dir = path.join(t.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const make = (at: number) => {
      const name = `cadence-${new Date(at).toISOString().replace(/[:.]/g, '-')}-scheduled.sqlite`;
      fs.writeFileSync(path.join(dir, name), '');
      return name;
    };
    const now = t.clock.now();
    // Two a day on each of the 8 days before today, and one made while the clock ran a month ahead.
    const earlier = Array.from({ length: 8 }, (_, i) => [make(now - (i + 1) * DAY), make(now - (i + 1) * DAY - 3_600_000)]);
    const ahead = make(now + 30 * DAY);
    const today: string[] = [];
    for (let i = 0; i < 3; i++) {
      today.push((await t.call('backups.create', {})).name);
      t.clock.advance(60_000);
    }
    const kept = listBackups(t.dataDir).map((b) => b.name);
    for (const name of today) expect(kept, name).toContain(name); // all of today's, not only the newest
    for (let d = 0; d < 6; d++) expect(kept).toContain(earlier[d]![0]); // the newest of each of the 6 days before today
    expect(kept).not.toContain(earlier[6]![0]);
    expect(kept).toContain(ahead);
    expect(kept).toHaveLength(3 + 6 + 1);
  });

  it('made while the clock is behind the existing ones (it fell back) are kept, and so are those', async () => {
    const dir = path.join(t.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const now = t.clock.now();
    const ahead = Array.from({ length: 9 }, (_, i) => {
      const name = `cadence-${new Date(now + (i + 1) * DAY).toISOString().replace(/[:.]/g, '-')}-scheduled.sqlite`;
      fs.writeFileSync(path.join(dir, name), '');
      return name;
    });
    // It once was pruned the moment it was made (its day fell past the 7 newest), and the backup failed as not found.
    const made = await t.call('backups.create', {});
    expect(listBackups(t.dataDir).map((b) => b.name)).toEqual([...ahead.reverse(), made.name]);
  });

  it('restore the data of a backup, after saving the present so the restore can be undone', async () => {
    const team = await t.call('teams.create', { name: 'Before', timeZone: 'UTC', members: ['Ana'] });
    const backup = await t.call('backups.create', {});
    t.clock.advance(60_000);
    await t.call('teams.rename', { teamId: team.id, name: 'After' });
    await t.call('members.add', { teamId: team.id, name: 'Ben' });

    const result = await t.call('backups.restore', { name: backup.name });
    expect(result.safetyCopy.reason).toBe('before-restore');
    let detail = await t.call('teams.get', { teamId: team.id });
    expect(detail.team.name).toBe('Before');
    expect(detail.members.map((m) => m.name)).toEqual(['Ana']);
    expect(t.core.opened.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Undo: restore the copy made just before.
    t.clock.advance(60_000);
    await t.call('backups.restore', { name: result.safetyCopy.name });
    detail = await t.call('teams.get', { teamId: team.id });
    expect(detail.team.name).toBe('After');
    expect(detail.members.map((m) => m.name)).toEqual(['Ana', 'Ben']);
    expect((await t.fail('backups.restore', { name: '../../etc/passwd' })).code).toBe('invalid_input');
  });
});

describe('restoring and the decision log', () => {
  it('rebuilds full-text search from the restored rows: nothing stale, nothing missing', async () => {
    const empty = await t.call('backups.create', {});
    t.clock.advance(60_000);
    await t.call('demo.load', {});
    const withDemo = await t.call('backups.create', {});
    expect((await t.call('decisions.search', { query: 'regression halving' })).total).toBe(1);
    const everyRelease = (await t.call('decisions.search', { query: 'release' })).total;
    expect(everyRelease).toBe(6);

    t.clock.advance(60_000);
    await t.call('backups.restore', { name: empty.name });
    expect((await t.call('decisions.search', { query: 'regression halving' })).total).toBe(0);
    t.clock.advance(60_000);
    await t.call('backups.restore', { name: withDemo.name });
    const found = await t.call('decisions.search', { query: 'regression halving' });
    expect(found.rows.map((r) => r.title)).toEqual(['Move to a two-week release train']);
    expect((await t.call('decisions.search', { query: 'release' })).total).toBe(everyRelease);
    // FTS5's own check that the index matches its content.
    t.core.opened.db.exec("INSERT INTO decisions_fts(decisions_fts) VALUES('integrity-check')");
    expect(t.core.opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('a damaged database at start-up', () => {
  it('after an unclean shutdown is moved aside, never deleted, and the newest good backup is offered and restores', async () => {
    await t.call('demo.load', {});
    const backup = await t.call('backups.create', {});
    const dir = t.dataDir;
    t.core.close();
    const file = path.join(dir, 'cadence.sqlite');
    const live = new Database(file);
    live.pragma('wal_checkpoint(TRUNCATE)');
    live.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 4, 0x7a), 0, 4096 * 4, 4096 * 3);
    fs.closeSync(fd);
    const damagedBytes = fs.readFileSync(file);
    // As a run that crashed leaves it: the next start reads the whole file before opening it.
    fs.writeFileSync(path.join(dir, RUN_MARKER), '{}');

    const again = await openTestCore(Date.parse('2026-11-24T10:00:00Z'), dir);
    try {
      const info = await again.call('app.info', {});
      expect(info.recovery).not.toBeNull();
      expect(info.recovery!.newestBackup!.name).toBe(backup.name);
      expect(fs.readFileSync(info.recovery!.movedTo)).toEqual(damagedBytes); // kept as it was
      expect(await again.call('teams.list', {})).toEqual([]); // started on an empty file
      await again.call('backups.restore', { name: backup.name });
      expect((await again.call('teams.list', {})).map((x) => x.name)).toEqual(['Harbor Product Team']);
    } finally {
      again.close();
    }
  });
});
