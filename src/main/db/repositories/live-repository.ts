import { qb, type Sql } from '../query';
import type { LiveActionsTable, TurnsTable } from '../schema';

export type TurnRow = TurnsTable & { name: string };

/** Turns of rounds and the log of live actions (for undo). */
export class LiveRepository {
  constructor(private readonly sql: Sql) {}

  turnsOfMeeting(meetingId: string): TurnRow[] {
    return this.sql.all(
      qb
        .selectFrom('turns')
        .innerJoin('agenda_items', 'agenda_items.id', 'turns.agenda_item_id')
        .innerJoin('attendees', 'attendees.id', 'turns.attendee_id')
        .leftJoin('members', 'members.id', 'attendees.member_id')
        .selectAll('turns')
        .select((eb) => eb.fn.coalesce('members.name', 'attendees.guest_name').$castTo<string>().as('name'))
        .where('agenda_items.meeting_id', '=', meetingId)
        .orderBy('agenda_items.position')
        .orderBy('turns.position'),
    );
  }

  turnsOfItem(itemId: string): TurnsTable[] {
    return this.sql.all(qb.selectFrom('turns').selectAll().where('agenda_item_id', '=', itemId).orderBy('position'));
  }

  turn(id: string): TurnsTable | null {
    return this.sql.first(qb.selectFrom('turns').selectAll().where('id', '=', id)) ?? null;
  }

  insertTurn(row: TurnsTable): void {
    this.sql.run(qb.insertInto('turns').values(row));
  }

  updateTurn(id: string, changes: Partial<TurnsTable>): void {
    this.sql.run(qb.updateTable('turns').set(changes).where('id', '=', id));
  }

  /** Only for turns an undone action created, which nobody has written in. */
  deleteTurn(id: string): void {
    this.sql.run(qb.deleteFrom('turns').where('id', '=', id).where('notes', '=', ''));
  }

  insertAction(row: LiveActionsTable): void {
    this.sql.run(qb.insertInto('live_actions').values(row));
  }

  lastAction(meetingId: string): LiveActionsTable | null {
    return (
      this.sql.first(
        qb
          .selectFrom('live_actions')
          .selectAll()
          .where('meeting_id', '=', meetingId)
          .where('undone_at', 'is', null)
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(1),
      ) ?? null
    );
  }

  touchAction(id: string, at: number): void {
    this.sql.run(qb.updateTable('live_actions').set({ at }).where('id', '=', id));
  }

  markUndone(id: string, at: number): void {
    this.sql.run(qb.updateTable('live_actions').set({ undone_at: at }).where('id', '=', id));
  }

  /**
   * The notes each item had before the first change made to them while the meeting ran (the undo log
   * keeps what each change replaced, undone ones included), by item. Items never changed are absent.
   */
  notesBeforeFirstChange(meetingId: string): Map<string, string> {
    const rows = this.sql.all(
      qb
        .selectFrom('live_actions')
        .select('before_json')
        .where('meeting_id', '=', meetingId)
        .where('kind', '=', 'notes')
        .orderBy('at')
        .orderBy('id'),
    );
    const planned = new Map<string, string>();
    for (const row of rows) {
      const { notes } = JSON.parse(row.before_json) as { notes?: { itemId: string; text: string } };
      if (notes && !planned.has(notes.itemId)) planned.set(notes.itemId, notes.text);
    }
    return planned;
  }

  /** Which member opened the same kind of round in an earlier meeting of the series. */
  lastOpener(seriesId: string, kind: string, beforeMeetingId: string): string | null {
    const row = this.sql.first(
      qb
        .selectFrom('turns')
        .innerJoin('agenda_items', 'agenda_items.id', 'turns.agenda_item_id')
        .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
        .innerJoin('attendees', 'attendees.id', 'turns.attendee_id')
        .select('attendees.member_id')
        .where('meetings.series_id', '=', seriesId)
        .where('meetings.id', '!=', beforeMeetingId)
        .where('agenda_items.kind', '=', kind as never)
        .where('turns.position', '=', 0)
        .where('attendees.member_id', 'is not', null)
        .orderBy('meetings.scheduled_start', 'desc')
        .limit(1),
    );
    return row?.member_id ?? null;
  }
}
