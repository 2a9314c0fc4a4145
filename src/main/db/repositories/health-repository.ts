import { qb, type Sql } from '../query';
import type { AgendaItemsTable, ObjectionsTable, TurnsTable } from '../schema';

export type HealthTurnRow = Pick<TurnsTable, 'started_at' | 'ended_at' | 'paused_total_ms' | 'timebox_ms'> & {
  member_id: string | null;
  name: string | null;
  /** A turn still running when its meeting ended stops with its item. */
  item_ended_at: number | null;
};

/** The reads behind a team's health page; each takes the held meetings' ids. */
export class HealthRepository {
  constructor(private readonly sql: Sql) {}

  items(meetingIds: string[]): AgendaItemsTable[] {
    if (meetingIds.length === 0) return [];
    return this.sql.all(
      qb
        .selectFrom('agenda_items')
        .selectAll()
        .where('meeting_id', 'in', meetingIds)
        .where('removed_at', 'is', null)
        .where('started_at', 'is not', null)
        .where('ended_at', 'is not', null),
    );
  }

  /** Members' turns only: a guest's airtime is not part of the team's balance. */
  memberTurns(meetingIds: string[]): HealthTurnRow[] {
    if (meetingIds.length === 0) return [];
    return this.sql.all(
      qb
        .selectFrom('turns')
        .innerJoin('agenda_items', 'agenda_items.id', 'turns.agenda_item_id')
        .innerJoin('attendees', 'attendees.id', 'turns.attendee_id')
        .innerJoin('members', 'members.id', 'attendees.member_id')
        .select([
          'turns.started_at',
          'turns.ended_at',
          'turns.paused_total_ms',
          'turns.timebox_ms',
          'attendees.member_id',
          'members.name',
          'agenda_items.ended_at as item_ended_at',
        ])
        .where('agenda_items.meeting_id', 'in', meetingIds)
        .where('turns.started_at', 'is not', null)
        .orderBy('members.position'),
    );
  }

  /** Decisions of the team made (or proposed) between two instants, with their objections' resolutions. */
  decisionsWithObjections(
    teamId: string,
    fromMs: number,
    toMs: number,
  ): { id: string; objection_id: string | null; resolution: ObjectionsTable['resolution'] }[] {
    return this.sql.all(
      qb
        .selectFrom('decisions')
        .leftJoin('objections', 'objections.decision_id', 'decisions.id')
        .select(['decisions.id', 'objections.id as objection_id', 'objections.resolution'])
        .where('decisions.team_id', '=', teamId)
        .where((eb) => eb(eb.fn.coalesce('decisions.decided_at', 'decisions.created_at'), '>=', fromMs))
        .where((eb) => eb(eb.fn.coalesce('decisions.decided_at', 'decisions.created_at'), '<', toMs)),
    );
  }
}
