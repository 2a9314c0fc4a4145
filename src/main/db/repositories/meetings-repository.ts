import { sql } from 'kysely';
import { qb, type Sql } from '../query';
import type { AgendaItemsTable, AmendmentsTable, AttendeesTable, MeetingsTable } from '../schema';

export type MeetingSummaryRow = MeetingsTable & {
  team_name: string;
  time_zone: string;
  series_name: string | null;
  facilitator_name: string | null;
  item_count: number;
  planned_total_ms: number | null;
  old_business_count: number;
};

function summaries() {
  return qb
    .selectFrom('meetings')
    .innerJoin('teams', 'teams.id', 'meetings.team_id')
    .leftJoin('meeting_series', 'meeting_series.id', 'meetings.series_id')
    .leftJoin('members as facilitator', 'facilitator.id', 'meetings.facilitator_id')
    .selectAll('meetings')
    .select([
      'teams.name as team_name',
      'meeting_series.name as series_name',
      'facilitator.name as facilitator_name',
      (eb) => eb.fn.coalesce('meeting_series.time_zone', 'teams.time_zone').as('time_zone'),
      (eb) =>
        eb
          .selectFrom('agenda_items')
          .select((s) => s.fn.countAll<number>().as('n'))
          .whereRef('agenda_items.meeting_id', '=', 'meetings.id')
          .where('agenda_items.removed_at', 'is', null)
          .as('item_count'),
      (eb) =>
        eb
          .selectFrom('agenda_items')
          .select((s) => s.fn.sum<number>('planned_ms').as('t'))
          .whereRef('agenda_items.meeting_id', '=', 'meetings.id')
          .where('agenda_items.removed_at', 'is', null)
          .as('planned_total_ms'),
      (eb) =>
        eb
          .selectFrom('old_business')
          .select((s) => s.fn.countAll<number>().as('n'))
          .whereRef('old_business.meeting_id', '=', 'meetings.id')
          .as('old_business_count'),
    ]);
}

export class MeetingsRepository {
  constructor(private readonly sql: Sql) {}

  list(teamId: string | null): MeetingSummaryRow[] {
    let query = summaries();
    if (teamId) query = query.where('meetings.team_id', '=', teamId);
    return this.sql.all(query.orderBy('meetings.scheduled_start', 'desc').orderBy('meetings.created_at', 'desc')) as MeetingSummaryRow[];
  }

  /**
   * Each team's first meeting not yet ended: unscheduled first, then by schedule, the newest of a tie first (the
   * order `list` gives). One step into meetings_open_by_team per team, however many meetings were held before; the
   * status is written in the SQL, not bound, so the planner can see that index's condition holds.
   */
  nextPerTeam(): MeetingSummaryRow[] {
    const query = summaries().where('meetings.id', 'in', (eb) =>
      eb
        .selectFrom('teams as team')
        .select((s) =>
          s
            .selectFrom('meetings as next')
            .select('next.id')
            .whereRef('next.team_id', '=', 'team.id')
            .where('next.status', '!=', sql.lit<MeetingsTable['status']>('ended'))
            .orderBy('next.scheduled_start')
            .orderBy('next.created_at', 'desc')
            .limit(1)
            .as('id'),
        ),
    );
    return this.sql.all(query.orderBy('meetings.scheduled_start', 'desc').orderBy('meetings.created_at', 'desc')) as MeetingSummaryRow[];
  }

  summary(id: string): MeetingSummaryRow | null {
    return (this.sql.first(summaries().where('meetings.id', '=', id)) as MeetingSummaryRow | undefined) ?? null;
  }

  find(id: string): MeetingsTable | null {
    return this.sql.first(qb.selectFrom('meetings').selectAll().where('id', '=', id)) ?? null;
  }

  /** The last meeting held before this one: in its series if it has one, otherwise the team's. */
  previousHeld(meeting: Pick<MeetingsTable, 'id' | 'team_id' | 'series_id' | 'scheduled_start'>): MeetingsTable | null {
    let query = qb
      .selectFrom('meetings')
      .selectAll()
      .where('id', '!=', meeting.id)
      .where('status', '=', 'ended')
      .where('scheduled_start', '<', meeting.scheduled_start ?? 0);
    query = meeting.series_id ? query.where('series_id', '=', meeting.series_id) : query.where('team_id', '=', meeting.team_id);
    return this.sql.first(query.orderBy('scheduled_start', 'desc').limit(1)) ?? null;
  }

  /** The series' meetings in schedule order. */
  inSeries(seriesId: string): MeetingsTable[] {
    return this.sql.all(
      qb.selectFrom('meetings').selectAll().where('series_id', '=', seriesId).orderBy('scheduled_start').orderBy('created_at'),
    );
  }

  insert(row: MeetingsTable): void {
    this.sql.run(qb.insertInto('meetings').values(row));
  }

  update(id: string, changes: Partial<MeetingsTable>): void {
    this.sql.run(qb.updateTable('meetings').set(changes).where('id', '=', id));
  }

  bumpAgendaRevision(id: string, at: number): void {
    this.sql.run(
      qb
        .updateTable('meetings')
        .set((eb) => ({ agenda_revision: eb('agenda_revision', '+', 1), updated_at: at }))
        .where('id', '=', id),
    );
  }

  items(meetingId: string): AgendaItemsTable[] {
    return this.sql.all(
      qb.selectFrom('agenda_items').selectAll().where('meeting_id', '=', meetingId).where('removed_at', 'is', null).orderBy('position'),
    );
  }

  item(id: string): AgendaItemsTable | null {
    return this.sql.first(qb.selectFrom('agenda_items').selectAll().where('id', '=', id)) ?? null;
  }

  insertItem(row: AgendaItemsTable): void {
    this.sql.run(qb.insertInto('agenda_items').values(row));
  }

  updateItem(id: string, changes: Partial<AgendaItemsTable>): void {
    this.sql.run(qb.updateTable('agenda_items').set(changes).where('id', '=', id));
  }

  /** Item ids whose leftovers were already carried into some meeting. */
  carriedFrom(itemIds: string[]): Set<string> {
    if (itemIds.length === 0) return new Set();
    const rows = this.sql.all(qb.selectFrom('agenda_items').select('carried_from_id').where('carried_from_id', 'in', itemIds));
    return new Set(rows.map((r) => r.carried_from_id!));
  }

  attendees(meetingId: string): (AttendeesTable & { member_name: string | null; member_position: number | null })[] {
    return this.sql.all(
      qb
        .selectFrom('attendees')
        .leftJoin('members', 'members.id', 'attendees.member_id')
        .selectAll('attendees')
        .select(['members.name as member_name', 'members.position as member_position'])
        .where('attendees.meeting_id', '=', meetingId)
        .orderBy((eb) => eb.fn.coalesce('members.position', eb.lit(100000)))
        .orderBy('attendees.id'),
    );
  }

  attendee(id: string): AttendeesTable | null {
    return this.sql.first(qb.selectFrom('attendees').selectAll().where('id', '=', id)) ?? null;
  }

  insertAttendee(row: AttendeesTable): void {
    this.sql.run(qb.insertInto('attendees').values(row));
  }

  updateAttendee(id: string, changes: Partial<AttendeesTable>): void {
    this.sql.run(qb.updateTable('attendees').set(changes).where('id', '=', id));
  }

  amendments(entityType: string, entityId: string): AmendmentsTable[] {
    return this.sql.all(
      qb.selectFrom('amendments').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId).orderBy('at', 'desc'),
    );
  }

  insertAmendment(row: AmendmentsTable): void {
    this.sql.run(qb.insertInto('amendments').values(row));
  }
}
