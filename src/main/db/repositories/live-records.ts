/** The records a live action reads and writes, and how the rows of a running meeting become them and back. */
import type { EpochMs, Id } from '@shared/domain';
import type { AgendaItem, AgendaItemStatus, AgendaKind, AttendanceStatus, Turn } from '@shared/planning';
import type { AgendaItemsTable, TurnsTable } from '../schema';

/** A running meeting's own state: what a live action reads and changes on the meeting's row. */
export interface LiveMeetingRecord {
  id: Id;
  teamId: Id;
  seriesId: Id | null;
  status: 'planned' | 'live' | 'ended';
  pausedAt: EpochMs | null;
  pausedTotalMs: number;
  currentItemId: Id | null;
}

/** The clock of the meeting, as undo puts it back. */
export type MeetingClockState = Pick<LiveMeetingRecord, 'pausedAt' | 'pausedTotalMs' | 'currentItemId'>;

/** An agenda item's timer, as undo puts it back. */
export interface ItemClockState {
  id: Id;
  status: AgendaItemStatus;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
  pausedTotalMs: number;
  extraMs: number;
  plannedMs: number;
}

/** An agenda item as a live action sees it in the agenda's order (its notes, which grow as they are typed, left out). */
export interface LiveItemRecord extends ItemClockState {
  meetingId: Id;
  position: number;
  kind: AgendaKind;
  title: string;
  roundOrder: AgendaItem['roundOrder'];
  turnTimeboxMs: number | null;
  removed: boolean;
}

/** One item with its notes: what a note save or parking the item reads. */
export interface LiveItemWithNotes extends LiveItemRecord {
  notes: string;
}

/** The columns of an item in the agenda's order: every one but the notes. */
export const ITEM_COLUMNS = [
  'id',
  'meeting_id',
  'position',
  'kind',
  'title',
  'status',
  'started_at',
  'ended_at',
  'paused_total_ms',
  'extra_ms',
  'planned_ms',
  'round_order',
  'turn_timebox_ms',
  'removed_at',
] as const;

/** A turn of a round without the speaker's name or notes (read at every turn of the round), as a live action moves it. */
export type TurnRecord = Omit<Turn, 'name' | 'notes'>;

/** One turn with its notes: what saving them reads, and what a new turn is written with. */
export type TurnWithNotes = Omit<Turn, 'name'>;

export const TURN_COLUMNS = [
  'id',
  'agenda_item_id',
  'attendee_id',
  'position',
  'timebox_ms',
  'status',
  'started_at',
  'ended_at',
  'paused_total_ms',
] as const;

/** A turn's clock, as undo puts it back. */
export type TurnClockState = Pick<TurnRecord, 'id' | 'status' | 'startedAt' | 'endedAt' | 'pausedTotalMs'>;

/** Someone who can speak in a round. */
export interface RoundAttendee {
  attendeeId: Id;
  memberId: Id | null;
  status: AttendanceStatus;
  teamPosition: number | null;
}

/** One entry of the undo log: `before` is what the action changed, as it was (the service's own JSON). */
export interface LiveActionRecord {
  id: Id;
  kind: string;
  label: string;
  at: EpochMs;
  before: unknown;
}

export function toItem(row: Pick<AgendaItemsTable, (typeof ITEM_COLUMNS)[number]>): LiveItemRecord {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    pausedTotalMs: row.paused_total_ms,
    extraMs: row.extra_ms,
    plannedMs: row.planned_ms,
    roundOrder: row.round_order,
    turnTimeboxMs: row.turn_timebox_ms,
    removed: row.removed_at !== null,
  };
}

export function toTurn(row: Pick<TurnsTable, (typeof TURN_COLUMNS)[number]>): TurnRecord {
  return {
    id: row.id,
    agendaItemId: row.agenda_item_id,
    attendeeId: row.attendee_id,
    position: row.position,
    timeboxMs: row.timebox_ms,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    pausedTotalMs: row.paused_total_ms,
  };
}

/** Each field a live action changes, beside its column. */
const ITEM_COLUMN = {
  status: 'status',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  pausedTotalMs: 'paused_total_ms',
  extraMs: 'extra_ms',
  plannedMs: 'planned_ms',
  notes: 'notes',
} as const satisfies Partial<Record<keyof ItemClockState | 'notes', keyof AgendaItemsTable>>;
const TURN_COLUMN = {
  status: 'status',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  pausedTotalMs: 'paused_total_ms',
  notes: 'notes',
  position: 'position',
  timeboxMs: 'timebox_ms',
} as const satisfies Partial<Record<keyof TurnWithNotes, keyof TurnsTable>>;

/** Only the columns named in `changes` are written: undo puts back exactly what an action changed. */
function columnsOf<T>(changes: object, columns: Record<string, string>): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes))
    if (value !== undefined && Object.hasOwn(columns, field)) out[columns[field]!] = value;
  return out as Partial<T>;
}

export function itemColumns(changes: Partial<Omit<ItemClockState, 'id'>> & { notes?: string }): Partial<AgendaItemsTable> {
  return columnsOf<AgendaItemsTable>(changes, ITEM_COLUMN);
}

export function turnColumns(changes: Partial<Omit<TurnWithNotes, 'id' | 'agendaItemId' | 'attendeeId'>>): Partial<TurnsTable> {
  return columnsOf<TurnsTable>(changes, TURN_COLUMN);
}
