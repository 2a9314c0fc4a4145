import { afterEach, describe, expect, it } from 'vitest';
import { teamTree } from '../../src/main/services/sync/sync-data';
import type { TestCore } from '../support/core';
import { openLaptop, Remote, type Laptop } from '../support/sync-world';

/**
 * The undo log keeps live meetings' steps alone (migration 023): ending a meeting deletes its own. Steps of a meeting
 * that is not running here must not come back in by an archive or a sync: from a Cadence before 23 (which kept every
 * meeting's steps), from an archive made while the meeting ran, or from a laptop that has not seen it end.
 */
let laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops) l.t.close();
  laptops = [];
});

const stepsByMeeting = (t: TestCore): Record<string, number> =>
  Object.fromEntries(
    (
      t.core.opened.db.prepare('select meeting_id, count(*) as n from live_actions group by meeting_id order by meeting_id').all() as {
        meeting_id: string;
        n: number;
      }[]
    ).map((r) => [r.meeting_id, r.n]),
  );

const insertStep = (t: TestCore, id: string, meetingId: string) =>
  t.core.opened.db
    .prepare("insert into live_actions (id, meeting_id, kind, label, before_json, at) values (?, ?, 'pause', 'pause', '{\"v\":2}', 1)")
    .run(id, meetingId);

/** The demo team with its next meeting running and two steps taken in it; the id of one of its ended meetings. */
async function demoRunning(t: TestCore): Promise<{ teamId: string; running: string; ended: string }> {
  const teamId = (await t.call('demo.load', {})).id;
  const meetings = await t.call('meetings.list', { teamId });
  const running = meetings.upcoming[0]!.id;
  await t.call('meetings.start', { meetingId: running });
  await t.call('live.next', { meetingId: running });
  await t.call('live.pause', { meetingId: running });
  return { teamId, running, ended: meetings.past.find((m) => m.status === 'ended')!.id };
}

describe('an archive import', () => {
  it('brings in the steps of a meeting running here alone, and ends the undo of a meeting it ends', async () => {
    const a = await openLaptop('a', Date.parse('2026-11-24T09:00:00Z'));
    const b = await openLaptop('b', Date.parse('2026-11-24T09:00:00Z'));
    laptops = [a, b];
    const { teamId, running, ended } = await demoRunning(a.t);
    // A Cadence before 23 kept the steps of the meetings it had held: one such step in the archive.
    insertStep(a.t, '0190a000-0000-7000-8000-000000000001', ended);
    const whileRunning = (await a.t.call('archive.export', { teamId })).content;

    const imported = await b.t.call('archive.import', { content: whileRunning });
    expect(stepsByMeeting(b.t)).toEqual({ [running]: 2 });
    expect(imported.tables.find((t) => t.table === 'live_actions')).toMatchObject({ inserted: 2, conflicts: 0 });
    // The running meeting's steps undo on the laptop that took them in.
    expect((await b.t.call('live.undo', { meetingId: running })).undone).toBe('pause');

    // The meeting ends on a; the archive made while it ran, imported again, brings none of its steps back.
    a.t.clock.advance(60_000);
    await a.t.call('meetings.end', { meetingId: running });
    a.t.core.opened.db.prepare('delete from live_actions where meeting_id = ?').run(ended);
    expect(stepsByMeeting(a.t)).toEqual({});
    await a.t.call('archive.import', { content: whileRunning });
    expect(stepsByMeeting(a.t)).toEqual({});

    // b imports the archive of the ended meeting: the meeting ends on b too, and so does its undo.
    await b.t.call('archive.import', { content: (await a.t.call('archive.export', { teamId })).content });
    expect((await b.t.call('meetings.get', { meetingId: running })).meeting.status).toBe('ended');
    expect(stepsByMeeting(b.t)).toEqual({});
  });
});

describe('a sync', () => {
  it('takes a meeting’s steps out where it ends, and drops the steps of an ended meeting arriving from any side', async () => {
    const a = await openLaptop('a', Date.parse('2026-11-24T09:00:00Z'));
    const b = await openLaptop('b', Date.parse('2026-11-24T09:00:30Z'));
    const c = await openLaptop('c', Date.parse('2026-11-24T09:01:00Z'));
    laptops = [a, b, c];
    const { teamId, running, ended } = await demoRunning(a.t);
    // Every sync is run twice, incrementally and on a fresh copy, which must end the same (sync-world.ts).
    const remote = new Remote({ againstFullPath: true });
    remote.sync(a, teamId);
    remote.sync(b, teamId);
    remote.sync(c, teamId);
    expect(stepsByMeeting(b.t)).toEqual({ [running]: 2 });

    // a ends the meeting; b, which still has it running with its steps as they were, takes the end and drops them.
    a.t.clock.advance(60_000);
    await a.t.call('meetings.end', { meetingId: running });
    remote.sync(a, teamId);
    remote.sync(b, teamId);
    expect((await b.t.call('meetings.get', { meetingId: running })).meeting.status).toBe('ended');
    expect(stepsByMeeting(b.t)).toEqual({});

    // c still runs it and took a step since its last sync (a pause undone): merged, the meeting has ended, no step stays.
    await c.t.call('live.undo', { meetingId: running });
    // And c holds a step of an older meeting, as a Cadence before 23 did.
    insertStep(c.t, '0190a000-0000-7000-8000-000000000002', ended);
    remote.sync(c, teamId);
    expect(stepsByMeeting(c.t)).toEqual({});
    expect([...remote.head()!.values()].join('\n')).not.toContain('"live_actions"');

    // A tree that carries an ended meeting's step (pushed by a Cadence before 23 on top of c's) leaves none in b.
    insertStep(c.t, '0190a000-0000-7000-8000-000000000003', ended);
    const fromOldCadence = teamTree(c.repos, teamId);
    expect([...fromOldCadence.values()].join('\n')).toContain('0190a000-0000-7000-8000-000000000003');
    remote.trees.push(fromOldCadence);
    remote.sync(b, teamId);
    expect(stepsByMeeting(b.t)).toEqual({});
    expect([...remote.head()!.values()].join('\n')).not.toContain('"live_actions"');
  });
});
