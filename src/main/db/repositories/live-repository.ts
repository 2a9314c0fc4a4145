import type { AgendaKind, Turn } from '@shared/planning';
import { sql as fragment } from 'kysely';
import { planned, qb, type Sql } from '../query';
import type { AgendaItemsTable, LiveActionsTable, MeetingsTable, TurnsTable } from '../schema';
import {
  ITEM_COLUMNS,
  itemColumns,
  TURN_CLOCK_COLUMNS,
  TURN_COLUMNS,
  toItem,
  toTurn,
  toTurnClock,
  turnColumns,
  type ItemClockState,
  type LiveActionRecord,
  type LiveItemRecord,
  type LiveItemWithNotes,
  type LiveMeetingRecord,
  type MeetingClockState,
  type RoundAttendee,
  type TurnClockState,
  type TurnRecord,
  type TurnWithNotes,
} from './live-records';

/** A step's rowid: where it is in the log's order, and how it is found again within the transaction that read it. */
const ROWID = fragment<number>`rowid`.as('seq');

/**
 * A live meeting's current item: the item of its agenda that runs (status 'active', not removed). A live action moves
 * the meeting on by writing the items' statuses, which it writes anyway; it does not write the meeting's row as well
 * (that row was one page of the three and a half a next or previous committed). `meetings.current_item_id` is written
 * only as the meeting starts and ends; a live meeting's is not read. Starting an item stops the one that ran, ending the
 * meeting marks the one running done, so a live meeting has at most one (EXPLAIN QUERY PLAN: SEARCH agenda_items USING
 * INDEX agenda_items_by_meeting (meeting_id=?), its few items).
 */
const CURRENT_ITEM = fragment
  .raw<string | null>(
    `(select ai.id from agenda_items ai where ai.meeting_id = meetings.id and ai.status = 'active' and ai.removed_at is null
      order by ai.position limit 1)`,
  )
  .as('current_item_id');

