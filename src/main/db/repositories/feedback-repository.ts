import type { EpochMs, Id } from '@shared/domain';
import type { FeedbackEntry } from '@shared/feedback';
import { qb, type Sql } from '../query';
import type { MeetingFeedbackTable } from '../schema';

/** A stored rating: an anonymous one has no attendee, no name and no instant. */
export interface FeedbackRecord extends FeedbackEntry {
  id: Id;
  meetingId: Id;
  at: EpochMs | null;
}

/** Check-out ratings. Anonymous rows have no attendee, so the name join leaves them nameless. */
export class FeedbackRepository {
  constructor(private readonly sql: Sql) {}

  /** Named ratings in attendee order (members by their place in the team, then guests). */
  forMeeting(meetingId: string): FeedbackRecord[] {
    return this.sql
      .all(
        qb
          .selectFrom('meeting_feedback')
          .leftJoin('attendees', 'attendees.id', 'meeting_feedback.attendee_id')
          .leftJoin('members', 'members.id', 'attendees.member_id')
          .selectAll('meeting_feedback')
          .select((eb) => eb.fn.coalesce('members.name', 'attendees.guest_name').$castTo<string | null>().as('name'))
          .where('meeting_feedback.meeting_id', '=', meetingId)
          .orderBy((eb) => eb.fn.coalesce('members.position', eb.lit(100000)))
          .orderBy('meeting_feedback.id'),
      )
      .map((r) => ({
        id: r.id,
        meetingId: r.meeting_id,
        attendeeId: r.attendee_id,
        memberName: r.attendee_id === null ? null : r.name,
        rating: r.rating,
        better: r.better,
        at: r.at,
      }));
  }

  /** Ratings of several meetings, for trends. */
  ratings(meetingIds: string[]): { meetingId: Id; rating: number }[] {
    if (meetingIds.length === 0) return [];
    return this.sql
      .all(qb.selectFrom('meeting_feedback').select(['meeting_id', 'rating']).where('meeting_id', 'in', meetingIds))
      .map((r) => ({ meetingId: r.meeting_id, rating: r.rating }));
  }

  /** The id of the attendee's rating of this meeting, if they gave one. */
  idOfAttendee(meetingId: string, attendeeId: string): Id | null {
    const row = this.sql.first(
      qb.selectFrom('meeting_feedback').select('id').where('meeting_id', '=', meetingId).where('attendee_id', '=', attendeeId),
    );
    return row?.id ?? null;
  }

  count(meetingId: string): number {
    const row = this.sql.first(
      qb
        .selectFrom('meeting_feedback')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('meeting_id', '=', meetingId),
    );
    return Number(row?.n ?? 0);
  }

  insert(row: MeetingFeedbackTable): void {
    this.sql.run(qb.insertInto('meeting_feedback').values(row));
  }

  update(meetingId: string, id: string, changes: Pick<MeetingFeedbackTable, 'rating' | 'better' | 'at'>): void {
    this.sql.run(qb.updateTable('meeting_feedback').set(changes).where('meeting_id', '=', meetingId).where('id', '=', id));
  }
}
