import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/open-database';
import { Sql } from '../../src/main/db/query';
import { LiveRepository } from '../../src/main/db/repositories/live-repository';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('migration 19 (lean facilitator writes)', () => {
  it('keeps every undo step, position and commitment event, and undo still finds the last step not undone', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-lean-writes-'));
    const file = path.join(dir, 'cadence.sqlite');
    const before = await openDatabase(file, { migrations: migrations.filter((m) => m.version < 19) });
    const db = before.db;
    db.prepare("insert into teams values ('t1', 'Ops', 'UTC', 1, 1, null)").run();
    db.prepare(
      "insert into members (id, team_id, name, position, joined_at, created_at, updated_at) values ('m1', 't1', 'Ana', 0, 1, 1, 1)",
    ).run();
    db.prepare(
      "insert into meetings (id, team_id, title, status, planned_length_ms, created_at, updated_at) values ('live', 't1', 'Weekly', 'live', 1800000, 1, 1)",
    ).run();
    const action = db.prepare(
      'insert into live_actions (id, meeting_id, kind, label, before_json, at, undone_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    // Ids in creation order (UUIDv7); the newest was undone, the one before it was extended by a later note save.
    action.run('0190a000-0000-7000-8000-000000000001', 'live', 'next', 'next item', '{"v":2}', 10, null);
    action.run('0190a000-0000-7000-8000-000000000002', 'live', 'notes', 'notes on “Budget”', '{"v":2}', 40, null);
    action.run('0190a000-0000-7000-8000-000000000003', 'live', 'pause', 'pause', '{"v":2}', 30, 35);
    db.prepare(
      "insert into commitments (id, team_id, owner_id, outcome, original_due_date, meeting_id, created_at) values ('c1', 't1', 'm1', 'Ship it', '2026-12-01', 'live', 1)",
    ).run();
    const event = db.prepare('insert into commitment_events (id, commitment_id, kind, status, at, meeting_id) values (?, ?, ?, ?, ?, ?)');
    event.run('e1', 'c1', 'created', 'open', 1, 'live');
    event.run('e2', 'c1', 'status', 'on_track', 2, 'live');
    event.run('e3', 'c1', 'done', 'done', 3, 'live');
    db.prepare(
      "insert into decisions (id, team_id, title, status, created_at, updated_at) values ('d1', 't1', 'Ship weekly', 'proposed', 1, 1)",
    ).run();
    db.prepare(
      "insert into positions (id, decision_id, member_id, stance, reason, recorded_at) values ('p1', 'd1', 'm1', 'block', 'Too soon', 5)",
    ).run();
    db.prepare(
      "insert into objections (id, decision_id, position_id, member_id, reason, created_at) values ('o1', 'd1', 'p1', 'm1', 'Too soon', 5)",
    ).run();
    const positions = db.prepare('select * from positions').all();
    const actions = db.prepare('select * from live_actions order by id').all();
    const events = db.prepare('select * from commitment_events order by id').all();
    db.close();

    const after = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 19) });
    expect(after.db.pragma('user_version', { simple: true })).toBe(19);
    expect(after.db.prepare('select * from live_actions order by id').all()).toEqual(actions);
    expect(after.db.prepare('select * from commitment_events order by id').all()).toEqual(events);
    expect(after.db.prepare('select * from positions').all()).toEqual(positions);
    expect(after.db.pragma('foreign_key_check')).toEqual([]);
    // An objection still names its position, which the database still holds it to.
    expect(() => after.db.prepare("delete from positions where id = 'p1'").run()).toThrow(/FOREIGN KEY/);
    expect(after.db.prepare("select closed_at from commitments where id = 'c1'").get()).toEqual({ closed_at: 3 });
    // Undo's read as it was at version 19 (the repository now reads the log of migration 023, which has a rowid).
    const last = "select id, at, kind, label from live_actions where meeting_id = 'live' and undone_at is null order by id desc limit 1";
    expect(after.db.prepare(last).get()).toMatchObject({ id: '0190a000-0000-7000-8000-000000000002', at: 40, kind: 'notes' });
    // No team has been merged by a sync: a write marks nothing for one.
    after.db.prepare("update live_actions set at = 50 where meeting_id = 'live' and id = '0190a000-0000-7000-8000-000000000002'").run();
    expect(after.db.prepare('select count(*) as n from sync_changes').get()).toEqual({ n: 0 });
    after.db.close();
  });
});

