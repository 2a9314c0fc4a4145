import { qb, type Sql } from '../query';
import type { OldBusinessTable } from '../schema';

export class OldBusinessRepository {
  constructor(private readonly sql: Sql) {}

  forMeeting(meetingId: string): OldBusinessTable[] {
    return this.sql.all(qb.selectFrom('old_business').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id'));
  }

  referencing(source: string, refId: string): OldBusinessTable[] {
    return this.sql.all(
      qb.selectFrom('old_business').selectAll().where('source', '=', source).where('ref_id', '=', refId).orderBy('created_at', 'desc'),
    );
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
