import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '@shared/contract';
import { FEEDBACK_WINDOW_MS, type FeedbackGiven, type MeetingFeedback } from '@shared/feedback';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { AttendeeRecord, MeetingRecord } from '../../db/repositories/meetings-repository';

/** Who may rate: those marked as there, or everyone invited when nobody was marked (as a round takes them). */
export function attendedOf<A extends Pick<AttendeeRecord, 'status'>>(attendees: A[]): A[] {
  const marked = attendees.some((a) => a.status !== 'expected');
  return attendees.filter((a) => (marked ? a.status === 'present' || a.status === 'late' || a.status === 'left_early' : true));
}

/**
 * The check-out ratings of one meeting as every view and export shows them. Anonymous entries stay
 * nameless, and once one rating is anonymous none carries a name or its attendee's order: "4 named of
 * 5 attendees, 1 anonymous" would name the anonymous one by elimination. Who rated by name stays
 * stored (a second rating replaces the first) but leaves main only as a count.
 */
export function meetingFeedback(repos: Repositories, meeting: Pick<MeetingRecord, 'id' | 'endedAt'>): MeetingFeedback {
  const rows = repos.feedback.forMeeting(meeting.id);
  const named = rows.filter((r) => r.attendeeId !== null);
  const anonymous = rows.filter((r) => r.attendeeId === null);
  const namesWithheld = anonymous.length > 0;
  const entries = namesWithheld
    ? rows
        .map((r) => ({ attendeeId: null, memberName: null, rating: r.rating, better: r.better }))
        .sort((a, b) => b.rating - a.rating || a.better.localeCompare(b.better))
    : named.map((r) => ({ attendeeId: r.attendeeId, memberName: r.memberName, rating: r.rating, better: r.better }));
  const sum = entries.reduce((s, e) => s + e.rating, 0);
  return {
    entries,
    namesWithheld,
    average: entries.length ? sum / entries.length : null,
    count: entries.length,
    anonymousCount: anonymous.length,
    expected: attendedOf(repos.meetings.attendees(meeting.id)).length,
    openUntil: meeting.endedAt === null ? null : meeting.endedAt + FEEDBACK_WINDOW_MS,
  };
}

/**
 * Check-out ratings: one per attendee and meeting (giving another replaces it: people change their
 * mind while the round is still open). Anonymous ratings cannot be checked against a person, so
 * the only guard against counting someone twice is that a meeting never takes more ratings than
 * people attended; the console says so. An anonymous row gets a random id and no instant.
 */
export class FeedbackService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** Answers the rating's id; the meeting's windows re-read its feedback part on the change event. */
  give(input: ParsedInputOf<'feedback.give'>): FeedbackGiven {
    return this.repos.sql.transaction(() => {
      const meeting = this.repos.meetings.find(input.meetingId);
      if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
      const now = this.clock.now();
      if (meeting.status === 'planned') throw new DomainError('conflict', 'The check-out round opens once the meeting has started');
      if (meeting.endedAt !== null && now > meeting.endedAt + FEEDBACK_WINDOW_MS) {
        throw new DomainError('conflict', 'Ratings for this meeting closed 24 hours after it ended');
      }
      const attended = attendedOf(this.repos.meetings.attendees(meeting.id));
      const better = input.better ?? '';
      if (input.attendeeId !== null) {
        if (!attended.some((a) => a.id === input.attendeeId)) {
          throw new DomainError('invalid_input', 'Only someone who attended this meeting can rate it');
        }
        const earlier = this.repos.feedback.idOfAttendee(meeting.id, input.attendeeId);
        if (earlier) {
          this.repos.feedback.update(meeting.id, earlier, { rating: input.rating, better, at: now });
          return { meetingId: meeting.id, id: earlier };
        }
      }
      this.refuseBeyond(meeting.id, attended.length);
      const anonymous = input.attendeeId === null;
      // A time-ordered id would tell when in the round an anonymous rating was given.
      const id = anonymous ? randomUUID() : uuidv7(this.clock);
      this.repos.feedback.insert({
        meeting_id: meeting.id,
        id,
        attendee_id: input.attendeeId,
        rating: input.rating,
        better,
        at: anonymous ? null : now,
      });
      return { meetingId: meeting.id, id };
    });
  }

  private refuseBeyond(meetingId: string, attended: number): void {
    const given = this.repos.feedback.count(meetingId);
    if (attended === 0) throw new DomainError('conflict', 'Mark who attended before taking ratings');
    if (given >= attended) {
      throw new DomainError(
        'conflict',
        `Everyone who attended has already rated (${given} ratings from ${attended} people, anonymous ones included). Another rating would count someone twice.`,
      );
    }
  }
}
