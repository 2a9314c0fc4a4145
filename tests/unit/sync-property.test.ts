import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ARCHIVE_TABLES } from '../../src/main/db/repositories/archive-tables';
import { activeMembers, holdMeeting } from '../support/sync-actions';
import { openLaptop, Remote, teamChecksum, type Laptop } from '../support/sync-world';

const SEED = Number(process.env.SYNC_SEED ?? Date.now() % 100000);
process.stdout.write(`sync property seed: ${SEED} (replay with SYNC_SEED=${SEED})\n`);

/** Tables whose rows are history (events, positions, amendments...): once recorded anywhere, present everywhere after syncs. */
const HISTORY = ARCHIVE_TABLES.filter((t) => t.merge.kind === 'history' && t.table !== 'decision_tags').map((t) => t.table);

type Step =
  | { kind: 'meeting'; laptop: number }
  | { kind: 'amend'; laptop: number; pick: number; word: string }
  | { kind: 'event'; laptop: number; pick: number; atRisk: boolean }
  | { kind: 'rename'; laptop: number; pick: number; name: string }
  | { kind: 'team'; laptop: number; name: string }
  | { kind: 'sync'; laptop: number };

const laptopIndex = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('meeting' as const), laptop: laptopIndex }),
  fc.record({ kind: fc.constant('amend' as const), laptop: laptopIndex, pick: fc.nat(), word: fc.constantFrom('cost', 'speed', 'safety') }),
  fc.record({ kind: fc.constant('event' as const), laptop: laptopIndex, pick: fc.nat(), atRisk: fc.boolean() }),
  fc.record({ kind: fc.constant('rename' as const), laptop: laptopIndex, pick: fc.nat(), name: fc.constantFrom('Sam', 'Robin', 'Alex') }),
  fc.record({ kind: fc.constant('sync' as const), laptop: laptopIndex }),
  // A change of a row in place, its file's lines otherwise the same (a rename adds a member event; this adds nothing).
  fc.record({ kind: fc.constant('team' as const), laptop: laptopIndex, name: fc.constantFrom('North', 'South') }),
);

let open: Laptop[] = [];
afterEach(() => {
  for (const l of open) l.t.close();
  open = [];
});

const keysOf = (l: Laptop, table: string): string[] =>
  (l.repos.sql.db.prepare(`SELECT id FROM "${table}"`).pluck().all() as string[]).map((id) => `${table} ${id}`);

async function act(l: Laptop, teamId: string, s: Step, remote: Remote, n: number): Promise<void> {
  const pick = <T>(list: T[], n: number): T | undefined => list[n % Math.max(1, list.length)];
  switch (s.kind) {
    case 'meeting':
      await holdMeeting(l, teamId, `Meeting ${n} on ${l.name}`, new Date(l.t.clock.now()).toISOString().slice(0, 10));
      return;
    case 'amend': {
      const ids = l.repos.sql.db.prepare("SELECT id FROM decisions WHERE status = 'accepted' ORDER BY id").pluck().all() as string[];
      const decisionId = pick(ids, s.pick);
      if (decisionId)
        await l.t.call('decisions.amend', { decisionId, reason: `Clarified on ${l.name}`, rationale: `Because of ${s.word} (step ${n}).` });
      return;
    }
    case 'event': {
      const ids = l.repos.sql.db
        .prepare('SELECT id FROM commitments WHERE team_id = ? AND closed_at IS NULL ORDER BY id')
        .pluck()
        .all(teamId) as string[];
      const commitmentId = pick(ids, s.pick);
      if (commitmentId)
        await l.t.call(
          'commitments.record',
          s.atRisk ? { commitmentId, outcome: 'at_risk', reason: `Waiting on ${l.name}` } : { commitmentId, outcome: 'on_track' },
        );
      return;
    }
    case 'rename': {
      const member = pick(await activeMembers(l, teamId), s.pick);
      if (member) await l.t.call('members.update', { memberId: member.id, name: `${s.name} ${l.name}${n}`, roleTitle: null });
      return;
    }
    case 'team':
      await l.t.call('teams.rename', { teamId, name: `${s.name} ${l.name}${n}` });
      return;
    case 'sync':
      remote.sync(l, teamId);
  }
}

describe('three laptops syncing through one remote', () => {
  it('after a final round all hold the same team data, and every event recorded anywhere is everywhere; each sync ends as a full one would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 9 }), async (steps) => {
        for (const l of open) l.t.close();
        const start = Date.parse('2026-11-24T08:00:00Z');
        open = [await openLaptop('a', start), await openLaptop('b', start + 1_000), await openLaptop('c', start + 2_000)];
        const [a, b, c] = open as [Laptop, Laptop, Laptop];
        const teamId = (await a.t.call('demo.load', {})).id;
        // Each sync is also run on a fresh copy of the database (nothing of the last sync at hand): it must end the same.
        const remote = new Remote({ againstFullPath: true });
        for (const l of open) remote.sync(l, teamId);
        const recorded = new Set<string>();
        let meetings = 0;
        for (const s of steps) {
          const l = open[s.laptop]!;
          l.t.clock.advance(60_000 * (1 + s.laptop));
          await act(l, teamId, s, remote, meetings++);
          for (const table of HISTORY) for (const k of keysOf(l, table)) recorded.add(k);
        }
        for (const l of [a, b, c, a, b]) remote.sync(l, teamId);
        const sums = open.map((l) => teamChecksum(l.repos, teamId));
        expect(new Set(sums).size, `checksums ${sums.join(' ')}`).toBe(1);
        for (const l of open) {
          const here = new Set(HISTORY.flatMap((table) => keysOf(l, table)));
          expect(
            [...recorded].filter((k) => !here.has(k)),
            l.name,
          ).toEqual([]);
          expect(l.repos.sql.db.pragma('foreign_key_check')).toEqual([]);
        }
        const conflicts = open.map((l) => JSON.stringify(remote.sync(l, teamId).conflicts));
        expect(new Set(conflicts).size).toBe(1);
      }),
      { seed: SEED, numRuns: Number(process.env.SYNC_RUNS ?? 4) },
    );
  }, 240_000);
});