/** The statements a live action runs, compiled once per connection (see Sql.prepared). */
function statements(sql: Sql) {
  return {
    // The current item is the agenda's running one (see CURRENT_ITEM), read with the meeting's row in one statement.
    meetingById: sql.prepared((a: { id: string }) =>
      qb
        .selectFrom('meetings')
        .select(['id', 'team_id', 'series_id', 'status', 'paused_at', 'paused_total_ms', CURRENT_ITEM])
        .where('id', '=', a.id),
    ),
    meetingColumns: sql.updates((set: Partial<MeetingsTable>, id) => qb.updateTable('meetings').set(set).where('id', '=', id)),
    // The reads with an ORDER BY (or a join) bind their key through `planned`: not prepared again at every call.
    itemsOfMeeting: sql.prepared((a: { meetingId: string }) =>
      qb
        .selectFrom('agenda_items')
        .select(ITEM_COLUMNS)
        .where('meeting_id', '=', planned(a.meetingId))
        .where('removed_at', 'is', null)
        .orderBy('position'),
    ),
    itemById: sql.prepared((a: { id: string }) => qb.selectFrom('agenda_items').selectAll().where('id', '=', a.id)),
    itemClockById: sql.prepared((a: { id: string }) => qb.selectFrom('agenda_items').select(ITEM_COLUMNS).where('id', '=', a.id)),
    // A move reads the item at the next (or the previous) position alone: a point in the agenda's index costs a fifth
    // of reading the whole agenda, and a third of a range from where the meeting stands (measured on the ten-year file).
    itemsAt: sql.prepared((a: { meetingId: string; position: number }) =>
      qb
        .selectFrom('agenda_items')
        .select(ITEM_COLUMNS)
        .where('meeting_id', '=', a.meetingId)
        .where('position', '=', a.position)
        .where('removed_at', 'is', null),
    ),
    itemColumns: sql.updates((set: Partial<AgendaItemsTable>, id) => qb.updateTable('agenda_items').set(set).where('id', '=', id)),
    turnsByItem: sql.prepared((a: { itemId: string }) =>
      qb.selectFrom('turns').select(TURN_COLUMNS).where('agenda_item_id', '=', planned(a.itemId)).orderBy('position'),
    ),
    clocksByItem: sql.prepared((a: { itemId: string }) =>
      qb.selectFrom('turns').select(TURN_CLOCK_COLUMNS).where('agenda_item_id', '=', planned(a.itemId)).orderBy('position'),
    ),
    speakingIn: sql.prepared((a: { itemId: string }) =>
      qb
        .selectFrom('turns')
        .select(TURN_CLOCK_COLUMNS)
        .where('agenda_item_id', '=', planned(a.itemId))
        .where('status', '=', 'speaking')
        .orderBy('position')
        .limit(fragment.lit(1)),
    ),
    turnById: sql.prepared((a: { id: string }) => qb.selectFrom('turns').selectAll().where('id', '=', a.id)),
    turnColumns: sql.updates((set: Partial<TurnsTable>, id) => qb.updateTable('turns').set(set).where('id', '=', id)),
    // Inserts name every column: the arguments stand for themselves only when read one by one.
    newTurn: sql.prepared((a: TurnsTable) =>
      qb.insertInto('turns').values({
        id: a.id,
        agenda_item_id: a.agenda_item_id,
        attendee_id: a.attendee_id,
        position: a.position,
        timebox_ms: a.timebox_ms,
        status: a.status,
        started_at: a.started_at,
        ended_at: a.ended_at,
        paused_total_ms: a.paused_total_ms,
        notes: a.notes,
      }),
    ),
    newAction: sql.prepared((a: LiveActionsTable) =>
      qb.insertInto('live_actions').values({
        id: a.id,
        meeting_id: a.meeting_id,
        kind: a.kind,
        label: a.label,
        before_json: a.before_json,
        at: a.at,
        undone_at: a.undone_at,
      }),
    ),
    // The log holds live meetings' steps alone (migration 023) and has no index: read from its end (rowid, the order its
    // rows were written in), a meeting's last step is among the last few rows, whatever the log holds. EXPLAIN QUERY
    // PLAN: SCAN live_actions, no sort. Written here in creation order (UUIDv7 ids), the order is the ids' own; a step a
    // sync brings in from another laptop running the same meeting counts as taken when it arrived.
    lastActionOf: sql.prepared((a: { meetingId: string }) =>
      qb
        .selectFrom('live_actions')
        .select([ROWID, 'id', 'kind', 'label', 'at', 'before_json'])
        .where('meeting_id', '=', planned(a.meetingId))
        .where('undone_at', 'is', null)
        .orderBy(fragment`rowid`, 'desc')
        .limit(fragment.lit(1)),
    ),
    // What the live part reads after every action (the console and the projector): compiled once, like the writes.
    lastActionShown: sql.prepared((a: { meetingId: string }) =>
      qb
        .selectFrom('live_actions')
        .select(['id', 'label'])
        .where('meeting_id', '=', planned(a.meetingId))
        .where('undone_at', 'is', null)
        .orderBy(fragment`rowid`, 'desc')
        .limit(fragment.lit(1)),
    ),
    turnsOfMeeting: sql.prepared((a: { meetingId: string }) =>
      qb
        .selectFrom('turns')
        .innerJoin('agenda_items', 'agenda_items.id', 'turns.agenda_item_id')
        .innerJoin('attendees', 'attendees.id', 'turns.attendee_id')
        .leftJoin('members', 'members.id', 'attendees.member_id')
        .selectAll('turns')
        .select((eb) => eb.fn.coalesce('members.name', 'attendees.guest_name').$castTo<string>().as('name'))
        .where('agenda_items.meeting_id', '=', planned(a.meetingId))
        .orderBy('agenda_items.position')
        .orderBy('turns.position'),
    ),
    // A step read in this transaction is found again by its rowid (EXPLAIN QUERY PLAN: SEARCH live_actions USING
    // INTEGER PRIMARY KEY), and its id, so a row that is not the step read is never written.
    touchAction: sql.prepared((a: { seq: number; id: string; at: number }) =>
      qb
        .updateTable('live_actions')
        .set({ at: a.at })
        .where(fragment`rowid`, '=', a.seq)
        .where('id', '=', a.id),
    ),
    undoneAction: sql.prepared((a: { seq: number; id: string; at: number }) =>
      qb
        .updateTable('live_actions')
        .set({ undone_at: a.at })
        .where(fragment`rowid`, '=', a.seq)
        .where('id', '=', a.id),
    ),
    // A scan of the log, which holds the few live meetings' steps.
    deleteActionsOf: sql.prepared((a: { meetingId: string }) => qb.deleteFrom('live_actions').where('meeting_id', '=', a.meetingId)),
  };
}

