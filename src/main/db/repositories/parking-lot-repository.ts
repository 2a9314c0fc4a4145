import { qb, type Sql } from '../query';
import type { ParkingLotItemsTable } from '../schema';

export class ParkingLotRepository {
  constructor(private readonly sql: Sql) {}

  list(teamId: string, includeClosed: boolean): ParkingLotItemsTable[] {
    let query = qb.selectFrom('parking_lot_items').selectAll().where('team_id', '=', teamId);
    if (!includeClosed) query = query.where('status', '=', 'open');
    return this.sql.all(query.orderBy('created_at').orderBy('id'));
  }

  find(id: string): ParkingLotItemsTable | null {
    return this.sql.first(qb.selectFrom('parking_lot_items').selectAll().where('id', '=', id)) ?? null;
  }

  insert(row: ParkingLotItemsTable): void {
    this.sql.run(qb.insertInto('parking_lot_items').values(row));
  }

  update(id: string, changes: Partial<ParkingLotItemsTable>): void {
    this.sql.run(qb.updateTable('parking_lot_items').set(changes).where('id', '=', id));
  }
}
