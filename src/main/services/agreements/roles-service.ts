import type { ParsedInputOf } from '@shared/contract';
import type { Role, RoleEventKind } from '@shared/agreements';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { RolesTable } from '../../db/schema-agreements';

/** Roles are outcomes a member owns. Who held a role when is history: every change is an event. */
export class RolesService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  list(teamId: string): Role[] {
    if (!this.repos.teams.find(teamId)) throw new DomainError('not_found', 'That team does not exist');
    const events = this.repos.roles.eventsOfTeam(teamId);
    return this.repos.roles.forTeam(teamId).map((r) => ({
      id: r.id,
      teamId: r.team_id,
      name: r.name,
      purpose: r.purpose,
      holderId: r.holder_id,
      holderName: r.holder_name,
      createdAt: r.created_at,
      retiredAt: r.retired_at,
      history: events
        .filter((e) => e.role_id === r.id)
        .map((e) => ({
          id: e.id,
          kind: e.kind,
          memberId: e.member_id,
          memberName: e.member_name,
          oldValue: e.old_value,
          newValue: e.new_value,
          at: e.at,
        })),
    }));
  }

  /** `at` lets the demo record a role taken on in the past. */
  create(input: ParsedInputOf<'roles.create'>, at: number = this.clock.now()): Role {
    return this.repos.sql.transaction(() => {
      if (!this.repos.teams.find(input.teamId)) throw new DomainError('not_found', 'That team does not exist');
      this.assertNameFree(input.teamId, input.name, null);
      const id = uuidv7(this.clock);
      this.repos.roles.insert({
        id,
        team_id: input.teamId,
        name: input.name,
        purpose: input.purpose,
        holder_id: null,
        created_at: at,
        updated_at: at,
        retired_at: null,
      });
      this.event(id, 'created', at, null, null, input.name);
      if (input.holderId) this.handOver(this.require(id), input.holderId, at);
      return this.get(id);
    });
  }

  update(input: ParsedInputOf<'roles.update'>): Role {
    return this.repos.sql.transaction(() => {
      const role = this.requireActive(input.roleId);
      const at = this.clock.now();
      if (role.name !== input.name) {
        this.assertNameFree(role.team_id, input.name, role.id);
        this.event(role.id, 'renamed', at, null, role.name, input.name);
      }
      if (role.purpose !== input.purpose) this.event(role.id, 'purpose_changed', at, null, role.purpose, input.purpose);
      this.repos.roles.update(role.id, { name: input.name, purpose: input.purpose, updated_at: at });
      return this.get(role.id);
    });
  }

  assign(roleId: string, memberId: string | null, at: number = this.clock.now()): Role {
    return this.repos.sql.transaction(() => {
      const role = this.requireActive(roleId);
      if (role.holder_id === memberId) {
        throw new DomainError('conflict', memberId ? 'They already hold this role' : 'This role is already vacant');
      }
      this.handOver(role, memberId, at);
      return this.get(role.id);
    });
  }

  retire(roleId: string): Role {
    return this.repos.sql.transaction(() => {
      const role = this.requireActive(roleId);
      const at = this.clock.now();
      if (role.holder_id) this.handOver(role, null, at);
      this.repos.roles.update(role.id, { retired_at: at, updated_at: at });
      this.event(role.id, 'retired', at, null, null, null);
      return this.get(role.id);
    });
  }

  /** Roles by name, creating the ones the team does not have yet; callers hold the transaction. */
  ensure(teamId: string, roles: { name: string; purpose: string }[]): Map<string, string> {
    const byName = new Map(
      this.repos.roles
        .forTeam(teamId)
        .filter((r) => r.retired_at === null)
        .map((r) => [r.name.toLocaleLowerCase(), r.id]),
    );
    const out = new Map<string, string>();
    for (const r of roles) {
      const id = byName.get(r.name.toLocaleLowerCase()) ?? this.create({ teamId, name: r.name, purpose: r.purpose, holderId: null }).id;
      out.set(r.name, id);
    }
    return out;
  }

  private handOver(role: RolesTable, memberId: string | null, at: number): void {
    if (memberId) {
      const member = this.repos.members.find(memberId);
      if (!member || member.teamId !== role.team_id) throw new DomainError('not_found', 'That member is not in this team');
      if (member.leftAt !== null)
        throw new DomainError('conflict', `${member.name} has left the team and cannot take on a role`, { reason: 'member_left' });
    }
    if (role.holder_id) this.event(role.id, 'unassigned', at, role.holder_id, null, null);
    if (memberId) this.event(role.id, 'assigned', at, memberId, null, null);
    this.repos.roles.update(role.id, { holder_id: memberId, updated_at: at });
  }

  private get(id: string): Role {
    const role = this.require(id);
    return this.list(role.team_id).find((r) => r.id === id)!;
  }

  private require(id: string): RolesTable {
    const role = this.repos.roles.find(id);
    if (!role) throw new DomainError('not_found', 'That role does not exist');
    return role;
  }

  private requireActive(id: string): RolesTable {
    const role = this.require(id);
    if (role.retired_at !== null) throw new DomainError('conflict', `The role “${role.name}” has been retired`);
    return role;
  }

  private assertNameFree(teamId: string, name: string, exceptId: string | null): void {
    const clash = this.repos.roles
      .forTeam(teamId)
      .find((r) => r.retired_at === null && r.id !== exceptId && r.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (clash)
      throw new DomainError('conflict', `The team already has a role called “${clash.name}”`, { reason: 'name_taken', path: 'name' });
  }

  private event(
    roleId: string,
    kind: RoleEventKind,
    at: number,
    memberId: string | null,
    oldValue: string | null,
    newValue: string | null,
  ) {
    this.repos.roles.insertEvent({
      id: uuidv7(this.clock),
      role_id: roleId,
      kind,
      member_id: memberId,
      old_value: oldValue,
      new_value: newValue,
      at,
    });
  }
}
