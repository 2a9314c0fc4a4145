import type { ParkingLotItem } from '@shared/planning';
import { qb, type Sql } from '../query';
import type { ParkingLotItemsTable } from '../schema';

function toItem(row: ParkingLotItemsTable): ParkingLotItem {
  return {
    id: row.id,
    teamId: row.team_id,
    title: row.title,
    notes: row.notes,
    status: row.status,
    parkedFromMeetingId: row.parked_from_meeting_id,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export class ParkingLotRepository {
  constructor(private readonly sql: Sql) {}

  list(teamId: string, includeClosed: boolean): ParkingLotItem[] {
    let query = qb.selectFrom('parking_lot_items').selectAll().where('team_id', '=', teamId);
    if (!includeClosed) query = query.where('status', '=', 'open');
    return this.sql.all(query.orderBy('created_at').orderBy('id')).map(toItem);
  }

  find(id: string): ParkingLotItem | null {
    const row = this.sql.first(qb.selectFrom('parking_lot_items').selectAll().where('id', '=', id));
    return row ? toItem(row) : null;
  }

  insert(row: ParkingLotItemsTable): void {
    this.sql.run(qb.insertInto('parking_lot_items').values(row));
  }

  update(id: string, changes: Partial<ParkingLotItemsTable>): void {
    this.sql.run(qb.updateTable('parking_lot_items').set(changes).where('id', '=', id));
  }
}
