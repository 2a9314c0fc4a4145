import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitmentDueDetail } from '../../src/shared/commitments';
import { StatementLog } from '../../src/main/testing/bench-statements';
import { openTestCore, type TestCore } from '../support/core';
import { startedMeeting } from './helpers/minutes-meeting';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-23T08:00:00Z'));
});
afterEach(() => t.close());

/**
 * A team of `owners` members whose meeting ends with one commitment per member, each owned by someone else; then the
 * next meeting is planned, its old business those commitments. One is renegotiated after the planning and one owner
 * leaves, so the details read differ from those written. Answers the planned meeting.
 */
async function nextWithCommitments(team: string, owners: number) {
  const members = Array.from({ length: owners }, (_, i) => `${team} member ${i + 1}`);
  const { teamId, meetingId, d, member } = await startedMeeting(t, [{ kind: 'discussion', title: 'Work' }], { name: team, members });
  const made: string[] = [];
  for (const [i, name] of members.entries()) {
    const c = await t.call('commitments.create', {
      meetingId,
      agendaItemId: d.items[0]!.id,
      ownerId: member(name),
      outcome: `Thing ${i + 1} shipped`,
      dueDate: `2026-12-${String(10 + i).padStart(2, '0')}`,
    });
    made.push(c.id);
  }
  await t.call('meetings.end', { meetingId });
  t.clock.advance(60_000);
  const next = await t.call('meetings.create', { teamId, title: 'Weekly', date: '2026-11-30', time: '10:00', lengthMin: 60 });
  await t.call('commitments.record', { commitmentId: made[0]!, outcome: 'renegotiated', newDueDate: '2027-01-15', reason: 'Holidays' });
  await t.call('members.markLeft', { memberId: member(members[1]!) });
  return next.meetingId;
}

/** The statements SQLite runs for the meeting's whole view (its page's read), counted. */
async function statementsOfView(log: StatementLog, meetingId: string): Promise<number> {
  log.reset();
  await log.during(async () => t.core.services.meetingView.detail(meetingId));
  return log.statements();
}

/** Each open commitment of the old business with its detail, and the same detail made from the commitment read alone. */
async function detailsAndReference(meetingId: string) {
  const { oldBusiness } = t.core.services.meetingView.context(meetingId);
  const listed = oldBusiness.filter((o) => o.source === 'open_commitment');
  const reference = await Promise.all(
    listed.map(async (o) => commitmentDueDetail(await t.call('commitments.get', { commitmentId: o.refId }))),
  );
  return { shown: listed.map((o) => o.detail), reference };
}

describe('a meeting’s old business commitments, read together', () => {
  it('reads the meeting view in as many statements for three commitments as for twelve, planned and held, with the same details', async () => {
    const small = await nextWithCommitments('Small', 3);
    const large = await nextWithCommitments('Large', 12);
    const log = new StatementLog(t.core.opened.db);

    // Planned: each commitment's due date as it is now (the renegotiation since the planning, the owner who left).
    for (const meetingId of [small, large]) {
      const { shown, reference } = await detailsAndReference(meetingId);
      expect(shown).toEqual(reference);
      expect(shown.some((s) => s.startsWith('Due 2027-01-15'))).toBe(true);
    }
    const plannedSmall = await statementsOfView(log, small);
    expect(plannedSmall).toBeGreaterThan(0);
    expect(await statementsOfView(log, large)).toBe(plannedSmall);

    // Held: the due dates as they held at its end, read from the commitments' events, in as few statements.
    for (const meetingId of [small, large]) {
      for (const a of (await t.call('meetings.get', { meetingId })).attendees)
        await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
      await t.call('meetings.start', { meetingId });
      await t.call('meetings.end', { meetingId });
    }
    const heldSmall = await statementsOfView(log, small);
    expect(await statementsOfView(log, large)).toBe(heldSmall);
    const held = t.core.services.meetingView.context(large).oldBusiness.filter((o) => o.source === 'open_commitment');
    expect(held).toHaveLength(12);
  });
});
