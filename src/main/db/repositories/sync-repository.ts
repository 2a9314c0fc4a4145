import type { Statement } from 'better-sqlite3';
import { qb, type Sql } from '../query';
import type { SyncConflictsTable } from '../schema-sync';

export interface StoredStamp {
  table: string;
  key: string;
  stamp: string;
}

/** The git sync's bookkeeping (migration 013): this database's device id and clock, row stamps, conflicts found. */
export class SyncRepository {
  constructor(private readonly sql: Sql) {}

  device(): { deviceId: string; lastStamp: string } {
    const row = this.sql.first(qb.selectFrom('sync_device').selectAll())!;
    return { deviceId: row.device_id, lastStamp: row.last_stamp };
  }

  setLastStamp(stamp: string): void {
    this.sql.run(qb.updateTable('sync_device').set({ last_stamp: stamp }).where('only', '=', 1));
  }

  stamps(teamId: string): StoredStamp[] {
    return this.sql
      .all(qb.selectFrom('sync_stamps').select(['table_name', 'row_key', 'stamp']).where('team_id', '=', teamId))
      .map((r) => ({ table: r.table_name, key: r.row_key, stamp: r.stamp }));
  }

  /** One row's stamp, or undefined for a row never synced: an incremental sync reads those of the rows it reads again. */
  stampOf(table: string, key: string): string | undefined {
    this.stampStatement ??= this.sql.db.prepare('SELECT stamp FROM sync_stamps WHERE table_name = ? AND row_key = ?').pluck();
    return this.stampStatement.get(table, key) as string | undefined;
  }

  private stampStatement: Statement | undefined;

  /** Writes the stamps that changed and drops those of rows no longer there: an incremental sync touches few. */
  saveStamps(teamId: string, changed: readonly StoredStamp[], dropped: readonly Omit<StoredStamp, 'stamp'>[]): void {
    const drop = this.sql.db.prepare('DELETE FROM sync_stamps WHERE table_name = ? AND row_key = ?');
    for (const s of dropped) drop.run(s.table, s.key);
    // One prepared statement for what may be a hundred thousand rows at a first sync (kysely would compile each one).
    const upsert = this.sql.db.prepare('INSERT OR REPLACE INTO sync_stamps (team_id, table_name, row_key, stamp) VALUES (?, ?, ?, ?)');
    for (const s of changed) upsert.run(teamId, s.table, s.key, s.stamp);
  }

  conflicts(teamId: string): SyncConflictsTable[] {
    return this.sql.all(qb.selectFrom('sync_conflicts').selectAll().where('team_id', '=', teamId));
  }

  replaceConflicts(teamId: string, rows: readonly Omit<SyncConflictsTable, 'team_id'>[]): void {
    this.sql.run(qb.deleteFrom('sync_conflicts').where('team_id', '=', teamId));
    for (const r of rows) this.sql.run(qb.insertInto('sync_conflicts').values({ ...r, team_id: teamId }));
  }
}