/**
 * A meeting while it runs: its clock and current item, its items' timers and notes, the turns of its rounds and
 * the log of live actions (for undo). Each method is one small statement, so an action costs about its commit.
 */
export class LiveRepository {
  private readonly q: ReturnType<typeof statements>;

  constructor(private readonly sql: Sql) {
    this.q = statements(sql);
  }

  meeting(id: string): LiveMeetingRecord | null {
    const row = this.q.meetingById.get({ id });
    return row
      ? {
          id: row.id,
          teamId: row.team_id,
          seriesId: row.series_id,
          status: row.status,
          pausedAt: row.paused_at,
          pausedTotalMs: row.paused_total_ms,
          currentItemId: row.current_item_id,
        }
      : null;
  }

  setMeetingClock(id: string, changes: Partial<MeetingClockState>, at: number): void {
    const columns: Partial<MeetingsTable> = { updated_at: at };
    if (changes.pausedAt !== undefined) columns.paused_at = changes.pausedAt;
    if (changes.pausedTotalMs !== undefined) columns.paused_total_ms = changes.pausedTotalMs;
    this.q.meetingColumns(id, columns);
  }

  /** The meeting's agenda in order, removed items left out; no notes (a meeting's can run to pages, read at every move). */
  items(meetingId: string): LiveItemRecord[] {
    return this.q.itemsOfMeeting.all({ meetingId }).map(toItem);
  }

  /** One item without its notes; null when there is none or it was removed from the agenda. */
  agendaItem(id: string): LiveItemRecord | null {
    const row = this.q.itemClockById.get({ id });
    return row && row.removed_at === null ? toItem(row) : null;
  }

  /** The items at one position of the agenda (one, unless an edit left two there), removed ones left out, in the agenda's order. */
  itemsAt(meetingId: string, position: number): LiveItemRecord[] {
    return this.q.itemsAt.all({ meetingId, position }).map(toItem);
  }

  item(id: string): LiveItemWithNotes | null {
    const row = this.q.itemById.get({ id });
    return row ? { ...toItem(row), notes: row.notes } : null;
  }

  /** `at` (the item's updated_at) is left alone when undo puts a timer back. */
  updateItem(id: string, changes: Partial<Omit<ItemClockState, 'id'>> & { notes?: string }, at: number | null): void {
    const columns = itemColumns(changes);
    if (at !== null) columns.updated_at = at;
    this.q.itemColumns(id, columns);
  }

  /** Turns of every round of the meeting with the speaker's name, in agenda then speaking order. */
  turnsOfMeeting(meetingId: string): Turn[] {
    return this.q.turnsOfMeeting.all({ meetingId }).map((row) => ({ ...toTurn(row), notes: row.notes, name: row.name }));
  }

  turnsOfItem(itemId: string): TurnRecord[] {
    return this.q.turnsByItem.all({ itemId }).map(toTurn);
  }

  /** The clocks of the item's round's turns in speaking order: what moving the round on reads. */
  turnClocksOfItem(itemId: string): TurnClockState[] {
    return this.q.clocksByItem.all({ itemId }).map(toTurnClock);
  }

  /** The clock of the turn of the item's round now speaking, if any (the first in speaking order, as a round has one). */
  speakingTurn(itemId: string): TurnClockState | null {
    const row = this.q.speakingIn.get({ itemId });
    return row ? toTurnClock(row) : null;
  }

  turn(id: string): TurnWithNotes | null {
    const row = this.q.turnById.get({ id });
    return row ? { ...toTurn(row), notes: row.notes } : null;
  }

  insertTurn(turn: TurnWithNotes): void {
    this.q.newTurn.run({
      id: turn.id,
      agenda_item_id: turn.agendaItemId,
      attendee_id: turn.attendeeId,
      position: turn.position,
      timebox_ms: turn.timeboxMs,
      status: turn.status,
      started_at: turn.startedAt,
      ended_at: turn.endedAt,
      paused_total_ms: turn.pausedTotalMs,
      notes: turn.notes,
    });
  }

