import { qb, type Sql } from '../query';
import type { MeetingSeriesTable } from '../schema';

export class SeriesRepository {
  constructor(private readonly sql: Sql) {}

  listByTeam(teamId: string): MeetingSeriesTable[] {
    return this.sql.all(
      qb.selectFrom('meeting_series').selectAll().where('team_id', '=', teamId).where('archived_at', 'is', null).orderBy('created_at'),
    );
  }

  find(id: string): MeetingSeriesTable | null {
    return this.sql.first(qb.selectFrom('meeting_series').selectAll().where('id', '=', id)) ?? null;
  }

  insert(row: MeetingSeriesTable): void {
    this.sql.run(qb.insertInto('meeting_series').values(row));
  }

  update(id: string, changes: Partial<MeetingSeriesTable>): void {
    this.sql.run(qb.updateTable('meeting_series').set(changes).where('id', '=', id));
  }
}
