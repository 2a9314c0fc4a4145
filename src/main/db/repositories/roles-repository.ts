import { qb, type Sql } from '../query';
import type { RoleEventsTable, RolesTable } from '../schema-agreements';

export type RoleEventRow = RoleEventsTable & { member_name: string | null };

export class RolesRepository {
  constructor(private readonly sql: Sql) {}

  forTeam(teamId: string): (RolesTable & { holder_name: string | null })[] {
    return this.sql.all(
      qb
        .selectFrom('roles')
        .leftJoin('members', 'members.id', 'roles.holder_id')
        .selectAll('roles')
        .select('members.name as holder_name')
        .where('roles.team_id', '=', teamId)
        .orderBy('roles.created_at')
        .orderBy('roles.id'),
    );
  }

  find(id: string): RolesTable | undefined {
    return this.sql.first(qb.selectFrom('roles').selectAll().where('id', '=', id));
  }

  insert(row: RolesTable): void {
    this.sql.run(qb.insertInto('roles').values(row));
  }

  update(id: string, changes: Partial<Pick<RolesTable, 'name' | 'purpose' | 'holder_id' | 'retired_at' | 'updated_at'>>): void {
    this.sql.run(qb.updateTable('roles').set(changes).where('id', '=', id));
  }

  insertEvent(row: RoleEventsTable): void {
    this.sql.run(qb.insertInto('role_events').values(row));
  }

  eventsOfTeam(teamId: string): RoleEventRow[] {
    return this.sql.all(
      qb
        .selectFrom('role_events')
        .innerJoin('roles', 'roles.id', 'role_events.role_id')
        .leftJoin('members', 'members.id', 'role_events.member_id')
        .selectAll('role_events')
        .select('members.name as member_name')
        .where('roles.team_id', '=', teamId)
        .orderBy('role_events.at')
        .orderBy('role_events.id'),
    );
  }
}
