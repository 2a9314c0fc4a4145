import type { TestCore } from './core';

const MIN = 60_000;

/** A held meeting with a round, a decision with dissent, commitments made, and an odd title. */
export async function heldMeeting(t: TestCore): Promise<string> {
  const team = await t.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ana', 'Ben', 'Cleo'] });
  const members = (await t.call('teams.get', { teamId: team.id })).members;
  const id = (n: string) => members.find((m) => m.name === n)!.id;
  const { meetingId } = await t.call('meetings.create', {
    teamId: team.id,
    title: 'Weekly | <b>sync</b>',
    date: '2026-11-23',
    time: '10:00',
    lengthMin: 30,
  });
  let d = await t.call('meetings.get', { meetingId });
  for (const item of [
    { kind: 'check_in' as const, title: 'Check-in', plannedMin: 3, turnTimeboxSec: 60 },
    { kind: 'proposal' as const, title: 'Release cadence', plannedMin: 10 },
    { kind: 'discussion' as const, title: 'Hiring | *pipeline*', plannedMin: 5 },
  ]) {
    d = await t.call('agenda.addItem', { meetingId, expectedRevision: d.meeting.agendaRevision, ...item });
  }
  for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: a.name === 'Cleo' ? 'absent' : 'present' });
  await t.call('meetings.start', { meetingId });
  d = await t.call('meetings.get', { meetingId });
  await t.call('live.setTurnNotes', { meetingId, turnId: d.turns[0]!.id, notes: 'Rested | ready' });
  t.clock.advance(MIN);
  await t.call('live.turn', { meetingId, action: 'next' });
  t.clock.advance(MIN);
  await t.call('live.turn', { meetingId, action: 'pass' });
  await t.call('live.next', { meetingId });
  const proposal = await t.call('decisions.propose', {
    meetingId,
    agendaItemId: d.items[1]!.id,
    title: 'Two-week train',
    decision: 'Release every second Thursday.',
    rationale: 'Halves regression testing.',
    ownerId: id('Ana'),
    reviewDate: '2026-12-07',
  });
  await t.call('decisions.position', { decisionId: proposal.id, memberId: id('Ana'), stance: 'agree' });
  await t.call('decisions.position', { decisionId: proposal.id, memberId: id('Ben'), stance: 'block', reason: 'Hotfixes | cannot wait' });
  const objection = (await t.call('decisions.get', { decisionId: proposal.id })).objections[0]!;
  await t.call('decisions.resolveObjection', {
    objectionId: objection.id,
    resolution: 'integrated',
    newText: 'Release every second Thursday; hotfixes any day.',
  });
  await t.call('decisions.readBack', { decisionId: proposal.id, on: true });
  await t.call('decisions.decide', { decisionId: proposal.id, outcome: 'accepted' });
  await t.call('commitments.create', {
    meetingId,
    agendaItemId: d.items[1]!.id,
    decisionId: proposal.id,
    ownerId: id('Ben'),
    outcome: 'Announce it | <i>today</i>',
    dueDate: '2026-11-27',
  });
  t.clock.advance(8 * MIN);
  await t.call('live.setNotes', { meetingId, itemId: d.items[1]!.id, notes: 'Long debate.\n\nAgreed in the end.' });
  await t.call('meetings.end', { meetingId });
  // Check-out: Ana by name, one anonymous rating with a sentence.
  const ana = d.attendees.find((a) => a.name === 'Ana')!;
  await t.call('feedback.give', { meetingId, attendeeId: ana.id, rating: 8 });
  await t.call('feedback.give', { meetingId, rating: 5, better: 'Send the proposal | *before* the meeting' });
  return meetingId;
}
