import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open-database';
import { migrations } from '../../src/main/db/migrations';
import { openTestCore, type TestCore } from '../support/core';

const open: TestCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
async function core(start = Date.parse('2026-11-24T09:00:00Z')): Promise<TestCore> {
  const t = await openTestCore(start);
  open.push(t);
  return t;
}

/** Each decision of the team by id, with its number. */
function numbers(t: TestCore, teamId: string): Record<string, number> {
  const rows = t.core.opened.db.prepare('SELECT id, number FROM decisions WHERE team_id = ? ORDER BY number').all(teamId) as {
    id: string;
    number: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.number]));
}

/** A proposal recorded in a new meeting of the team today, as the facilitator would. */
async function propose(t: TestCore, teamId: string, title: string): Promise<{ id: string; number: number }> {
  const { meetingId } = await t.call('meetings.create', { teamId, title: 'Extra', date: '2026-11-25', time: '10:00', lengthMin: 30 });
  let m = await t.call('meetings.get', { meetingId });
  m = await t.call('agenda.addItem', {
    meetingId,
    expectedRevision: m.meeting.agendaRevision,
    kind: 'proposal',
    title: 'P',
    plannedMin: 10,
  });
  const d = await t.call('decisions.propose', {
    meetingId,
    agendaItemId: m.items.find((i) => i.kind === 'proposal')!.id,
    title,
    supersedesId: null,
  });
  return { id: d.id, number: d.number };
}

describe('decision numbers', () => {
  it('migration 011 numbers existing decisions per team in the order they were created; a new one takes the next', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-numbers-'));
    dirs.push(dir);
    const file = path.join(dir, 'cadence.sqlite');
    const before = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 10) });
    const insertTeam = before.db.prepare("INSERT INTO teams (id, name, time_zone, created_at, updated_at) VALUES (?, ?, 'UTC', 1, 1)");
    insertTeam.run('t1', 'Ops');
    insertTeam.run('t2', 'Design');
    const insert = before.db.prepare(
      "INSERT INTO decisions (id, team_id, title, status, created_at, updated_at) VALUES (?, ?, ?, 'accepted', ?, ?)",
    );
    // Inserted out of creation order; two created at the same instant are ordered by id.
    for (const [id, team, at] of [
      ['d3', 't1', 300],
      ['d1', 't1', 100],
      ['e1', 't2', 50],
      ['d2b', 't1', 200],
      ['d2a', 't1', 200],
    ] as const)
      insert.run(id, team, id, at, at);
    before.db.close();

    const after = await openDatabase(file);
    const rows = () => after.db.prepare('SELECT id, team_id, number FROM decisions ORDER BY team_id, number').all();
    expect(rows()).toEqual([
      { id: 'd1', team_id: 't1', number: 1 },
      { id: 'd2a', team_id: 't1', number: 2 },
      { id: 'd2b', team_id: 't1', number: 3 },
      { id: 'd3', team_id: 't1', number: 4 },
      { id: 'e1', team_id: 't2', number: 1 },
    ]);
    // Created later but dated earlier: still the next number, and no other moves.
    after.db
      .prepare("INSERT INTO decisions (id, team_id, title, status, created_at, updated_at) VALUES ('d0', 't1', 'd0', 'accepted', 1, 1)")
      .run();
    expect(after.db.prepare("SELECT number FROM decisions WHERE id = 'd0'").get()).toEqual({ number: 5 });
    expect(() => after.db.prepare("UPDATE decisions SET number = 1 WHERE id = 'd3'").run()).toThrow(/UNIQUE/);
    after.db.close();
  });

  it('travel with the team archive, so another computer shows the same numbers', async () => {
    const a = await core();
    const demo = await a.call('demo.load', {});
    const b = await core();
    await b.call('archive.import', { content: (await a.call('archive.export', { teamId: demo.id })).content });
    expect(numbers(b, demo.id)).toEqual(numbers(a, demo.id));
    expect(Object.values(numbers(a, demo.id))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('are given, in creation order, to the decisions of an archive made before numbers existed', async () => {
    const a = await core();
    const demo = await a.call('demo.load', {});
    const archive = JSON.parse((await a.call('archive.export', { teamId: demo.id })).content) as {
      schemaVersion: number;
      tables: { decisions: Record<string, unknown>[] };
    };
    archive.schemaVersion = 10;
    for (const row of archive.tables.decisions) delete row.number;
    const b = await core();
    await b.call('archive.import', { content: JSON.stringify(archive) });
    expect(numbers(b, demo.id)).toEqual(numbers(a, demo.id));
  });

  it('made apart on two laptops end the same on both: the decision created first keeps the number', async () => {
    const a = await core();
    const demo = await a.call('demo.load', {});
    const b = await core();
    await b.call('archive.import', { content: (await a.call('archive.export', { teamId: demo.id })).content });
    // Each laptop records a decision before seeing the other's: both take number 7.
    const onA = await propose(a, demo.id, 'Made on laptop A');
    b.clock.advance(60_000);
    const onB = await propose(b, demo.id, 'Made on laptop B, a minute later');
    expect([onA.number, onB.number]).toEqual([7, 7]);

    const summary = await b.call('archive.import', { content: (await a.call('archive.export', { teamId: demo.id })).content });
    expect(summary.totals.conflicts).toBe(0);
    await a.call('archive.import', { content: (await b.call('archive.export', { teamId: demo.id })).content });
    const expected = { ...numbers(a, demo.id) };
    expect(expected[onA.id]).toBe(7);
    expect(expected[onB.id]).toBe(8);
    expect(numbers(b, demo.id)).toEqual(expected);
    // Exporting again changes nothing on either side.
    const again = await b.call('archive.import', { content: (await a.call('archive.export', { teamId: demo.id })).content });
    expect(again.totals.inserted + again.totals.updated + again.totals.conflicts).toBe(0);
  });

  it('an archive carrying a number out of range (below 1, or one whose successors would not be whole numbers) is refused in plain words', async () => {
    const a = await core();
    const demo = await a.call('demo.load', {});
    const exported = (await a.call('archive.export', { teamId: demo.id })).content;
    const b = await core();
    const withNumber = (n: number, othersUnnumbered = false) => {
      const archive = JSON.parse(exported) as { tables: { decisions: Record<string, unknown>[] } };
      archive.tables.decisions[0]!.number = n;
      if (othersUnnumbered) for (const row of archive.tables.decisions.slice(1)) row.number = null;
      return JSON.stringify(archive);
    };
    for (const [n, othersUnnumbered] of [
      [-3, false],
      [0, false],
      [1_000_000_000, false],
      [Number.MAX_SAFE_INTEGER, false],
      [Number.MAX_SAFE_INTEGER, true],
    ] as const) {
      const error = await b.fail('archive.import', { content: withNumber(n, othersUnnumbered) });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe(
        `decisions row 1: the decision number ${n} is not one Cadence gives (1 to 999999999). Nothing was imported.`,
      );
      expect(numbers(b, demo.id)).toEqual({});
    }
    // The largest allowed number imports, and the next decision still gets an exact, unique number.
    await b.call('archive.import', { content: withNumber(999_999_999) });
    b.clock.advance(60_000);
    expect((await propose(b, demo.id, 'After the largest')).number).toBe(1_000_000_000);
  });
});
