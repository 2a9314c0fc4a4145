import fc from 'fast-check';
import { afterEach, describe, it } from 'vitest';
import { closeEvery } from '../support/core';
import { act, stepArb } from '../support/sync-actions';
import { openLaptop, Remote, type Laptop } from '../support/sync-world';

/**
 * The merge's own oracle, beside the property on real repositories (sync-property-git.test.ts, which checks what
 * the laptops end with): every sync of the same random work, run by the merge as it is (the last tree and parsed
 * files at hand) and again on a fresh copy of the database (nothing at hand), must leave the same tree bytes,
 * summary, team data and stamps, and the database must hold exactly the tree it pushes. No git: the remote is a list
 * of trees, so the cache's every path is reached in little time.
 */
const SEED = Number(process.env.SYNC_SEED) || Date.now() % 1_000_000;

let open: Laptop[] = [];
/** Every laptop closed, and its folder removed, even when one of them fails to close. */
function closeAll(): void {
  const laptops = open;
  open = [];
  closeEvery(laptops.map((l) => l.t));
}
afterEach(closeAll);

describe('three laptops syncing through a remote of trees', () => {
  it('each sync ends as a full one on a fresh copy of the database would, and the database holds the tree it pushes', async () => {
    process.stdout.write(`sync property (merge) seed: ${SEED} (replay with SYNC_SEED=${SEED})\n`);
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 9 }), async (steps) => {
        closeAll();
        const start = Date.parse('2026-11-24T08:00:00Z');
        open = [await openLaptop('a', start), await openLaptop('b', start + 1_000), await openLaptop('c', start + 2_000)];
        const teamId = (await open[0]!.t.call('demo.load', {})).id;
        // Remote.sync throws where the incremental merge and the full one part, or the database and the tree do.
        const remote = new Remote({ againstFullPath: true });
        for (const l of open) remote.sync(l, teamId);
        for (const [n, s] of steps.entries()) {
          const l = open[s.laptop]!;
          l.t.clock.advance(60_000 * (1 + s.laptop));
          if (s.kind === 'sync') remote.sync(l, teamId);
          // Without git there is no race: the second laptop merges the first's push.
          else if (s.kind === 'syncPair') for (const x of [l, open[(s.laptop + s.other) % 3]!]) remote.sync(x, teamId);
          else await act(l, teamId, s, n);
        }
        for (const l of [...open, ...open]) remote.sync(l, teamId);
      }),
      // A failure is reported as found, not shrunk (every run costs seconds), with its seed and path to replay.
      { seed: SEED, numRuns: Number(process.env.SYNC_RUNS) || 4, endOnFailure: true },
    );
  }, 240_000);
});
