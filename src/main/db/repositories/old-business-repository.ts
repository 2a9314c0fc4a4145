import type { EpochMs, Id } from '@shared/domain';
import type { OldBusinessEntry, OldBusinessSource } from '@shared/planning';
import { qb, type Sql } from '../query';
import type { OldBusinessTable } from '../schema';

/** A leftover a meeting inherited, as recorded; whether it is still open is decided when it is read. */
export interface OldBusinessRecord extends Omit<OldBusinessEntry, 'open'> {
  meetingId: Id;
  createdAt: EpochMs;
}

function toRecord(row: OldBusinessTable): OldBusinessRecord {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    // Only the old-business sources write this column.
    source: row.source as OldBusinessSource,
    refId: row.ref_id,
    fromMeetingId: row.from_meeting_id,
    title: row.title,
    detail: row.detail,
    agendaItemId: row.agenda_item_id,
    createdAt: row.created_at,
  };
}

export class OldBusinessRepository {
  constructor(private readonly sql: Sql) {}

  forMeeting(meetingId: string): OldBusinessRecord[] {
    return this.sql
      .all(qb.selectFrom('old_business').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id'))
      .map(toRecord);
  }

  referencing(source: OldBusinessSource, refId: string): OldBusinessRecord[] {
    return this.sql
      .all(qb.selectFrom('old_business').selectAll().where('source', '=', source).where('ref_id', '=', refId).orderBy('created_at', 'desc'))
      .map(toRecord);
  }

  /** Records what a meeting inherited; the same leftover twice is one row. */
  insert(row: OldBusinessTable): boolean {
    return (
      this.sql.run(
        qb
          .insertInto('old_business')
          .values(row)
          .onConflict((oc) => oc.doNothing()),
      ) > 0
    );
  }
}
