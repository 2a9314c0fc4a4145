import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Commitment } from '../../src/shared/commitments';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-01T09:00:00Z'));
});
afterEach(() => t.close());

const at = (iso: string) => (t.clock.current = Date.parse(iso));

async function team(zone = 'Europe/Berlin') {
  const created = await t.call('teams.create', { name: 'Ops', timeZone: zone, members: ['Ana', 'Ben'] });
  const detail = await t.call('teams.get', { teamId: created.id });
  const id = (name: string) => detail.members.find((m) => m.name === name)!.id;
  return { teamId: created.id, ana: id('Ana'), ben: id('Ben') };
}

async function commit(teamId: string, ownerId: string, outcome: string, dueDate: string): Promise<Commitment> {
  return t.call('commitments.create', { teamId, ownerId, outcome, dueDate, confirmPastDue: true });
}

const record = (commitmentId: string, fields: Record<string, unknown>) =>
  t.call('commitments.record', { commitmentId, outcome: 'done', ...fields } as never) as Promise<Commitment>;

describe('commitments', () => {
  it('derive their status from the latest event and keep every event; a closed one takes no more', async () => {
    const { teamId, ana } = await team();
    const c = await commit(teamId, ana, 'Runbook updated', '2026-11-10');
    expect(c.status).toBe('open');
    await record(c.id, { outcome: 'on_track', reason: 'Half written' });
    const risk = await t.fail('commitments.record', { commitmentId: c.id, outcome: 'at_risk', reason: '  ' });
    expect(risk.message).toBe('Say what help is needed');
    expect((await record(c.id, { outcome: 'at_risk', reason: 'Need a reviewer from security' })).status).toBe('at_risk');
    const moved = await record(c.id, { outcome: 'renegotiated', newDueDate: '2026-11-17', reason: 'Reviewer is away' });
    expect(moved).toMatchObject({ status: 'open', dueDate: '2026-11-17', originalDueDate: '2026-11-10' });
    const done = await record(c.id, { outcome: 'done' });
    expect(done.status).toBe('done');
    expect(done.events.map((e) => e.kind)).toEqual(['created', 'status', 'status', 'renegotiated', 'done']);
    expect((await t.fail('commitments.record', { commitmentId: c.id, outcome: 'dropped', reason: 'x' })).message).toBe(
      'This commitment is already done; its history stays as it is',
    );
  });

  it('ask for confirmation before a due date in the past, and need a date and a reason to renegotiate', async () => {
    const { teamId, ana } = await team();
    const past = await t.fail('commitments.create', { teamId, ownerId: ana, outcome: 'Late already', dueDate: '2026-10-30' });
    expect(past.message).toBe('The due date 2026-10-30 is in the past (today is 2026-11-01). Confirm to record it anyway.');
    // The renderer offers the confirmation on this code and shows the message beside the due date.
    expect(past).toMatchObject({ code: 'conflict', reason: 'due_in_past', path: 'dueDate' });
    const c = await t.call('commitments.create', {
      teamId,
      ownerId: ana,
      outcome: 'Late already',
      dueDate: '2026-10-30',
      confirmPastDue: true,
    });
    expect(c.overdue).toBe(true);
    const noDate = await t.fail('commitments.record', { commitmentId: c.id, outcome: 'renegotiated', reason: 'Busy' });
    expect(noDate.message).toBe('A renegotiation needs the new date');
    const slip = await t.fail('commitments.record', { commitmentId: c.id, outcome: 'slipped', rootCause: 'other' });
    expect(slip.message).toBe('A slip needs a corrective action');
  });

  it('record whether a renegotiation came before or after the date it replaced, in the team’s time zone', async () => {
    const { teamId, ana } = await team('Pacific/Auckland');
    const early = await commit(teamId, ana, 'A', '2026-11-05');
    const late = await commit(teamId, ana, 'B', '2026-11-05');
    at('2026-11-05T09:00:00Z'); // 22:00 on the 5th in Auckland: still the due day
    const a = await record(early.id, { outcome: 'renegotiated', newDueDate: '2026-11-12', reason: 'Scope grew' });
    at('2026-11-05T12:00:00Z'); // 01:00 on the 6th in Auckland: the day has passed
    const b = await record(late.id, { outcome: 'renegotiated', newDueDate: '2026-11-12', reason: 'Forgot' });
    expect(a.events.at(-1)).toMatchObject({ kind: 'renegotiated', oldDueDate: '2026-11-05', newDueDate: '2026-11-12', inAdvance: true });
    expect(b.events.at(-1)).toMatchObject({ inAdvance: false });
  });

  it('count "done on time" by the team’s calendar on the night the clocks change', async () => {
    // New York leaves daylight saving time at 02:00 on 1 Nov 2026: that evening is UTC-5.
    const { teamId, ana } = await team('America/New_York');
    const onTime = await commit(teamId, ana, 'Done at 23:30 local', '2026-11-01');
    const late = await commit(teamId, ana, 'Done at 00:30 local the next day', '2026-11-01');
    at('2026-11-02T04:30:00Z');
    await record(onTime.id, { outcome: 'done' });
    at('2026-11-02T05:30:00Z');
    await record(late.id, { outcome: 'done' });
    at('2026-11-10T12:00:00Z');
    const f = await t.call('commitments.followThrough', { teamId });
    expect(f.team).toMatchObject({ due: 2, doneOnTime: 1, doneOnTimeShare: 0.5 });
  });

  it('flag the open commitments of someone who left for reassignment, never drop them, and hand them over with a reason', async () => {
    const { teamId, ana, ben } = await team();
    const open = await commit(teamId, ben, 'Dashboard handed over', '2026-11-20');
    const closed = await commit(teamId, ben, 'Old thing', '2026-11-02');
    await record(closed.id, { outcome: 'done' });
    await t.call('members.markLeft', { memberId: ben });
    const board = await t.call('commitments.board', { teamId });
    expect(board.open.map((c) => [c.outcome, c.ownerName, c.needsReassignment])).toEqual([['Dashboard handed over', 'Ben', true]]);
    expect((await t.fail('commitments.reassign', { commitmentId: open.id, ownerId: ana, reason: ' ' })).code).toBe('invalid_input');
    const handed = await t.call('commitments.reassign', {
      commitmentId: open.id,
      ownerId: ana,
      reason: 'Ben left; Ana owns the dashboard now',
    });
    expect(handed).toMatchObject({ ownerName: 'Ana', needsReassignment: false, status: 'open' });
    expect(handed.events.at(-1)).toMatchObject({ kind: 'reassigned', newOwnerName: 'Ana', reason: 'Ben left; Ana owns the dashboard now' });
    const back = await t.fail('commitments.reassign', { commitmentId: open.id, ownerId: ben, reason: 'Undo' });
    expect(back.message).toBe('Ben has left the team: choose someone who is in it');
    // An outcome answers with the owner it now has, not the one who made it.
    const reviewed = await record(open.id, { outcome: 'on_track' });
    expect([reviewed.ownerName, reviewed.originalOwnerId, reviewed.needsReassignment]).toEqual(['Ana', ben, false]);
  });

  it('refuse an outcome naming what is not the commitment’s, in words, and write nothing of it', async () => {
    const { teamId, ana, ben } = await team();
    const sales = await t.call('teams.create', { name: 'Sales', timeZone: 'Europe/Berlin', members: ['Cleo'] });
    const cleo = (await t.call('teams.get', { teamId: sales.id })).members[0]!.id;
    const { meetingId: elsewhere } = await t.call('meetings.create', {
      teamId: sales.id,
      title: 'Sales weekly',
      date: '2026-11-02',
      time: '10:00',
      lengthMin: 30,
    });
    const c = await commit(teamId, ana, 'Runbook updated', '2026-11-10');
    const slip = (ownerId: string) => ({
      commitmentId: c.id,
      outcome: 'slipped',
      rootCause: 'other',
      correctiveAction: 'Pair on it',
      corrective: { ownerId, dueDate: '2026-11-20' },
    });
    const unknown = await t.fail('commitments.record', { commitmentId: '01900000-0000-7000-8000-000000000000', outcome: 'done' });
    expect([unknown.code, unknown.message]).toEqual(['not_found', 'That commitment does not exist']);
    const theirs = await t.fail('commitments.record', { commitmentId: c.id, meetingId: elsewhere, outcome: 'done' });
    expect([theirs.code, theirs.message]).toEqual(['not_found', 'That meeting is not one of this team’s']);
    const stranger = await t.fail('commitments.record', slip(cleo));
    expect([stranger.code, stranger.message]).toEqual(['not_found', 'That person is not a member of this team']);
    await t.call('members.markLeft', { memberId: ben });
    const left = await t.fail('commitments.record', slip(ben));
    expect(left).toMatchObject({ code: 'conflict', reason: 'member_left', message: 'Ben has left the team: choose someone who is in it' });
    const board = await t.call('commitments.board', { teamId });
    expect(board.open.map((o) => [o.outcome, o.status, o.events.length])).toEqual([['Runbook updated', 'open', 1]]);
    // Named well, the slip and its corrective commitment are written together.
    const slipped = await record(c.id, slip(ana));
    expect([slipped.ownerName, slipped.needsReassignment]).toEqual(['Ana', false]);
    const corrective = await t.call('commitments.get', { commitmentId: slipped.events.at(-1)!.correctiveCommitmentId! });
    expect([corrective.outcome, corrective.ownerName, corrective.dueDate]).toEqual(['Pair on it', 'Ana', '2026-11-20']);
  });

  it('compute follow-through over a fixture history exactly as counted by hand', async () => {
    const { teamId, ana, ben } = await team('Europe/Berlin');
    const c1 = await commit(teamId, ana, 'c1 done early', '2026-11-10');
    const c2 = await commit(teamId, ana, 'c2 renegotiated in advance, then done', '2026-11-10');
    const c3 = await commit(teamId, ben, 'c3 slipped', '2026-11-12');
    const c4 = await commit(teamId, ben, 'c4 renegotiated late', '2026-11-12');
    const c5 = await commit(teamId, ben, 'c5 done just after midnight in Berlin', '2026-11-15');
    await commit(teamId, ana, 'c6 due in the future', '2026-12-20');
    const c7 = await commit(teamId, ana, 'c7 dropped', '2026-11-05');

    at('2026-11-06T10:00:00Z');
    await record(c7.id, { outcome: 'dropped', reason: 'No longer needed after the reorg' });
    at('2026-11-08T10:00:00Z');
    await record(c2.id, { outcome: 'renegotiated', newDueDate: '2026-11-20', reason: 'Waiting on legal' });
    at('2026-11-09T10:00:00Z');
    await record(c1.id, { outcome: 'done' });
    at('2026-11-13T10:00:00Z');
    await record(c3.id, {
      outcome: 'slipped',
      rootCause: 'missing_resource',
      correctiveAction: 'Borrow a test device from QA',
      corrective: { ownerId: ben, dueDate: '2026-11-27' },
    });
    at('2026-11-14T10:00:00Z');
    await record(c4.id, { outcome: 'renegotiated', newDueDate: '2026-11-30', reason: 'Forgot it' });
    at('2026-11-15T23:30:00Z'); // 00:30 on the 16th in Berlin: one day late
    await record(c5.id, { outcome: 'done' });
    at('2026-11-19T10:00:00Z');
    await record(c2.id, { outcome: 'done' });
    at('2026-11-24T10:00:00Z');

    const f = await t.call('commitments.followThrough', { teamId });
    expect([f.from, f.to]).toEqual(['2026-08-25', '2026-11-24']);
    // Due: c1 c2 c3 c4 c5 c7 (c6 and the corrective one are not due yet).
    expect(f.team).toEqual({
      due: 6,
      doneOnTime: 1,
      renegotiatedInAdvance: 1,
      renegotiatedLate: 1,
      slipped: 1,
      dropped: 1,
      slipCauses: [{ cause: 'missing_resource', count: 1 }],
      doneOnTimeShare: 1 / 6,
      renegotiatedInAdvanceShare: 1 / 6,
    });
    const byName = Object.fromEntries(f.members.map((m) => [m.name, m.figures]));
    expect(byName.Ana).toMatchObject({ due: 3, doneOnTime: 1, renegotiatedInAdvance: 1, dropped: 1, slipped: 0 });
    expect(byName.Ben).toMatchObject({ due: 3, doneOnTime: 0, renegotiatedLate: 1, slipped: 1, doneOnTimeShare: 0 });
    // A shorter period counts only what was due in it.
    const week = await t.call('commitments.followThrough', { teamId, from: '2026-11-11', to: '2026-11-17' });
    expect(week.team).toMatchObject({ due: 3, doneOnTime: 0, slipped: 1, renegotiatedLate: 1 });
  });
});

