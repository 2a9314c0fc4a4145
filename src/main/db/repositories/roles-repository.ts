import type { Role, RoleEvent } from '@shared/agreements';
import type { Id } from '@shared/domain';
import { qb, type Sql } from '../query';
import type { RoleEventsTable, RolesTable } from '../schema-agreements';

/** A role without its history, which is read for the whole team at once. */
export type RoleRecord = Omit<Role, 'history'>;

export interface RoleEventRecord extends RoleEvent {
  roleId: Id;
}

function roles() {
  return qb
    .selectFrom('roles')
    .leftJoin('members', 'members.id', 'roles.holder_id')
    .selectAll('roles')
    .select('members.name as holder_name');
}

function toRole(row: RolesTable & { holder_name: string | null }): RoleRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    purpose: row.purpose,
    holderId: row.holder_id,
    holderName: row.holder_name,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}

export class RolesRepository {
  constructor(private readonly sql: Sql) {}

  forTeam(teamId: string): RoleRecord[] {
    return this.sql.all(roles().where('roles.team_id', '=', teamId).orderBy('roles.created_at').orderBy('roles.id')).map(toRole);
  }

  find(id: string): RoleRecord | undefined {
    const row = this.sql.first(roles().where('roles.id', '=', id));
    return row && toRole(row);
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

  /** Oldest first. */
  eventsOfTeam(teamId: string): RoleEventRecord[] {
    return this.sql
      .all(
        qb
          .selectFrom('role_events')
          .innerJoin('roles', 'roles.id', 'role_events.role_id')
          .leftJoin('members', 'members.id', 'role_events.member_id')
          .selectAll('role_events')
          .select('members.name as member_name')
          .where('roles.team_id', '=', teamId)
          .orderBy('role_events.at')
          .orderBy('role_events.id'),
      )
      .map((e) => ({
        id: e.id,
        roleId: e.role_id,
        kind: e.kind,
        memberId: e.member_id,
        memberName: e.member_name,
        oldValue: e.old_value,
        newValue: e.new_value,
        at: e.at,
      }));
  }
}
