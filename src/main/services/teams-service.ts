import type { ParsedInputOf } from '@shared/contract';
import type { Member, Team, TeamDetail } from '@shared/domain';
import { DomainError } from '@shared/result';
import type { Clock } from '../core/clock';
import { uuidv7 } from '../core/ids';
import type { Repositories } from '../db/repositories';

/** Teams and their members. Nobody is deleted: leaving is a mark, and every change is an event. */
export class TeamsService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  list(): Team[] {
    return this.repos.teams.list();
  }

  get(teamId: string): TeamDetail {
    const team = this.requireTeam(teamId);
    return {
      team,
      members: this.repos.members.listByTeam(teamId),
      history: this.repos.members.historyOfTeam(teamId),
    };
  }

  create(input: ParsedInputOf<'teams.create'>): Team {
    const seen = new Set<string>();
    for (const memberName of input.members) {
      const key = memberName.toLocaleLowerCase();
      if (seen.has(key)) throw new DomainError('conflict', `${memberName} is listed twice`);
      seen.add(key);
    }
    return this.repos.sql.transaction(() => {
      const at = this.clock.now();
      const id = uuidv7(this.clock);
      this.repos.teams.insert({ id, name: input.name, time_zone: input.timeZone, created_at: at, updated_at: at });
      for (const memberName of input.members) this.insertMember(id, memberName, null, at);
      return this.requireTeam(id);
    });
  }

  rename(teamId: string, name: string): Team {
    return this.repos.sql.transaction(() => {
      this.requireTeam(teamId);
      this.repos.teams.rename(teamId, name, this.clock.now());
      return this.requireTeam(teamId);
    });
  }

  setTimeZone(teamId: string, timeZone: string): Team {
    return this.repos.sql.transaction(() => {
      this.requireTeam(teamId);
      this.repos.teams.setTimeZone(teamId, timeZone, this.clock.now());
      return this.requireTeam(teamId);
    });
  }

  addMember(input: ParsedInputOf<'members.add'>): Member {
    return this.repos.sql.transaction(() => {
      this.requireTeam(input.teamId);
      this.assertNameFree(input.teamId, input.name, null);
      return this.insertMember(input.teamId, input.name, input.roleTitle, this.clock.now());
    });
  }

  updateMember(input: ParsedInputOf<'members.update'>): Member {
    return this.repos.sql.transaction(() => {
      const member = this.requireMember(input.memberId);
      const at = this.clock.now();
      if (member.name !== input.name) {
        this.assertNameFree(member.teamId, input.name, member.id);
        this.event(member.id, 'renamed', at, member.name, input.name);
      }
      if (member.roleTitle !== input.roleTitle) {
        this.event(member.id, 'role_changed', at, member.roleTitle, input.roleTitle);
      }
      this.repos.members.update(member.id, { name: input.name, role_title: input.roleTitle }, at);
      return this.requireMember(member.id);
    });
  }

  /** `at` lets imported or demo history record when someone really left. */
  markLeft(memberId: string, at: number = this.clock.now()): Member {
    return this.repos.sql.transaction(() => {
      const member = this.requireMember(memberId);
      if (member.leftAt !== null) throw new DomainError('conflict', `${member.name} has already left the team`);
      this.repos.members.update(member.id, { left_at: at }, at);
      this.event(member.id, 'left', at, null, null);
      return this.requireMember(member.id);
    });
  }

  rejoin(memberId: string): Member {
    return this.repos.sql.transaction(() => {
      const member = this.requireMember(memberId);
      if (member.leftAt === null) throw new DomainError('conflict', `${member.name} is already an active member`);
      this.assertNameFree(member.teamId, member.name, member.id);
      const at = this.clock.now();
      this.repos.members.update(member.id, { left_at: null }, at);
      this.event(member.id, 'rejoined', at, null, null);
      return this.requireMember(member.id);
    });
  }

  /** Inserts a member with a 'joined' event; callers hold the transaction. */
  insertMember(teamId: string, name: string, roleTitle: string | null, at: number, joinedAt = at): Member {
    const id = uuidv7(this.clock);
    this.repos.members.insert({
      id,
      team_id: teamId,
      name,
      role_title: roleTitle,
      position: this.repos.members.nextPosition(teamId),
      joined_at: joinedAt,
      left_at: null,
      created_at: at,
      updated_at: at,
    });
    this.event(id, 'joined', joinedAt, null, name);
    return this.requireMember(id);
  }

  private event(
    memberId: string,
    kind: 'joined' | 'renamed' | 'role_changed' | 'left' | 'rejoined',
    at: number,
    oldValue: string | null,
    newValue: string | null,
  ): void {
    this.repos.members.insertEvent({ id: uuidv7(this.clock), member_id: memberId, kind, at, old_value: oldValue, new_value: newValue });
  }

  private assertNameFree(teamId: string, name: string, exceptId: string | null): void {
    const clash = this.repos.members
      .listByTeam(teamId)
      .find((m) => m.leftAt === null && m.id !== exceptId && m.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (clash) throw new DomainError('conflict', `${clash.name} is already a member of this team`, { reason: 'name_taken', path: 'name' });
  }

  private requireTeam(teamId: string): Team {
    const team = this.repos.teams.find(teamId);
    if (!team) throw new DomainError('not_found', 'That team does not exist (it may have been removed in another window)');
    return team;
  }

  private requireMember(memberId: string): Member {
    const member = this.repos.members.find(memberId);
    if (!member) throw new DomainError('not_found', 'That member does not exist');
    return member;
  }
}
