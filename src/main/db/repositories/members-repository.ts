import type { Member, MemberEvent } from '@shared/domain';
import { inJsonList, qb, type Sql } from '../query';
import type { MemberEventsTable, MembersTable } from '../schema';

function toMember(row: MembersTable): Member {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    roleTitle: row.role_title,
    position: row.position,
    joinedAt: row.joined_at,
    leftAt: row.left_at,
  };
}

function toEvent(row: MemberEventsTable): MemberEvent {
  return {
    id: row.id,
    memberId: row.member_id,
    kind: row.kind,
    at: row.at,
    oldValue: row.old_value,
    newValue: row.new_value,
  };
}

export class MembersRepository {
  constructor(private readonly sql: Sql) {}

  listByTeam(teamId: string): Member[] {
    return this.sql.all(qb.selectFrom('members').selectAll().where('team_id', '=', teamId).orderBy('position').orderBy('id')).map(toMember);
  }

  find(id: string): Member | null {
    const row = this.sql.first(qb.selectFrom('members').selectAll().where('id', '=', id));
    return row ? toMember(row) : null;
  }

  /** The members of these ids that exist, in one statement compiled once whatever their number. */
  findMany(ids: readonly string[]): Member[] {
    return this.sql
      .all(
        qb
          .selectFrom('members')
          .selectAll()
          .where(inJsonList('id', JSON.stringify(ids))),
      )
      .map(toMember);
  }

  nextPosition(teamId: string): number {
    const row = this.sql.first(
      qb
        .selectFrom('members')
        .select((eb) => eb.fn.max<number | null>('position').as('max'))
        .where('team_id', '=', teamId),
    );
    return (row?.max ?? -1) + 1;
  }

  insert(row: MembersTable): void {
    this.sql.run(qb.insertInto('members').values(row));
  }

  update(id: string, changes: Partial<Pick<MembersTable, 'name' | 'role_title' | 'left_at'>>, at: number): void {
    this.sql.run(
      qb
        .updateTable('members')
        .set({ ...changes, updated_at: at })
        .where('id', '=', id),
    );
  }

  insertEvent(row: MemberEventsTable): void {
    this.sql.run(qb.insertInto('member_events').values(row));
  }

  historyOfTeam(teamId: string): MemberEvent[] {
    return this.sql
      .all(
        qb
          .selectFrom('member_events')
          .innerJoin('members', 'members.id', 'member_events.member_id')
          .selectAll('member_events')
          .where('members.team_id', '=', teamId)
          .orderBy('member_events.at', 'desc')
          .orderBy('member_events.id', 'desc'),
      )
      .map(toEvent);
  }
}
