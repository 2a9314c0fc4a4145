import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src/shared/sync';
import { closeEvery, openTestCore } from '../support/core';
import { act, keptRows, stepArb, teamLines, type Person } from '../support/sync-actions';
import { expectSyncedWhole } from '../support/sync-whole-tree';
import { tempDirs } from '../support/temp-dirs';

/**
 * Issue 19's property on real repositories: three data folders, each with its own clone, sync through a bare
 * repository on local disk, by the operations the team page and the timer call (sync.link, sync.run).
 */
const SEED = Number(process.env.SYNC_SEED) || Date.now() % 1_000_000;
// Each run holds about fifteen syncs (tens of git processes each): 8 to 30 s a run on this 2-core machine shared by eight
// engineers (load 10 to 20), so 2 runs keep the file near a minute; SYNC_RUNS=20 for a deeper look.
const RUNS = Number(process.env.SYNC_RUNS) || 2;
/** A deeper look is given the time its runs take. */
const TIMEOUT_MS = Math.max(180_000, RUNS * 90_000);

const temp = tempDirs('sync-prop');
const open: Person[] = [];
let syncing: string | null = null;

/**
 * Every laptop closed and every folder removed, however the run ended: a sync still running (a meeting's end starts
 * one in the background) is waited for first, since its git would go on writing into a folder removed under it; one
 * laptop that fails to close neither keeps the others open nor the folders on disk (its error is thrown after).
 */
async function closeAll(): Promise<void> {
  const laptops = open.splice(0);
  const teamId = syncing;
  syncing = null;
  try {
    if (teamId) await Promise.allSettled(laptops.filter((l) => l.t.core.sync.status(teamId).running).map((l) => l.t.core.sync.run(teamId)));
    closeEvery(laptops.map((l) => l.t));
  } finally {
    temp.removeAll();
  }
}
afterEach(closeAll);

/** All the syncs ended, then the first failure thrown: Promise.all would go on with a failed run while the others still ran. */
async function allSettled(syncs: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(syncs)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** git's own trace of every process it runs, one file per process, while `during` runs: how many pushes it refused. */
async function refusedPushes(during: () => Promise<unknown>): Promise<number> {
  const dir = temp.make();
  process.env.GIT_TRACE2_EVENT = dir;
  try {
    await during();
  } finally {
    delete process.env.GIT_TRACE2_EVENT;
  }
  let refused = 0;
  for (const file of fs.readdirSync(dir)) {
    const events = fs
      .readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { event: string; argv?: string[]; code?: number });
    const push = events.some((e) => e.event === 'start' && e.argv?.[0] === 'git' && e.argv.includes('push'));
    if (push && events.some((e) => e.event === 'exit' && e.code !== 0)) refused++;
  }
  return refused;
}

/**
 * A sync through the real service; a failure here is a bug (the remote is on local disk and always answers). What it
 * committed (laid out again only where rows changed, records rendered again only where they changed) is what a
 * whole rebuild of the laptop's database gives, byte for byte.
 */
async function sync(l: Person, teamId: string): Promise<SyncStatus> {
  // A meeting's end starts a sync in the background, and one asked for meanwhile joins it: it began before this step's
  // writes, so it ends first (its failures are the background's, not looked at here), then this sync holds them all.
  if (l.t.core.sync.status(teamId).running) await l.t.core.sync.run(teamId).catch(() => undefined);
  const status = await l.t.call('sync.run', { teamId });
  expect(status.problem, `${l.name}: ${status.problem?.message}`).toBeNull();
  await expectSyncedWhole(l.t, teamId);
  return status;
}

describe('three data folders syncing through a bare repository', () => {
  it(
    'after random work and syncs, a final round leaves the same team data on all three, every row recorded anywhere, the same conflicts',
    async () => {
      process.stdout.write(`sync property (git) seed: ${SEED} (replay with SYNC_SEED=${SEED})\n`);
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 9 }), async (steps) => {
          await closeAll();
          const remote = path.join(temp.make(), 'team.git');
          execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
          const start = Date.parse('2026-11-24T08:00:00Z');
          for (const [i, name] of ['a', 'b', 'c'].entries()) open.push({ name, t: await openTestCore(start + i * 1_000, temp.make()) });
          const [a, b, c] = open as [Person, Person, Person];
          const teamId = (await a.t.call('demo.load', {})).id;
          syncing = teamId;
          expect((await a.t.call('sync.link', { teamId, url: remote })).problem).toBeNull();
          for (const l of [b, c]) expect((await l.t.call('sync.link', { url: remote })).problem).toBeNull();

          const recorded = new Set<string>();
          const note = async (l: Person) => {
            for (const k of await keptRows(l.t, teamId)) recorded.add(k);
          };
          for (const [n, s] of steps.entries()) {
            const l = open[s.laptop]!;
            l.t.clock.advance(60_000 * (1 + s.laptop));
            if (s.kind === 'sync') await sync(l, teamId);
            else if (s.kind === 'syncPair') {
              const other = open[(s.laptop + s.other) % 3]!;
              refused += await refusedPushes(() => allSettled([sync(l, teamId), sync(other, teamId)]));
              await note(other);
            } else await act(l, teamId, s, n);
            await note(l);
          }

          // The final round: each laptop with something to send, all three at once (two pushes refused, merged and sent
          // again), then each in turn until all hold the last.
          for (const l of open) {
            await l.t.call('members.add', { teamId, name: `Joined on ${l.name}` });
            await note(l);
          }
          refused += await refusedPushes(() => allSettled(open.map((l) => sync(l, teamId))));
          for (const l of [a, b, c, a, b]) await sync(l, teamId);

          const [first, ...others] = await Promise.all(open.map((l) => teamLines(l.t, teamId)));
          for (const [i, lines] of others.entries()) {
            const here = new Set(lines);
            const there = new Set(first);
            // The rows that differ, so a failure shows what the merge left apart.
            expect({
              onlyOnA: first!.filter((x) => !here.has(x)),
              [`only on ${open[i + 1]!.name}`]: lines.filter((x) => !there.has(x)),
            }).toEqual({
              onlyOnA: [],
              [`only on ${open[i + 1]!.name}`]: [],
            });
          }
          for (const l of open) {
            const here = new Set(await keptRows(l.t, teamId));
            expect(
              [...recorded].filter((k) => !here.has(k)),
              `rows missing on ${l.name}`,
            ).toEqual([]);
          }
          const statuses = await Promise.all(open.map((l) => l.t.call('sync.status', { teamId })));
          for (const s of statuses) expect(s.waiting.unpushed).toBe(false);
          expect(new Set(statuses.map((s) => JSON.stringify(s.conflicts))).size, 'conflicts differ between laptops').toBe(1);
        }),
        // A failure is reported as found, not shrunk: each run costs seconds of git, and a run fast-check stops at a time
        // limit goes on making data folders after the test has cleaned up. Nine steps at most read well as they are.
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      // The concurrent syncs did race: some push was refused and went round again (else they proved nothing).
      expect(refused).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});
