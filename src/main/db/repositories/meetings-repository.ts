import type { Amendment } from '@shared/planning';
import { sql } from 'kysely';
import { inJsonList, planned, qb, type Prepared, type Sql } from '../query';
import type { AgendaItemsTable, AttendeesTable, MeetingsTable } from '../schema';
import { toAmendment } from './decision-domain';
import {
  agendaItemColumns,
  amendmentColumns,
  attendeeColumns,
  meetingColumns,
  toAgendaItem,
  toAttendee,
  toMeeting,
  toMeetingSummary,
  type AgendaItemRecord,
  type AttendeeRecord,
  type MeetingRecord,
  type MeetingSummaryRecord,
  type MeetingSummaryRow,
  type NamedAttendeeRecord,
  type NewAmendment,
} from './meeting-domain';

export type {
  AgendaItemRecord,
  AttendeeRecord,
  MeetingRecord,
  MeetingSummaryRecord,
  NamedAttendeeRecord,
  NewAmendment,
} from './meeting-domain';

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

/** Meetings, their agenda items, attendees and amendments, in domain types. */
export class MeetingsRepository {
  /** Read by every part of a meeting, each time a window reads one: compiled once (see Sql.prepared). */
  private readonly summaryById: Prepared<{ id: string }, unknown>;
  /** Compiled once too: every write of a meeting reads it, a check-out rating its attendees too. */
  private readonly byId;
  private readonly attendeesOf;
  /** The minutes read it for every decision a meeting reviewed or worked on: compiled once, one statement however many. */
  private readonly amendmentsIn;

  constructor(private readonly sql: Sql) {
    this.summaryById = sql.prepared((a: { id: string }) => summaries().where('meetings.id', '=', a.id));
    this.byId = sql.prepared((a: { id: string }) => qb.selectFrom('meetings').selectAll().where('id', '=', a.id));
    this.attendeesOf = sql.prepared((a: { meetingId: string }) =>
      qb
        .selectFrom('attendees')
        .leftJoin('members', 'members.id', 'attendees.member_id')
        .selectAll('attendees')
        .select('members.name as member_name')
        .where('attendees.meeting_id', '=', a.meetingId)
        .orderBy((eb) => eb.fn.coalesce('members.position', eb.lit(100000)))
        .orderBy('attendees.id'),
    );
    // Newest first; equal instants in the order the per-entity read walks its index backwards (as decision sets read them).
    this.amendmentsIn = sql.prepared((a: { entityType: string; ids: string }) =>
      qb
        .selectFrom('amendments')
        .selectAll()
        .where('entity_type', '=', planned(a.entityType) as never)
        .where(inJsonList('entity_id', a.ids))
        .orderBy('at', 'desc')
        .orderBy('rowid' as never, 'desc'),
    );
  }

  list(teamId: string | null): MeetingSummaryRecord[] {
    let query = summaries();
    if (teamId) query = query.where('meetings.team_id', '=', teamId);
    return this.allSummaries(query.orderBy('meetings.scheduled_start', 'desc').orderBy('meetings.created_at', 'desc'));
  }

  /**
   * Each team's first meeting not yet ended nor called off: unscheduled first, then by schedule, the newest of a tie
   * first (the order `list` gives). One step into meetings_open_by_team per team, however many meetings were held
   * before; the status is written in the SQL, not bound, so the planner can see that index's condition holds.
   */
  nextPerTeam(): MeetingSummaryRecord[] {
    const query = summaries().where('meetings.id', 'in', (eb) =>
      eb.selectFrom('teams as team').select((s) =>
        s
          .selectFrom('meetings as next')
          .select('next.id')
          .whereRef('next.team_id', '=', 'team.id')
          .where('next.status', '!=', sql.lit<MeetingsTable['status']>('ended'))
          .where('next.called_off_at', 'is', null)
          // The meeting under way first: one started ahead of its date comes before an earlier one still planned.
          .orderBy(sql`next.status = 'live'`, 'desc')
          .orderBy('next.scheduled_start')
          .orderBy('next.created_at', 'desc')
          .limit(sql.lit(1))
          .as('id'),
      ),
    );
    return this.allSummaries(query.orderBy('meetings.scheduled_start', 'desc').orderBy('meetings.created_at', 'desc'));
  }

  summary(id: string): MeetingSummaryRecord | null {
    const row = this.summaryById.get({ id }) as MeetingSummaryRow | undefined;
    return row ? toMeetingSummary(row) : null;
  }

  find(id: string): MeetingRecord | null {
    const row = this.byId.get({ id });
    return row ? toMeeting(row) : null;
  }

  /**
   * The last meeting held before this one, by when each was held (a meeting started before or after its planned date
   * sits where it happened): in its series if it has one, otherwise the team's. One not started yet will be held after
   * every meeting that has ended, so its previous is the last of them.
   */
  previousHeld(meeting: Pick<MeetingRecord, 'id' | 'teamId' | 'seriesId' | 'startedAt'>): MeetingRecord | null {
    // An ended meeting has started. The status is written in the SQL, not bound, so the planner can see that the
    // partial indexes of held meetings (meetings_held_by_team, meetings_held_by_series) answer it in one step.
    let query = qb
      .selectFrom('meetings')
      .selectAll()
      .where('id', '!=', meeting.id)
      .where('status', '=', sql.lit<MeetingsTable['status']>('ended'));
    if (meeting.startedAt !== null) query = query.where('started_at', '<', meeting.startedAt);
    query = meeting.seriesId ? query.where('series_id', '=', meeting.seriesId) : query.where('team_id', '=', meeting.teamId);
    const row = this.sql.first(query.orderBy('started_at', 'desc').limit(sql.lit(1)));
    return row ? toMeeting(row) : null;
  }

