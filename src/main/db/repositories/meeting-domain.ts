import type { EpochMs, Id } from '@shared/domain';
import type { AgendaItem, AgendaItemStatus, AgendaKind, Amendment, AttendanceStatus, MeetingStatus } from '@shared/planning';
import type { AgendaItemsTable, AmendmentsTable, AttendeesTable, MeetingsTable } from '../schema';

/** A meeting as stored, in the domain's names; durations and instants in ms, as the timers take them. */
export interface MeetingRecord {
  id: Id;
  teamId: Id;
  seriesId: Id | null;
  title: string;
  status: MeetingStatus;
  scheduledStart: EpochMs | null;
  plannedLengthMs: number;
  facilitatorId: Id | null;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
  pausedAt: EpochMs | null;
  pausedTotalMs: number;
  currentItemId: Id | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  /** Bumped by every agenda or attendance change, so a window editing an older version is told. */
  agendaRevision: number;
  /** When a planned meeting was called off (it stays planned, and is held nowhere); null while it is on. */
  calledOffAt: EpochMs | null;
  calledOffReason: string | null;
}

/** A meeting with the names and counts the lists and headers show beside it. */
export interface MeetingSummaryRecord extends MeetingRecord {
  teamName: string;
  /** The series' zone, else the team's. */
  timeZone: string;
  seriesName: string | null;
  facilitatorName: string | null;
  itemCount: number;
  plannedTotalMs: number;
  oldBusinessCount: number;
}

/** An agenda item as stored; the views show its planned time in minutes (AgendaItem), this keeps the ms. */
export interface AgendaItemRecord {
  id: Id;
  meetingId: Id;
  position: number;
  kind: AgendaKind;
  title: string;
  plannedMs: number;
  ownerId: Id | null;
  /** What the room wrote while the item ran. */
  notes: string;
  /** What the facilitator planned the item to be, shown when planning and on the console, never as a note. */
  plan: string;
  status: AgendaItemStatus;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
  pausedAt: EpochMs | null;
  pausedTotalMs: number;
  extraMs: number;
  carriedFromId: Id | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  removedAt: EpochMs | null;
  roundOrder: AgendaItem['roundOrder'];
  turnTimeboxMs: number | null;
}

/** Someone expected at a meeting: a member, or a guest by name. */
export interface AttendeeRecord {
  id: Id;
  meetingId: Id;
  memberId: Id | null;
  guestName: string | null;
  status: AttendanceStatus;
  arrivedAt: EpochMs | null;
  leftAt: EpochMs | null;
}

/** An attendee with the member's name (null for a guest). */
export interface NamedAttendeeRecord extends AttendeeRecord {
  memberName: string | null;
}

/** A correction kept with its reason, on a meeting or a decision. */
export interface NewAmendment {
  id: Id;
  entityType: 'meeting' | 'decision';
  entityId: Id;
  reason: string;
  changes: Amendment['changes'];
  at: EpochMs;
}

export function toMeeting(row: MeetingsTable): MeetingRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    seriesId: row.series_id,
    title: row.title,
    status: row.status,
    scheduledStart: row.scheduled_start,
    plannedLengthMs: row.planned_length_ms,
    facilitatorId: row.facilitator_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    pausedAt: row.paused_at,
    pausedTotalMs: row.paused_total_ms,
    currentItemId: row.current_item_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    agendaRevision: row.agenda_revision,
    calledOffAt: row.called_off_at,
    calledOffReason: row.called_off_reason,
  };
}

export type MeetingSummaryRow = MeetingsTable & {
  team_name: string;
  time_zone: string;
  series_name: string | null;
  facilitator_name: string | null;
  item_count: number;
  planned_total_ms: number | null;
  old_business_count: number;
};

export function toMeetingSummary(row: MeetingSummaryRow): MeetingSummaryRecord {
  return {
    ...toMeeting(row),
    teamName: row.team_name,
    timeZone: row.time_zone,
    seriesName: row.series_name,
    facilitatorName: row.facilitator_name,
    itemCount: Number(row.item_count),
    // SUM over no rows is NULL: an empty agenda plans nothing.
    plannedTotalMs: Number(row.planned_total_ms ?? 0),
    oldBusinessCount: Number(row.old_business_count),
  };
}

