import { afterEach, describe, expect, it } from 'vitest';
import { mergeTeamTree } from '../../src/main/services/sync/sync-data';
import { holdMeeting } from '../support/sync-actions';
import { openLaptop, Remote, type Laptop } from '../support/sync-world';

let laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops) l.t.close();
  laptops = [];
});

/** The commitment's row as the tree carries it and as the database holds it. */
function closedAt(tree: ReadonlyMap<string, string>, commitmentId: string): unknown {
  const line = tree.get(`cadence/commitments/${commitmentId}.jsonl`)!.split('\n')[0]!;
  return (JSON.parse(line) as { row: { closed_at: unknown } }).row.closed_at;
}

/**
 * `commitments.closed_at` is not anyone's edit: a trigger sets it from the first done or dropped event (migration 009).
 * A merge that takes it field by field, as an edit, can leave the tree saying open while the events it writes close the
 * commitment in the database (the trigger fires on their insert), or the other way round.
 */
describe('a column the database derives from other rows', () => {
  it('a commitment closed on one laptop and merged again from an older base on another stays closed in the tree and the database', async () => {
    const a = await openLaptop('a', Date.parse('2026-11-24T09:00:00Z'));
    const b = await openLaptop('b', Date.parse('2026-11-24T09:00:30Z'));
    laptops = [a, b];
    const teamId = (await a.t.call('demo.load', {})).id;
    const remote = new Remote({ againstFullPath: true });
    remote.sync(a, teamId);
    remote.sync(b, teamId);

    // b makes a commitment and sends it.
    b.t.clock.advance(60_000);
    const { commitmentId } = await holdMeeting(b, teamId, 'Ops review', '2026-11-24');
    remote.sync(b, teamId);

    // a, with a change of its own, merges it in but its push is lost (another laptop pushed first): its base stays the
    // tree without the commitment, and its database now holds the commitment, open.
    a.t.clock.advance(120_000);
    const [member] = (await a.t.call('teams.get', { teamId })).members;
    await a.t.call('members.update', { memberId: member!.id, name: 'Renamed on a', roleTitle: null });
    mergeTeamTree(a.repos, { now: () => a.t.clock.now() }, teamId, a.base, remote.head());

    // b closes the commitment and sends that.
    b.t.clock.advance(60_000);
    await b.t.call('commitments.record', { commitmentId, outcome: 'done' });
    const closedOnB = remote.sync(b, teamId);
    expect(closedAt(closedOnB.tree, commitmentId)).toEqual(expect.any(Number));

    // a merges again from its old base: the commitment is in ours (stamped anew: the base lacks it) and in theirs, closed.
    a.t.clock.advance(60_000);
    const merged = remote.sync(a, teamId);
    expect(closedAt(merged.tree, commitmentId)).toBe(closedAt(closedOnB.tree, commitmentId));
    expect(merged.conflicts.filter((c) => c.field === 'closed_at')).toEqual([]);
    const board = await a.t.call('commitments.board', { teamId });
    expect(board.open.map((c) => c.id)).not.toContain(commitmentId);

    // And b, taking a's merge, holds the same.
    const back = remote.sync(b, teamId);
    expect([...back.tree]).toEqual([...merged.tree]);
  });
});
