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
  /** A rating's statements, compiled once (see Sql.prepared): a check-out rating is a facilitator's write. */
  private readonly q;

  constructor(private readonly sql: Sql) {
    this.q = {
      idOfAttendee: sql.prepared((a: { meetingId: string; attendeeId: string }) =>
        qb.selectFrom('meeting_feedback').select('id').where('meeting_id', '=', a.meetingId).where('attendee_id', '=', a.attendeeId),
      ),
      count: sql.prepared((a: { meetingId: string }) =>
        qb
          .selectFrom('meeting_feedback')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('meeting_id', '=', a.meetingId),
      ),
      // Inserts name every column: the arguments stand for themselves only when read one by one.
      insert: sql.prepared((a: MeetingFeedbackTable) =>
        qb
          .insertInto('meeting_feedback')
          .values({ meeting_id: a.meeting_id, id: a.id, attendee_id: a.attendee_id, rating: a.rating, better: a.better, at: a.at }),
      ),
      update: sql.prepared((a: Pick<MeetingFeedbackTable, 'meeting_id' | 'id' | 'rating' | 'better' | 'at'>) =>
        qb
          .updateTable('meeting_feedback')
          .set({ rating: a.rating, better: a.better, at: a.at })
          .where('meeting_id', '=', a.meeting_id)
          .where('id', '=', a.id),
      ),
    };
  }

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
    return this.q.idOfAttendee.get({ meetingId, attendeeId })?.id ?? null;
  }

  count(meetingId: string): number {
    return Number(this.q.count.get({ meetingId })?.n ?? 0);
  }

  insert(row: MeetingFeedbackTable): void {
    this.q.insert.run(row);
  }

  update(meetingId: string, id: string, changes: Pick<MeetingFeedbackTable, 'rating' | 'better' | 'at'>): void {
    this.q.update.run({ meeting_id: meetingId, id, rating: changes.rating, better: changes.better, at: changes.at });
  }
}
