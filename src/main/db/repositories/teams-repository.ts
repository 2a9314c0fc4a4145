import type { Team } from '@shared/domain';
import { qb, type Sql } from '../query';
import type { TeamsTable } from '../schema';

const teamsWithCount = () =>
  qb
    .selectFrom('teams')
    .selectAll('teams')
    .select((eb) =>
      eb
        .selectFrom('members')
        .select((m) => m.fn.countAll<number>().as('n'))
        .whereRef('members.team_id', '=', 'teams.id')
        .where('members.left_at', 'is', null)
        .as('active_member_count'),
    );

type TeamRow = TeamsTable & { active_member_count: number };

function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    activeMemberCount: Number(row.active_member_count),
  };
}

export class TeamsRepository {
  constructor(private readonly sql: Sql) {}

  list(): Team[] {
    const rows = this.sql.all(teamsWithCount().where('archived_at', 'is', null).orderBy('name').orderBy('created_at')) as TeamRow[];
    return rows.map(toTeam);
  }

  find(id: string): Team | null {
    const row = this.sql.first(teamsWithCount().where('id', '=', id)) as TeamRow | undefined;
    return row ? toTeam(row) : null;
  }

  insert(row: Omit<TeamsTable, 'archived_at'>): void {
    this.sql.run(qb.insertInto('teams').values({ ...row, archived_at: null }));
  }

  setTimeZone(id: string, timeZone: string, at: number): void {
    this.sql.run(qb.updateTable('teams').set({ time_zone: timeZone, updated_at: at }).where('id', '=', id));
  }

  rename(id: string, name: string, at: number): void {
    this.sql.run(qb.updateTable('teams').set({ name, updated_at: at }).where('id', '=', id));
  }
}