describe('commitments in meetings', () => {
  it('are made in a meeting, listed as old business in the next one and walked there, due ones first', async () => {
    const { teamId, ana, ben } = await team('UTC');
    at('2026-11-02T09:00:00Z');
    const { meetingId: first } = await t.call('meetings.create', {
      teamId,
      title: 'Week 1',
      date: '2026-11-02',
      time: '10:00',
      lengthMin: 30,
    });
    await t.call('meetings.start', { meetingId: first });
    await t.call('commitments.create', { meetingId: first, ownerId: ben, outcome: 'Ben early', dueDate: '2026-11-05' });
    await t.call('commitments.create', { meetingId: first, ownerId: ana, outcome: 'Ana later', dueDate: '2026-11-20' });
    await t.call('commitments.create', { meetingId: first, ownerId: ana, outcome: 'Ana due', dueDate: '2026-11-09' });
    const made = (await t.call('meetings.get', { meetingId: first })).commitments.made;
    expect(made.map((c) => c.outcome)).toEqual(['Ben early', 'Ana later', 'Ana due']);
    await t.call('meetings.end', { meetingId: first });

    at('2026-11-08T09:00:00Z');
    const { meetingId: second } = await t.call('meetings.create', {
      teamId,
      title: 'Week 2',
      date: '2026-11-09',
      time: '10:00',
      lengthMin: 30,
    });
    let next = await t.call('meetings.get', { meetingId: second });
    expect(next.oldBusiness.filter((o) => o.source === 'open_commitment').map((o) => o.title)).toEqual([
      'Ben: Ben early',
      'Ana: Ana due',
      'Ana: Ana later',
    ]);
    // Due by the meeting's day first, owner by owner in team order; then the rest.
    expect(next.commitments.review.map((c) => c.outcome)).toEqual(['Ana due', 'Ben early', 'Ana later']);
    await t.call('meetings.start', { meetingId: second });
    const ended = await t.fail('commitments.record', { commitmentId: made[0]!.id, meetingId: first, outcome: 'done' });
    expect(ended.message).toBe('Review outcomes are recorded while the meeting is live');
    await t.call('commitments.record', { commitmentId: made[0]!.id, meetingId: second, outcome: 'done' });
    next = await t.call('meetings.get', { meetingId: second });
    // Closed here, it stays in the walk so the room sees its outcome.
    expect(next.commitments.review.map((c) => [c.outcome, c.status])).toEqual([
      ['Ana due', 'open'],
      ['Ben early', 'done'],
      ['Ana later', 'open'],
    ]);
    expect(next.oldBusiness.find((o) => o.title === 'Ben: Ben early')!.open).toBe(false);
  });
});