export function toAgendaItem(row: AgendaItemsTable): AgendaItemRecord {
  return agendaItemFields(AGENDA_ITEM_FIELDS, row);
}

export function toAttendee(row: AttendeesTable): AttendeeRecord {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    memberId: row.member_id,
    guestName: row.guest_name,
    status: row.status,
    arrivedAt: row.arrived_at,
    leftAt: row.left_at,
  };
}

const MEETING_COLUMNS = {
  id: 'id',
  teamId: 'team_id',
  seriesId: 'series_id',
  title: 'title',
  status: 'status',
  scheduledStart: 'scheduled_start',
  plannedLengthMs: 'planned_length_ms',
  facilitatorId: 'facilitator_id',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  pausedAt: 'paused_at',
  pausedTotalMs: 'paused_total_ms',
  currentItemId: 'current_item_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  agendaRevision: 'agenda_revision',
  calledOffAt: 'called_off_at',
  calledOffReason: 'called_off_reason',
} as const satisfies Record<keyof MeetingRecord, keyof MeetingsTable>;

/**
 * Each field of an agenda item beside its column: the one table both the planner's record (AgendaItemRecord) and a live
 * action's (LiveItemRecord, its fields a subset) are read and written by.
 */
export const AGENDA_ITEM_COLUMNS = {
  id: 'id',
  meetingId: 'meeting_id',
  position: 'position',
  kind: 'kind',
  title: 'title',
  plannedMs: 'planned_ms',
  ownerId: 'owner_id',
  notes: 'notes',
  plan: 'plan',
  status: 'status',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  pausedAt: 'paused_at',
  pausedTotalMs: 'paused_total_ms',
  extraMs: 'extra_ms',
  carriedFromId: 'carried_from_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  removedAt: 'removed_at',
  roundOrder: 'round_order',
  turnTimeboxMs: 'turn_timebox_ms',
} as const satisfies Record<keyof AgendaItemRecord, keyof AgendaItemsTable>;

const ATTENDEE_COLUMNS = {
  id: 'id',
  meetingId: 'meeting_id',
  memberId: 'member_id',
  guestName: 'guest_name',
  status: 'status',
  arrivedAt: 'arrived_at',
  leftAt: 'left_at',
} as const satisfies Record<keyof AttendeeRecord, keyof AttendeesTable>;

const AGENDA_ITEM_FIELDS = Object.keys(AGENDA_ITEM_COLUMNS) as (keyof AgendaItemRecord)[];

/** An agenda item's fields read from its row by the one table above: each value is stored as the record holds it. */
export function agendaItemFields<F extends keyof AgendaItemRecord>(
  fields: readonly F[],
  row: Pick<AgendaItemsTable, (typeof AGENDA_ITEM_COLUMNS)[F]>,
): Pick<AgendaItemRecord, F> {
  const out: Partial<Record<F, unknown>> = {};
  for (const field of fields) out[field] = row[AGENDA_ITEM_COLUMNS[field]];
  return out as Pick<AgendaItemRecord, F>;
}

/**
 * The columns for the fields given; a field left undefined is not written (as kysely leaves it), nor is one the table
 * does not name (an undo snapshot read back from JSON writes only what it may).
 */
export function columnsOf<R, T>(names: Partial<Record<keyof R, keyof T>>, fields: Partial<R>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof R)[]) {
    const value = fields[key];
    const column = Object.hasOwn(names, key) ? names[key] : undefined;
    if (value !== undefined && column !== undefined) out[column] = value as unknown as T[keyof T];
  }
  return out;
}

export const meetingColumns = (fields: Partial<MeetingRecord>): Partial<MeetingsTable> => columnsOf(MEETING_COLUMNS, fields);
export const agendaItemColumns = (fields: Partial<AgendaItemRecord>): Partial<AgendaItemsTable> => columnsOf(AGENDA_ITEM_COLUMNS, fields);
export const attendeeColumns = (fields: Partial<AttendeeRecord>): Partial<AttendeesTable> => columnsOf(ATTENDEE_COLUMNS, fields);

export function amendmentColumns(a: NewAmendment): AmendmentsTable {
  return {
    id: a.id,
    entity_type: a.entityType,
    entity_id: a.entityId,
    reason: a.reason,
    changes_json: JSON.stringify(a.changes),
    at: a.at,
  };
}
