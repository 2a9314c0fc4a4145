import { afterEach, describe, expect, it } from 'vitest';
import { ARCHIVE_TABLES } from '../../src/main/db/repositories/archive-tables';
import { activeMembers, holdMeeting } from '../support/sync-actions';
import { openLaptop, Remote, type Laptop } from '../support/sync-world';

/**
 * The change log a sync reads instead of every row (migration 017). Every sync here also runs whole on a fresh copy of
 * the database (Remote's againstFullPath), which must end with the same tree, summary, data and stamps: a change the
 * log misses shows as a difference there.
 */
let open: Laptop[] = [];
afterEach(() => {
  for (const l of open) l.t.close();
  open = [];
});

async function laptops(): Promise<{ a: Laptop; b: Laptop; teamId: string; remote: Remote }> {
  const start = Date.parse('2026-11-24T08:00:00Z');
  const [a, b] = (open = [await openLaptop('a', start), await openLaptop('b', start + 1_000)]);
  const teamId = (await a!.t.call('demo.load', {})).id;
  return { a: a!, b: b!, teamId, remote: new Remote({ againstFullPath: true }) };
}

describe('the sync change log', () => {
  it('is written by an insert, an update and a delete trigger on every table the sync carries', async () => {
    const { a } = await laptops();
    const triggers = a.repos.sql.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
    const missing = ARCHIVE_TABLES.flatMap((spec) => ['insert', 'update', 'delete'].map((on) => `sync_changes_${spec.table}_${on}`)).filter(
      (name) => !triggers.includes(name),
    );
    expect(missing).toEqual([]);
    expect(a.repos.syncChanges.complete()).toBe(true);
  });

  it('lets each sync after the first read only what changed, ending as a whole read would, on the laptop that sends and the one that brings in', async () => {
    const { a, b, teamId, remote } = await laptops();
    expect(remote.sync(a, teamId).read).toBe('everything');
    expect(remote.sync(b, teamId).read).toBe('everything');
    // Nothing logged for a team no sync has merged: another team's writes cost no row.
    expect(a.repos.sql.db.prepare('SELECT count(*) FROM sync_changes WHERE team_id <> ?').pluck().get(teamId)).toBe(0);

    const held = await holdMeeting(a, teamId, 'Ops review', '2026-11-24', ['agree', 'disagree', 'block']);
    expect(a.repos.syncChanges.changed(teamId, 100).length).toBeGreaterThan(0);
    const sent = remote.sync(a, teamId);
    expect(sent).toMatchObject({ read: 'changes', incoming: 0 });
    expect(sent.outgoing).toBeGreaterThan(5);
    expect(a.repos.syncChanges.changed(teamId, 100)).toEqual([]);
    const brought = remote.sync(b, teamId);
    expect(brought.read).toBe('changes');
    expect(brought.incoming).toBeGreaterThan(5);

    // A change of each kind, on both laptops, each synced as it comes.
    const [member] = await activeMembers(a, teamId);
    const changes: ((l: Laptop) => Promise<unknown>)[] = [
      (l) => l.t.call('members.update', { memberId: member!.id, name: `Renamed on ${l.name}`, roleTitle: null }),
      (l) => l.t.call('teams.rename', { teamId, name: `Team of ${l.name}` }),
      (l) => l.t.call('commitments.record', { commitmentId: held.commitmentId, outcome: 'at_risk', reason: `Waiting on ${l.name}` }),
      (l) => l.t.call('decisions.amend', { decisionId: held.decisionId, reason: 'Clarified', rationale: `Because of ${l.name}.` }),
      (l) => l.t.call('parkingLot.add', { teamId, title: `Raised on ${l.name}` }),
    ];
    for (const [i, change] of changes.entries()) {
      const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
      from.t.clock.advance(60_000);
      await change(from);
      expect(remote.sync(from, teamId)).toMatchObject({ read: 'changes', incoming: 0 });
      expect(remote.sync(to, teamId)).toMatchObject({ read: 'changes', outgoing: 0 });
    }
  });

  it('reads everything again once the database holds another merge than the one this process remembers, or the team is linked again', async () => {
    const { a, teamId, remote } = await laptops();
    remote.sync(a, teamId);
    await holdMeeting(a, teamId, 'Ops review', '2026-11-24');
    // As a backup restored, or a merge made by another thread, leave it.
    a.repos.syncChanges.setMergeId(teamId, 'another merge');
    expect(remote.sync(a, teamId).read).toBe('everything');
    expect(remote.sync(a, teamId).read).toBe('changes');
    // Linked to another repository (and unlinked again, so the meeting's end starts no sync of its own).
    a.repos.syncLinks.link(teamId, '/elsewhere/team.git', a.t.clock.now());
    a.repos.syncLinks.unlink(teamId);
    await holdMeeting(a, teamId, 'Release sync', '2026-11-25');
    expect(remote.sync(a, teamId).read).toBe('everything');
  });
});
