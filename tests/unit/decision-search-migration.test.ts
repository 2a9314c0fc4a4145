import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/open-database';
import { Sql } from '../../src/main/db/query';
import { searchLog, type LogFilter } from '../../src/main/db/repositories/decision-log-search';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const filter = (teamId: string | null, match: string): LogFilter => ({
  match,
  wholeWords: null,
  teamId,
  statuses: [],
  ownerId: null,
  tag: null,
  fromMs: null,
  toMs: null,
  hasDissent: false,
  reviewDueBy: null,
  sort: 'relevance',
  offset: 0,
  limit: 50,
});

describe('migration 21 (decision search by team)', () => {
  it('indexes the decisions already logged by team, and a decision moved to another team after it', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-search-by-team-'));
    const file = path.join(dir, 'cadence.sqlite');
    const before = await openDatabase(file, { migrations: migrations.filter((m) => m.version < 21) });
    const insertTeam = before.db.prepare('insert into teams values (?, ?, ?, 1, 1, null)');
    insertTeam.run('0190a000-0000-7000-8000-0000000000a1', 'Ops', 'UTC');
    insertTeam.run('0190a000-0000-7000-8000-0000000000b2', 'Sales', 'UTC');
    const decision = before.db.prepare(
      "insert into decisions (id, team_id, title, status, rationale, created_at, updated_at) values (?, ?, ?, 'accepted', ?, 1, 1)",
    );
    decision.run('d1', '0190a000-0000-7000-8000-0000000000a1', 'Budget freeze', 'cash is tight');
    decision.run('d2', '0190a000-0000-7000-8000-0000000000b2', 'Budget split', 'two regions');
    decision.run('d3', '0190a000-0000-7000-8000-0000000000a1', 'Hiring', 'budget allows one');
    before.db.close();

    const after = await openDatabase(file);
    const sql = new Sql(after.db);
    const ids = (teamId: string | null, match: string) => searchLog(sql, filter(teamId, match)).rows.map((r) => r.id);
    expect(ids('0190a000-0000-7000-8000-0000000000a1', '"budget"')).toEqual(['d1', 'd3']);
    expect(ids('0190a000-0000-7000-8000-0000000000b2', '"budget"')).toEqual(['d2']);
    expect(ids(null, '"budget"').sort()).toEqual(['d1', 'd2', 'd3']);
    // The triggers keep the team's word: a decision moved to another team (a sync taking the other side's row) moves.
    after.db.prepare("update decisions set team_id = '0190a000-0000-7000-8000-0000000000b2' where id = 'd3'").run();
    expect(ids('0190a000-0000-7000-8000-0000000000a1', '"budget"')).toEqual(['d1']);
    expect(ids('0190a000-0000-7000-8000-0000000000b2', '"budget"').sort()).toEqual(['d2', 'd3']);
    after.db.close();
  });
});

describe('migration 25 (four- and five-letter prefixes)', () => {
  it('rebuilds the index with its prefix indexes, the decisions already logged found as before, and new ones after', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-search-prefixes-'));
    const file = path.join(dir, 'cadence.sqlite');
    const before = await openDatabase(file, { migrations: migrations.filter((m) => m.version < 25) });
    before.db.prepare("insert into teams values ('0190a000-0000-7000-8000-0000000000a1', 'Ops', 'UTC', 1, 1, null)").run();
    const decision = before.db.prepare(
      "insert into decisions (id, team_id, title, status, rationale, created_at, updated_at) values (?, '0190a000-0000-7000-8000-0000000000a1', ?, 'accepted', ?, 1, 1)",
    );
    decision.run('d1', 'Budget freeze', 'cash is tight');
    decision.run('d2', 'Hiring', 'the budgeting round allows one');
    decision.run('d3', 'Office days', 'collaboration');
    const prefixes = (db: typeof before.db) =>
      /prefix = '([^']*)'/.exec(
        (db.prepare("select sql from sqlite_master where name = 'decisions_fts'").get() as { sql: string }).sql,
      )?.[1];
    expect(prefixes(before.db)).toBe('3');
    before.db.close();

    const after = await openDatabase(file);
    expect(prefixes(after.db)).toBe('3 4 5');
    const sql = new Sql(after.db);
    const ids = (match: string) =>
      searchLog(sql, filter(null, match))
        .rows.map((r) => r.id)
        .sort();
    for (const typed of ['"bud"*', '"budg"*', '"budge"*', '"budget"*']) expect(ids(typed)).toEqual(['d1', 'd2']);
    expect(ids('"budget"')).toEqual(['d1']);
    expect(ids('"colla"*')).toEqual(['d3']);
    // The triggers write the new index: a decision logged after the migration, and one whose text changed, are found.
    after.db
      .prepare(
        "insert into decisions (id, team_id, title, status, rationale, created_at, updated_at) values ('d4', '0190a000-0000-7000-8000-0000000000a1', 'Budgie', 'accepted', 'a bird', 2, 2)",
      )
      .run();
    after.db.prepare("update decisions set rationale = 'budget talks' where id = 'd3'").run();
    expect(ids('"budg"*')).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(ids('"colla"*')).toEqual([]);
    after.db.close();
  });
});
