import type { Id, EpochMs } from '@shared/domain';
import type { Cadence } from '@shared/planning';
import { qb, type Sql } from '../query';
import type { MeetingSeriesTable } from '../schema';

/** A series as stored; the service adds what is derived from its rule (its text, the next start). */
export interface SeriesRecord {
  id: Id;
  teamId: Id;
  name: string;
  timeZone: string;
  cadence: Cadence;
  intervalWeeks: number;
  weekday: number | null;
  monthDay: number | null;
  monthWeek: number | null;
  startTime: string;
  /** null for series made before a start date was asked for: they start on the day they were made. */
  startsOn: string | null;
  defaultLengthMs: number;
  defaultFacilitatorId: Id | null;
  rotateFacilitator: boolean;
  templateId: Id | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  archivedAt: EpochMs | null;
}

function toRecord(row: MeetingSeriesTable): SeriesRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    timeZone: row.time_zone,
    cadence: row.cadence,
    intervalWeeks: row.interval_weeks,
    weekday: row.weekday,
    monthDay: row.month_day,
    monthWeek: row.month_week,
    startTime: row.start_time,
    startsOn: row.starts_on,
    defaultLengthMs: row.default_length_ms,
    defaultFacilitatorId: row.default_facilitator_id,
    rotateFacilitator: row.rotate_facilitator === 1,
    templateId: row.template_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
  };
}

export class SeriesRepository {
  constructor(private readonly sql: Sql) {}

  listByTeam(teamId: string): SeriesRecord[] {
    return this.sql
      .all(qb.selectFrom('meeting_series').selectAll().where('team_id', '=', teamId).where('archived_at', 'is', null).orderBy('created_at'))
      .map(toRecord);
  }

  find(id: string): SeriesRecord | null {
    const row = this.sql.first(qb.selectFrom('meeting_series').selectAll().where('id', '=', id));
    return row ? toRecord(row) : null;
  }

  insert(row: MeetingSeriesTable): void {
    this.sql.run(qb.insertInto('meeting_series').values(row));
  }

  update(id: string, changes: Partial<MeetingSeriesTable>): void {
    this.sql.run(qb.updateTable('meeting_series').set(changes).where('id', '=', id));
  }
}
