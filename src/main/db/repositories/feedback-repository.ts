import { qb, type Sql } from '../query';
import type { MeetingFeedbackTable } from '../schema';

export type FeedbackRow = MeetingFeedbackTable & { name: string | null };

/** Check-out ratings. Anonymous rows have no attendee, so the name join leaves them nameless. */
export class FeedbackRepository {
  constructor(private readonly sql: Sql) {}

  forMeeting(meetingId: string): FeedbackRow[] {
    return this.sql.all(
      qb
        .selectFrom('meeting_feedback')
        .leftJoin('attendees', 'attendees.id', 'meeting_feedback.attendee_id')
        .leftJoin('members', 'members.id', 'attendees.member_id')
        .selectAll('meeting_feedback')
        .select((eb) => eb.fn.coalesce('members.name', 'attendees.guest_name').$castTo<string | null>().as('name'))
        .where('meeting_feedback.meeting_id', '=', meetingId)
        .orderBy((eb) => eb.fn.coalesce('members.position', eb.lit(100000)))
        .orderBy('meeting_feedback.id'),
    );
  }

  /** Ratings of several meetings, for trends. */
  ratings(meetingIds: string[]): Pick<MeetingFeedbackTable, 'meeting_id' | 'rating'>[] {
    if (meetingIds.length === 0) return [];
    return this.sql.all(qb.selectFrom('meeting_feedback').select(['meeting_id', 'rating']).where('meeting_id', 'in', meetingIds));
  }

  byAttendee(meetingId: string, attendeeId: string): MeetingFeedbackTable | null {
    return (
      this.sql.first(
        qb.selectFrom('meeting_feedback').selectAll().where('meeting_id', '=', meetingId).where('attendee_id', '=', attendeeId),
      ) ?? null
    );
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
