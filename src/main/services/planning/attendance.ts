import type { ParsedInputOf } from '@shared/contract';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { MeetingsTable } from '../../db/schema';

export function endedError(): DomainError {
  return new DomainError('conflict', 'This meeting has ended and is read-only. Corrections are amendments with a reason.');
}

export function requireMeeting(repos: Repositories, id: string): MeetingsTable {
  const meeting = repos.meetings.find(id);
  if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
  return meeting;
}

/** Who came, and when: until the meeting ends. Returns the meeting's id. */
export function setAttendance(repos: Repositories, clock: Clock, input: ParsedInputOf<'attendance.set'>): string {
  const attendee = repos.meetings.attendee(input.attendeeId);
  if (!attendee) throw new DomainError('not_found', 'That attendee does not exist');
  repos.sql.transaction(() => {
    const meeting = requireMeeting(repos, attendee.meeting_id);
    if (meeting.status === 'ended') throw endedError();
    const at = clock.now();
    repos.meetings.updateAttendee(attendee.id, {
      status: input.status,
      arrived_at: input.status === 'present' || input.status === 'late' ? (attendee.arrived_at ?? at) : attendee.arrived_at,
      left_at: input.status === 'left_early' ? at : null,
    });
    repos.meetings.bumpAgendaRevision(meeting.id, at);
  });
  return attendee.meeting_id;
}

/** Marks everyone not yet marked as present, in one transaction; those already marked keep their status. */
export function markExpectedPresent(repos: Repositories, clock: Clock, meetingId: string): string {
  repos.sql.transaction(() => {
    const meeting = requireMeeting(repos, meetingId);
    if (meeting.status === 'ended') throw endedError();
    const at = clock.now();
    for (const attendee of repos.meetings.attendees(meetingId)) {
      if (attendee.status === 'expected')
        repos.meetings.updateAttendee(attendee.id, { status: 'present', arrived_at: attendee.arrived_at ?? at });
    }
    repos.meetings.bumpAgendaRevision(meeting.id, at);
  });
  return meetingId;
}

export function addGuest(repos: Repositories, clock: Clock, input: ParsedInputOf<'attendance.addGuest'>): string {
  repos.sql.transaction(() => {
    const meeting = requireMeeting(repos, input.meetingId);
    if (meeting.status === 'ended') throw endedError();
    repos.meetings.insertAttendee({
      id: uuidv7(clock),
      meeting_id: meeting.id,
      member_id: null,
      guest_name: input.name,
      status: meeting.status === 'live' ? 'late' : 'expected',
      arrived_at: meeting.status === 'live' ? clock.now() : null,
      left_at: null,
    });
    repos.meetings.bumpAgendaRevision(meeting.id, clock.now());
  });
  return input.meetingId;
}
