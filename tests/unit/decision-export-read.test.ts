import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../src/main/db/query';
import { createRepositories } from '../../src/main/db/repositories';
import { collectDecisions, zonedDays, type DecisionExportScope } from '../../src/main/services/exports/decision-records';
import { decisionLogHtml } from '../../src/main/services/exports/decision-log-html';
import { decisionsMadr } from '../../src/main/services/exports/decisions-madr';
import { toZoned } from '../../src/main/services/planning/zoned-time';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

/** The export's records read as before the set-based reads: each decision on its own, as its page reads it. */
function oneByOne(scope: DecisionExportScope): DecisionExportScope {
  const records = scope.records.map((r) => {
    const detail = t.core.services.decisions.get(r.detail.id);
    const zone = t.core.services.teams.list().find((team) => team.id === detail.teamId)?.timeZone ?? 'UTC';
    const at = detail.decidedAt ?? detail.meetingStart ?? detail.createdAt;
    return { ...r, detail, at, zone, date: toZoned(at, zone).date };
  });
  return { ...scope, records };
}

function expectSameExport(teamId: string | null): number {
  const fresh = t.core.services.exports.records(teamId);
  const before = oneByOne(fresh);
  expect(fresh.records.map((r) => r.detail)).toEqual(before.records.map((r) => r.detail));
  // Byte for byte: the files an export writes do not depend on how the records were read.
  expect(decisionsMadr(fresh)).toStrictEqual(decisionsMadr(before));
  expect(decisionLogHtml(fresh, '2026-11-24').content).toBe(decisionLogHtml(before, '2026-11-24').content);
  return fresh.records.length;
}

const reposOf = () => createRepositories(new Sql(t.core.opened.db));
const db = () => t.core.opened.db;

describe('the decision export reads its records in sets', () => {
  it('composes exactly the records each decision’s page shows, for one team and for all teams', async () => {
    const demo = await t.call('demo.load', {});
    // The planned meeting takes over the deferred proposal: live, it is edited there rather than amended.
    const planned = db()
      .prepare("select id from meetings where team_id = ? and status = 'planned' and called_off_at is null")
      .get(demo.id) as { id: string };
    await t.call('meetings.start', { meetingId: planned.id });
    const carried = db()
      .prepare("select count(*) as n from old_business where meeting_id = ? and source = 'open_proposal'")
      .get(planned.id) as { n: number };
    expect(carried.n).toBeGreaterThan(0);
    // Amendments at the same instant keep the order the decision's page shows them in.
    const amended = db().prepare("select id from decisions where team_id = ? and status = 'accepted' limit 1").get(demo.id) as {
      id: string;
    };
    for (const [reason, at] of [
      ['first', 5],
      ['second', 5],
      ['third', 9],
    ] as const)
      db()
        .prepare("insert into amendments (id, entity_type, entity_id, reason, changes_json, at) values (?, 'decision', ?, ?, '[]', ?)")
        .run(`0190aaaa-0000-7000-8000-00000000000${at}${reason.length}`, amended.id, reason, Date.parse('2026-11-20T09:00:00Z') + at);
    expect(t.core.services.decisions.get(amended.id).amendments.map((a) => a.reason)).toEqual(['third', 'second', 'first']);
    expect(expectSameExport(demo.id)).toBeGreaterThanOrEqual(5);

    // A second team whose decision supersedes one of the demo's: the chain leaves the team.
    const other = await t.call('teams.create', { name: 'Ops', timeZone: 'America/New_York', members: ['Ana'] });
    const target = db().prepare("select id from decisions where team_id = ? and status = 'accepted' limit 1").get(demo.id) as {
      id: string;
    };
    const copy = db().prepare('select * from decisions where id = ?').get(target.id) as Record<string, unknown>;
    const columns = Object.keys(copy);
    const crossing: Record<string, unknown> = {
      ...copy,
      id: '0190aaaa-0000-7000-8000-000000000001',
      team_id: other.id,
      meeting_id: null,
      agenda_item_id: null,
      owner_id: null,
      proposer_id: null,
      supersedes_id: target.id,
      supersede_kind: 'supersedes',
    };
    db()
      .prepare(`insert into decisions (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => crossing[c]));
    expectSameExport(demo.id);
    expectSameExport(other.id);
    expectSameExport(null);
  });

  it('refuses a team that does not exist', () => {
    expect(() => collectDecisions(reposOf(), '0190aaaa-0000-7000-8000-00000000dead')).toThrow('That team does not exist');
  });
});

describe('the day each exported decision is dated', () => {
  it('is the day toZoned gives, across offset changes (DST, half-hour shifts, odd offsets)', () => {
    const day = zonedDays();
    const around = ['2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z', '2026-11-01T04:00:00Z', '2026-04-05T12:00:00Z', '2026-12-31T20:00:00Z'];
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
    let checked = 0;
    for (const start of around)
      for (const zone of zones)
        for (let at = Date.parse(start) - 86_400_000; at < Date.parse(start) + 86_400_000; at += 7 * 60_000 + 13_001) {
          expect(day(at, zone), `${new Date(at).toISOString()} in ${zone}`).toBe(toZoned(at, zone).date);
          checked++;
        }
    expect(checked).toBeGreaterThan(10_000);
  });
});