describe('the demo team', () => {
  it('has commitments done, renegotiated, slipped with a corrective action, and one waiting for reassignment', async () => {
    t.clock.current = Date.now();
    const demo = await t.call('demo.load', {});
    const board = await t.call('commitments.board', { teamId: demo.id });
    expect(board.open.find((c) => c.ownerName === 'Tom Becker')).toMatchObject({ needsReassignment: true, overdue: true });
    const all = [...board.open];
    expect(all.some((c) => c.events.some((e) => e.kind === 'renegotiated' && e.inAdvance === true))).toBe(true);
    const f = await t.call('commitments.followThrough', { teamId: demo.id });
    expect(f.team.doneOnTime).toBeGreaterThanOrEqual(3);
    expect(f.team.slipped).toBe(1);
    expect(f.team.slipCauses).toEqual([{ cause: 'missing_resource', count: 1 }]);
    const upcoming = (await t.call('meetings.list', { teamId: demo.id })).upcoming[0]!;
    const next = await t.call('meetings.get', { meetingId: upcoming.id });
    expect(next.oldBusiness.filter((o) => o.source === 'open_commitment').length).toBeGreaterThanOrEqual(4);
    expect(next.commitments.doneSinceLast.map((c) => c.ownerName)).toEqual(['Kofi Mensah']);
  });
});
