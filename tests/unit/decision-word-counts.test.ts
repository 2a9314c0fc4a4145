import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../src/main/db/query';
import { inMostDecisions } from '../../src/main/db/repositories/decision-word-counts';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

describe('words in most decisions (kept per connection, dropped at any change of the index)', () => {
  async function team(): Promise<string> {
    return (await t.call('teams.create', { name: 'Ops', timeZone: 'Europe/Berlin', members: ['Ana'] })).id;
  }
  function insert(db: Database.Database, teamId: string, first: number, count: number, rationale: string) {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO decisions (id, team_id, title, status, rationale, decided_at, created_at, updated_at)
       SELECT printf('01900000-0000-7000-8000-%012d', i), ?, 'Item ' || i, 'accepted', ?, i, i, i FROM n`,
    ).run(first, first + count - 1, teamId, rationale);
  }

  it('names a word (or a 3-letter prefix) in at least half of the decisions, and stays exact after writes here and elsewhere', async () => {
    const teamId = await team();
    const db = t.core.opened.db;
    const sql = new Sql(db);
    insert(db, teamId, 1, 4, 'alpha budget');
    insert(db, teamId, 5, 6, 'beta budget');
    // 4 of 10, 6 of 10, 10 of 10.
    expect(inMostDecisions(sql, ['"alpha"', '"beta"', '"budget"', '"alp"*'])).toEqual(new Set(['"beta"', '"budget"']));
    // On this connection: alpha now in 6 of 12 (and beta in 6 of 12: half is enough).
    insert(db, teamId, 11, 2, 'alpha');
    expect(inMostDecisions(sql, ['"alpha"', '"alp"*', '"beta"', '"budget"'])).toEqual(new Set(['"alpha"', '"alp"*', '"beta"', '"budget"']));
    // On another connection (a sync or an import writes so): alpha back to 5 of 12, beta up to 7.
    const other = new Database(t.core.opened.file);
    try {
      other.prepare("UPDATE decisions SET rationale = 'beta' WHERE title = 'Item 11'").run();
    } finally {
      other.close();
    }
    expect(inMostDecisions(sql, ['"alpha"', '"alp"*', '"beta"', '"budget"'])).toEqual(new Set(['"beta"', '"budget"']));
  });
});
