import type { ParsedInputOf } from '@shared/contract';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { MeetingRecord } from '../../db/repositories/meetings-repository';

export function endedError(): DomainError {
  return new DomainError('conflict', 'This meeting has ended and is read-only. Corrections are amendments with a reason.');
}

/** What a write to a called-off meeting is told: it is kept as it was, and "Restore" brings it back. */
export function calledOffError(): DomainError {
  return new DomainError('conflict', 'This meeting is called off. Restore it first to change or start it.', {
    reason: 'meeting_called_off',
  });
}

export function requireMeeting(repos: Repositories, id: string): MeetingRecord {
  const meeting = repos.meetings.find(id);
  if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
  return meeting;
}

/** Who came, and when: until the meeting ends. Returns the meeting's id. */
export function setAttendance(repos: Repositories, clock: Clock, input: ParsedInputOf<'attendance.set'>): string {
  const attendee = repos.meetings.attendee(input.attendeeId);
  if (!attendee) throw new DomainError('not_found', 'That attendee does not exist');
  repos.sql.transaction(() => {
    const meeting = requireMeeting(repos, attendee.meetingId);
    if (meeting.status === 'ended') throw endedError();
    if (meeting.calledOffAt !== null) throw calledOffError();
    const at = clock.now();
    repos.meetings.updateAttendee(attendee.id, {
      status: input.status,
      arrivedAt: input.status === 'present' || input.status === 'late' ? (attendee.arrivedAt ?? at) : attendee.arrivedAt,
      leftAt: input.status === 'left_early' ? at : null,
    });
    repos.meetings.bumpAgendaRevision(meeting.id, at);
  });
  return attendee.meetingId;
}

/** Marks everyone not yet marked as present, in one transaction; those already marked keep their status. */
export function markExpectedPresent(repos: Repositories, clock: Clock, meetingId: string): string {
  repos.sql.transaction(() => {
    const meeting = requireMeeting(repos, meetingId);
    if (meeting.status === 'ended') throw endedError();
    if (meeting.calledOffAt !== null) throw calledOffError();
    const at = clock.now();
    for (const attendee of repos.meetings.attendees(meetingId)) {
      if (attendee.status === 'expected')
        repos.meetings.updateAttendee(attendee.id, { status: 'present', arrivedAt: attendee.arrivedAt ?? at });
    }
    repos.meetings.bumpAgendaRevision(meeting.id, at);
  });
  return meetingId;
}

export function addGuest(repos: Repositories, clock: Clock, input: ParsedInputOf<'attendance.addGuest'>): string {
  repos.sql.transaction(() => {
    const meeting = requireMeeting(repos, input.meetingId);
    if (meeting.status === 'ended') throw endedError();
    if (meeting.calledOffAt !== null) throw calledOffError();
    repos.meetings.insertAttendee({
      id: uuidv7(clock),
      meetingId: meeting.id,
      memberId: null,
      guestName: input.name,
      status: meeting.status === 'live' ? 'late' : 'expected',
      arrivedAt: meeting.status === 'live' ? clock.now() : null,
      leftAt: null,
    });
    repos.meetings.bumpAgendaRevision(meeting.id, clock.now());
  });
  return input.meetingId;
}