describe('migration 20 (undo log appends)', () => {
  it('keeps every undo step in a table that appends, found by meeting and id, each id once in its meeting', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-undo-log-'));
    const file = path.join(dir, 'cadence.sqlite');
    const before = await openDatabase(file, { migrations: migrations.filter((m) => m.version < 20) });
    const db = before.db;
    db.prepare("insert into teams values ('t1', 'Ops', 'UTC', 1, 1, null)").run();
    for (const id of ['live', 'other'])
      db.prepare(
        "insert into meetings (id, team_id, title, status, planned_length_ms, created_at, updated_at) values (?, 't1', 'Weekly', 'live', 1800000, 1, 1)",
      ).run(id);
    const action = db.prepare(
      'insert into live_actions (id, meeting_id, kind, label, before_json, at, undone_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    action.run('0190a000-0000-7000-8000-000000000001', 'live', 'next', 'next item', '{"v":2}', 10, null);
    action.run('0190a000-0000-7000-8000-000000000002', 'other', 'pause', 'pause', '{"v":2}', 20, null);
    action.run('0190a000-0000-7000-8000-000000000003', 'live', 'notes', 'notes on “Budget”', '{"v":2}', 40, null);
    action.run('0190a000-0000-7000-8000-000000000004', 'live', 'pause', 'pause', '{"v":2}', 30, 35);
    const actions = db.prepare('select * from live_actions order by id').all();
    db.close();

    const after = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 20) });
    expect(after.db.pragma('user_version', { simple: true })).toBe(20);
    expect(after.db.prepare('select * from live_actions order by id').all()).toEqual(actions);
    // A rowid table: its rows are appended, in the order of their ids.
    expect(after.db.prepare('select id from live_actions order by rowid').all()).toEqual(
      (actions as { id: string }[]).map(({ id }) => ({ id })),
    );
    const live = new LiveRepository(new Sql(after.db));
    expect(live.lastAction('live')).toMatchObject({ id: '0190a000-0000-7000-8000-000000000003', kind: 'notes' });
    live.touchAction(live.lastAction('live')!, 50);
    live.markUndone(live.lastAction('live')!, 60);
    expect(live.lastAction('live')).toMatchObject({ id: '0190a000-0000-7000-8000-000000000001', kind: 'next' });
    expect(after.db.prepare("select at, undone_at from live_actions where id = '0190a000-0000-7000-8000-000000000003'").get()).toEqual({
      at: 50,
      undone_at: 60,
    });
    // The other meeting's step is its own.
    expect(live.lastAction('other')).toMatchObject({ id: '0190a000-0000-7000-8000-000000000002' });
    expect(() =>
      after.db
        .prepare("insert into live_actions values ('0190a000-0000-7000-8000-000000000001', 'live', 'next', 'next item', '{}', 70, null)")
        .run(),
    ).toThrow(/UNIQUE/);
    // Every statement the log is read and written by finds its rows through the (meeting, id) index.
    for (const query of [
      "select * from live_actions where meeting_id = 'live' and undone_at is null order by id desc limit 1",
      "update live_actions set at = 1 where meeting_id = 'live' and id = 'x'",
    ])
      expect(JSON.stringify(after.db.prepare(`explain query plan ${query}`).all())).toContain('live_actions_by_meeting');
    expect(after.db.pragma('foreign_key_check')).toEqual([]);
    after.db.close();
  });
});

describe('migration 23 (undo log of live meetings)', () => {
  it('deletes the steps of meetings not running, drops the index, and undo still finds a live meeting’s last step', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-live-log-'));
    const file = path.join(dir, 'cadence.sqlite');
    const before = await openDatabase(file, { migrations: migrations.filter((m) => m.version < 23) });
    const db = before.db;
    db.prepare("insert into teams values ('t1', 'Ops', 'UTC', 1, 1, null)").run();
    db.prepare("insert into teams values ('t2', 'Sales', 'UTC', 1, 1, null)").run();
    const meeting = db.prepare(
      "insert into meetings (id, team_id, title, status, planned_length_ms, created_at, updated_at) values (?, ?, 'Weekly', ?, 1800000, 1, 1)",
    );
    meeting.run('held', 't1', 'ended');
    meeting.run('running', 't1', 'live');
    meeting.run('other', 't2', 'live');
    meeting.run('next', 't2', 'planned');
    const action = db.prepare(
      'insert into live_actions (id, meeting_id, kind, label, before_json, at, undone_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    action.run('0190a000-0000-7000-8000-000000000001', 'held', 'next', 'next item', '{"v":2}', 10, null);
    action.run('0190a000-0000-7000-8000-000000000002', 'running', 'next', 'next item', '{"v":2}', 20, null);
    action.run('0190a000-0000-7000-8000-000000000003', 'other', 'pause', 'pause', '{"v":2}', 25, null);
    action.run('0190a000-0000-7000-8000-000000000004', 'held', 'notes', 'notes on “Budget”', '{"v":2}', 30, null);
    action.run('0190a000-0000-7000-8000-000000000005', 'running', 'pause', 'pause', '{"v":2}', 40, 45);
    // A step left by a meeting planned again (no such path today): not live, so not kept.
    action.run('0190a000-0000-7000-8000-000000000006', 'next', 'next', 'next item', '{"v":2}', 50, null);
    const kept = db.prepare("select * from live_actions where meeting_id in ('running', 'other') order by rowid").all();
    db.close();

    const after = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 23) });
    expect(after.db.pragma('user_version', { simple: true })).toBe(23);
    expect(after.db.prepare('select * from live_actions order by rowid').all()).toEqual(kept);
    expect(after.db.prepare("select name from sqlite_schema where tbl_name = 'live_actions' and type = 'index'").all()).toEqual([]);
    const live = new LiveRepository(new Sql(after.db));
    expect(live.lastAction('running')).toMatchObject({ id: '0190a000-0000-7000-8000-000000000002', kind: 'next' });
    expect(live.lastActionShown('other')).toEqual({ id: '0190a000-0000-7000-8000-000000000003', label: 'pause' });
    live.markUndone(live.lastAction('running')!, 60);
    expect(live.lastAction('running')).toBeNull();
    expect(live.lastAction('held')).toBeNull();
    // Undo's reads walk the log from its end, unsorted; a step it read is written again by its rowid.
    const plan = (query: string) => JSON.stringify(after.db.prepare(`explain query plan ${query}`).all());
    const last = plan("select id from live_actions where meeting_id = 'other' and undone_at is null order by rowid desc limit 1");
    expect(last).toContain('SCAN live_actions');
    expect(last).not.toContain('TEMP B-TREE');
    expect(plan("update live_actions set at = 1 where rowid = 2 and id = 'x'")).toContain('INTEGER PRIMARY KEY');
    expect(after.db.pragma('foreign_key_check')).toEqual([]);
    after.db.close();
  });
});