  updateTurn(id: string, changes: Partial<Omit<TurnWithNotes, 'id' | 'agendaItemId' | 'attendeeId'>>): void {
    this.q.turnColumns(id, turnColumns(changes));
  }

  /** Only for turns an undone action created, which nobody has written in. */
  deleteTurn(id: string): void {
    this.sql.run(qb.deleteFrom('turns').where('id', '=', id).where('notes', '=', ''));
  }

  /** Who can speak in the meeting's rounds, in the team's order (guests last). */
  roundAttendees(meetingId: string): RoundAttendee[] {
    return this.sql
      .all(
        qb
          .selectFrom('attendees')
          .leftJoin('members', 'members.id', 'attendees.member_id')
          .select(['attendees.id', 'attendees.member_id', 'attendees.status', 'members.position'])
          .where('attendees.meeting_id', '=', meetingId)
          .orderBy((eb) => eb.fn.coalesce('members.position', eb.lit(100000)))
          .orderBy('attendees.id'),
      )
      .map((a) => ({ attendeeId: a.id, memberId: a.member_id, status: a.status, teamPosition: a.position }));
  }

  insertAction(action: Omit<LiveActionRecord, 'seq'> & { meetingId: string }): void {
    this.q.newAction.run({
      id: action.id,
      meeting_id: action.meetingId,
      kind: action.kind,
      label: action.label,
      before_json: JSON.stringify(action.before),
      at: action.at,
      undone_at: null,
    });
  }

  /** The last action not undone yet: what Ctrl/⌘+Z puts back. */
  lastAction(meetingId: string): LiveActionRecord | null {
    const row = this.q.lastActionOf.get({ meetingId });
    return row
      ? { seq: row.seq, id: row.id, kind: row.kind, label: row.label, at: row.at, before: JSON.parse(row.before_json) as unknown }
      : null;
  }

  /** The last action not undone, for the console's undo button: its id and label (its snapshot left unread). */
  lastActionShown(meetingId: string): { id: string; label: string } | null {
    return this.q.lastActionShown.get({ meetingId }) ?? null;
  }

  /** `action` as lastAction read it, in this transaction. */
  touchAction(action: Pick<LiveActionRecord, 'seq' | 'id'>, at: number): void {
    this.q.touchAction.run({ seq: action.seq, id: action.id, at });
  }

  markUndone(action: Pick<LiveActionRecord, 'seq' | 'id'>, at: number): void {
    this.q.undoneAction.run({ seq: action.seq, id: action.id, at });
  }

  /** Ending a meeting ends its undo: the log keeps live meetings' steps alone (migration 023). */
  forgetActions(meetingId: string): void {
    this.q.deleteActionsOf.run({ meetingId });
  }

  /** The meetings running now: the only ones whose steps the log keeps. */
  liveMeetingIds(): Set<string> {
    return new Set(this.sql.all(qb.selectFrom('meetings').select('id').where('status', '=', 'live')).map((m) => m.id));
  }

  /** The steps of every meeting not live (an archive import can end a meeting that runs here): none is kept. */
  forgetActionsOfMeetingsNotLive(): void {
    this.sql.run(
      qb.deleteFrom('live_actions').where('meeting_id', 'not in', qb.selectFrom('meetings').select('id').where('status', '=', 'live')),
    );
  }

  /** Which member opened the same kind of round in an earlier meeting of the series. */
  lastOpener(seriesId: string, kind: AgendaKind, beforeMeetingId: string): string | null {
    const row = this.sql.first(
      qb
        .selectFrom('turns')
        .innerJoin('agenda_items', 'agenda_items.id', 'turns.agenda_item_id')
        .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
        .innerJoin('attendees', 'attendees.id', 'turns.attendee_id')
        .select('attendees.member_id')
        .where('meetings.series_id', '=', seriesId)
        .where('meetings.id', '!=', beforeMeetingId)
        .where('agenda_items.kind', '=', kind)
        .where('turns.position', '=', 0)
        .where('attendees.member_id', 'is not', null)
        // The meeting held last, whatever day it was planned for.
        .orderBy(fragment`coalesce(meetings.started_at, meetings.scheduled_start)`, 'desc')
        .limit(fragment.lit(1)),
    );
    return row?.member_id ?? null;
  }
}