  /** The series' meetings in the order they were held (those not started yet by their planned start). */
  inSeries(seriesId: string): MeetingRecord[] {
    return this.sql
      .all(
        qb
          .selectFrom('meetings')
          .selectAll()
          .where('series_id', '=', seriesId)
          .orderBy(sql`coalesce(started_at, scheduled_start, created_at)`)
          .orderBy('created_at'),
      )
      .map(toMeeting);
  }

  insert(meeting: MeetingRecord): void {
    this.sql.run(qb.insertInto('meetings').values(meetingColumns(meeting) as MeetingsTable));
  }

  update(id: string, changes: Partial<MeetingRecord>): void {
    this.sql.run(qb.updateTable('meetings').set(meetingColumns(changes)).where('id', '=', id));
  }

  bumpAgendaRevision(id: string, at: number): void {
    this.sql.run(
      qb
        .updateTable('meetings')
        .set((eb) => ({ agenda_revision: eb('agenda_revision', '+', 1), updated_at: at }))
        .where('id', '=', id),
    );
  }

  items(meetingId: string): AgendaItemRecord[] {
    return this.sql
      .all(
        qb.selectFrom('agenda_items').selectAll().where('meeting_id', '=', meetingId).where('removed_at', 'is', null).orderBy('position'),
      )
      .map(toAgendaItem);
  }

  item(id: string): AgendaItemRecord | null {
    const row = this.sql.first(qb.selectFrom('agenda_items').selectAll().where('id', '=', id));
    return row ? toAgendaItem(row) : null;
  }

  insertItem(item: AgendaItemRecord): void {
    this.sql.run(qb.insertInto('agenda_items').values(agendaItemColumns(item) as AgendaItemsTable));
  }

  updateItem(id: string, changes: Partial<AgendaItemRecord>): void {
    this.sql.run(qb.updateTable('agenda_items').set(agendaItemColumns(changes)).where('id', '=', id));
  }

  /** Item ids whose leftovers were already carried into some meeting not called off (one called off hands them on). */
  carriedFrom(itemIds: string[], exceptMeetingId: string | null = null): Set<string> {
    if (itemIds.length === 0) return new Set();
    let query = qb
      .selectFrom('agenda_items')
      .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
      .select('agenda_items.carried_from_id')
      .where('agenda_items.carried_from_id', 'in', itemIds)
      .where('meetings.called_off_at', 'is', null);
    if (exceptMeetingId) query = query.where('agenda_items.meeting_id', '!=', exceptMeetingId);
    const rows = this.sql.all(query);
    return new Set(rows.map((r) => r.carried_from_id!));
  }

  /** In team order, guests last. */
  attendees(meetingId: string): NamedAttendeeRecord[] {
    return this.attendeesOf.all({ meetingId }).map((row) => ({ ...toAttendee(row), memberName: row.member_name }));
  }

  attendee(id: string): AttendeeRecord | null {
    const row = this.sql.first(qb.selectFrom('attendees').selectAll().where('id', '=', id));
    return row ? toAttendee(row) : null;
  }

  insertAttendee(attendee: AttendeeRecord): void {
    this.sql.run(qb.insertInto('attendees').values(attendeeColumns(attendee) as AttendeesTable));
  }

  updateAttendee(id: string, changes: Partial<AttendeeRecord>): void {
    this.sql.run(qb.updateTable('attendees').set(attendeeColumns(changes)).where('id', '=', id));
  }

  /** Newest first. */
  amendments(entityType: NewAmendment['entityType'], entityId: string): Amendment[] {
    return this.sql
      .all(
        qb
          .selectFrom('amendments')
          .selectAll()
          .where('entity_type', '=', entityType)
          .where('entity_id', '=', entityId)
          .orderBy('at', 'desc')
          .orderBy('rowid' as never, 'desc'),
      )
      .map(toAmendment);
  }

  /**
   * The amendments of many entities of one type in one statement (the ids bound as one JSON list, so the statement
   * is compiled once), by entity id, each list newest first as `amendments` gives it: a meeting that reviewed many
   * decisions pays one read, not one per decision. An entity with none is absent from the map.
   */
  amendmentsOf(entityType: NewAmendment['entityType'], entityIds: readonly string[]): Map<string, Amendment[]> {
    const byEntity = new Map<string, Amendment[]>();
    if (entityIds.length === 0) return byEntity;
    for (const row of this.amendmentsIn.all({ entityType, ids: JSON.stringify([...new Set(entityIds)]) })) {
      const list = byEntity.get(row.entity_id);
      if (list) list.push(toAmendment(row));
      else byEntity.set(row.entity_id, [toAmendment(row)]);
    }
    return byEntity;
  }

  insertAmendment(amendment: NewAmendment): void {
    this.sql.run(qb.insertInto('amendments').values(amendmentColumns(amendment)));
  }

  private allSummaries(query: ReturnType<typeof summaries>): MeetingSummaryRecord[] {
    return (this.sql.all(query) as MeetingSummaryRow[]).map(toMeetingSummary);
  }
}
