import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/main/core/ids';
import { qb, Sql } from '../../src/main/db/query';

describe('uuidv7', () => {
  it('carries the millisecond, version 7, the variant and creation order within a millisecond', () => {
    for (const ms of [0, 1, 0xffffffff, 0x100000000, Date.parse('2026-11-30T09:00:00.123Z'), 2 ** 48 - 1]) {
      const clock = { now: () => ms };
      const ids = Array.from({ length: 50 }, () => uuidv7(clock));
      for (const id of ids) {
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
      }
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('is different on every call across many refills of its random pool', () => {
    let ms = 1_700_000_000_000;
    const clock = { now: () => (ms += 1) };
    const tails = new Set(Array.from({ length: 5000 }, () => uuidv7(clock).slice(19)));
    expect(tails.size).toBe(5000);
  });
});

describe('statements compiled once', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function open(): Sql {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-statements-'));
    const db = new Database(path.join(dir, 'x.sqlite'));
    db.exec(`CREATE TABLE live_actions (id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, kind TEXT NOT NULL, label TEXT NOT NULL,
      before_json TEXT NOT NULL, at INTEGER NOT NULL, undone_at INTEGER)`);
    return new Sql(db);
  }

  it('binds each argument by name where the SQL names it, keeping the values written in the query', () => {
    const sql = open();
    const insert = sql.prepared((a: { id: string; meetingId: string; at: number }) =>
      qb
        .insertInto('live_actions')
        .values({ id: a.id, meeting_id: a.meetingId, kind: 'next', label: 'next item', before_json: '{}', at: a.at, undone_at: null }),
    );
    for (let i = 0; i < 3; i++) insert.run({ at: 100 + i, meetingId: i < 2 ? 'm1' : 'm2', id: `a${i}` });
    const latest = sql.prepared((a: { meetingId: string }) =>
      qb.selectFrom('live_actions').select(['id', 'at', 'kind']).where('meeting_id', '=', a.meetingId).orderBy('at', 'desc').limit(1),
    );
    expect(latest.get({ meetingId: 'm1' })).toEqual({ id: 'a1', at: 101, kind: 'next' });
    expect(latest.get({ meetingId: 'm2' })).toEqual({ id: 'a2', at: 102, kind: 'next' });
    expect(latest.get({ meetingId: 'none' })).toBeUndefined();
  });

  it('refuses a builder that spreads its arguments instead of naming them', () => {
    const sql = open();
    const spread = sql.prepared((a: { id: string }) =>
      qb
        .selectFrom('live_actions')
        .selectAll()
        .where('id', '=', { ...a }.id),
    );
    expect(() => spread.get({ id: 'x' })).toThrow(/one by one/);
  });

  it('writes only the columns given, whichever set of them comes first', () => {
    const sql = open();
    sql.db.exec(`INSERT INTO live_actions VALUES ('a', 'm', 'pause', 'pause', '{}', 5, NULL)`);
    const update = sql.updates((set: { at?: number; undone_at?: number | null }, id) =>
      qb.updateTable('live_actions').set(set).where('id', '=', id),
    );
    expect(update('a', { undone_at: 9 })).toBe(1);
    expect(update('a', { at: 7 })).toBe(1);
    expect(update('a', { at: 8, undone_at: null })).toBe(1);
    expect(update('missing', { at: 1 })).toBe(0);
    expect(sql.db.prepare('SELECT at, undone_at FROM live_actions').get()).toEqual({ at: 8, undone_at: null });
    expect(update('a', { undone_at: 10 })).toBe(1);
    expect(sql.db.prepare('SELECT at, undone_at FROM live_actions').get()).toEqual({ at: 8, undone_at: 10 });
  });
});
