/** The records a live action reads and writes, and how the rows of a running meeting become them and back. */
import type { EpochMs, Id } from '@shared/domain';
import type { AttendanceStatus, Turn } from '@shared/planning';
import type { AgendaItemsTable, TurnsTable } from '../schema';
import { AGENDA_ITEM_COLUMNS, agendaItemFields, columnsOf, type AgendaItemRecord } from './meeting-domain';

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

/**
 * The clock of the meeting, as undo puts it back. Not its current item: that is the agenda's running one, which undo
 * puts back with the items' timers (a step recorded before it was, with the meeting's current item in it, is undone so too).
 */
export type MeetingClockState = Pick<LiveMeetingRecord, 'pausedAt' | 'pausedTotalMs'>;

/** An agenda item's timer, as undo puts it back. */
export type ItemClockState = Pick<AgendaItemRecord, 'id' | 'status' | 'startedAt' | 'endedAt' | 'pausedTotalMs' | 'extraMs' | 'plannedMs'>;

/** What a live action reads of an item in the agenda's order, in AgendaItemRecord's names (its notes, which grow as they are typed, left out). */
const LIVE_ITEM_FIELDS = [
  'id',
  'meetingId',
  'position',
  'kind',
  'title',
  'status',
  'startedAt',
  'endedAt',
  'pausedTotalMs',
  'extraMs',
  'plannedMs',
  'roundOrder',
  'turnTimeboxMs',
] as const satisfies readonly (keyof AgendaItemRecord)[];
type LiveItemField = (typeof LIVE_ITEM_FIELDS)[number];

/** An agenda item as a live action sees it: the planner's record's fields it needs, and whether it was removed. */
export interface LiveItemRecord extends Pick<AgendaItemRecord, LiveItemField> {
  removed: boolean;
}

/** One item with its notes: what a note save or parking the item reads. */
export interface LiveItemWithNotes extends LiveItemRecord {
  notes: string;
}

type LiveItemColumn = (typeof AGENDA_ITEM_COLUMNS)[LiveItemField] | 'removed_at';

/** The columns of an item in the agenda's order (every one but the notes), from the one agenda item table. */
export const ITEM_COLUMNS: readonly LiveItemColumn[] = [...LIVE_ITEM_FIELDS.map((f) => AGENDA_ITEM_COLUMNS[f]), 'removed_at'];

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

/**
 * The columns of a turn's clock: all a turn or a round's start reads of each turn (who speaks, where, for how long
 * was settled when the round began; two ids of 36 characters a row, decoded and dropped, cost a quarter of the read).
 */
export const TURN_CLOCK_COLUMNS = ['id', 'status', 'started_at', 'ended_at', 'paused_total_ms'] as const;

export function toTurnClock(row: Pick<TurnsTable, (typeof TURN_CLOCK_COLUMNS)[number]>): TurnClockState {
  return { id: row.id, status: row.status, startedAt: row.started_at, endedAt: row.ended_at, pausedTotalMs: row.paused_total_ms };
}

/** Someone who can speak in a round. */
export interface RoundAttendee {
  attendeeId: Id;
  memberId: Id | null;
  status: AttendanceStatus;
  teamPosition: number | null;
}

/** One entry of the undo log: `before` is what the action changed, as it was (the service's own JSON). */
export interface LiveActionRecord {
  /** Its rowid: the log's order (migration 023), valid within the transaction that read it. */
  seq: number;
  id: Id;
  kind: string;
  label: string;
  at: EpochMs;
  before: unknown;
}

export function toItem(row: Pick<AgendaItemsTable, LiveItemColumn>): LiveItemRecord {
  return { ...agendaItemFields(LIVE_ITEM_FIELDS, row), removed: row.removed_at !== null };
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

/** Each field a live action changes on an item, beside its column in the one agenda item table. */
const ITEM_COLUMN: Partial<Record<keyof AgendaItemRecord, keyof AgendaItemsTable>> = Object.fromEntries(
  (['status', 'startedAt', 'endedAt', 'pausedTotalMs', 'extraMs', 'plannedMs', 'notes'] as const).map((f) => [f, AGENDA_ITEM_COLUMNS[f]]),
);
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
export function itemColumns(changes: Partial<Omit<ItemClockState, 'id'>> & { notes?: string }): Partial<AgendaItemsTable> {
  return columnsOf<AgendaItemRecord, AgendaItemsTable>(ITEM_COLUMN, changes);
}

export function turnColumns(changes: Partial<Omit<TurnWithNotes, 'id' | 'agendaItemId' | 'attendeeId'>>): Partial<TurnsTable> {
  return columnsOf<TurnWithNotes, TurnsTable>(TURN_COLUMN, changes);
}
