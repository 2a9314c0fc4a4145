import { itemClockOf, type MeetingLive } from '../../../src/shared/planning';
import { itemRemaining } from '../../../src/shared/timer';
import type { TestCore } from '../../support/core';

/** Ops (Ana, Ben, Cleo, Dan) meeting started: a check-in round and two discussions, Dan absent. */
export async function liveMeeting(t: TestCore, teamName = 'Ops'): Promise<MeetingLive> {
  const team = await t.call('teams.create', { name: teamName, timeZone: 'Europe/Berlin', members: ['Ana', 'Ben', 'Cleo', 'Dan'] });
  const { meetingId } = await t.call('meetings.create', {
    teamId: team.id,
    title: 'Weekly',
    date: '2026-11-24',
    time: '10:00',
    lengthMin: 30,
  });
  let d = await t.call('meetings.get', { meetingId });
  d = await t.call('agenda.addItem', {
    meetingId,
    expectedRevision: d.meeting.agendaRevision,
    kind: 'check_in',
    title: 'Check-in',
    plannedMin: 4,
    turnTimeboxSec: 60,
  });
  d = await t.call('agenda.addItem', {
    meetingId,
    expectedRevision: d.meeting.agendaRevision,
    kind: 'discussion',
    title: 'Budget',
    plannedMin: 10,
  });
  d = await t.call('agenda.addItem', {
    meetingId,
    expectedRevision: d.meeting.agendaRevision,
    kind: 'discussion',
    title: 'Hiring',
    plannedMin: 10,
  });
  const dan = d.attendees.find((a) => a.name === 'Dan')!;
  for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: a.id === dan.id ? 'absent' : 'present' });
  return t.call('meetings.start', { meetingId });
}

/** What the item titled so has left at `now`. */
export const remainingOf = (d: MeetingLive, title: string, now: number) => {
  const item = d.items.find((i) => i.title === title)!;
  return itemRemaining(itemClockOf(item), d.clock, now);
};
