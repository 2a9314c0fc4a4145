import type { MeChoice } from '@shared/archive';
import { DomainError } from '@shared/result';
import type { Repositories } from '../db/repositories';

const KEY = 'me.byTeam';

/**
 * "This is me": which member of each team the person at this computer is, so the home screen
 * can show their own commitments. Kept when they leave the team (and shown as such).
 */
export class MeService {
  constructor(private readonly repos: Repositories) {}

  list(): MeChoice[] {
    const chosen = this.chosen();
    return this.repos.teams.list().map((team) => {
      const members = this.repos.members.listByTeam(team.id);
      const mine = members.find((m) => m.id === chosen[team.id]) ?? null;
      return {
        teamId: team.id,
        teamName: team.name,
        memberId: mine?.id ?? null,
        memberName: mine?.name ?? null,
        memberLeft: mine ? mine.leftAt !== null : false,
        members: members.map(({ id, name, leftAt }) => ({ id, name, leftAt })),
      };
    });
  }

  set(teamId: string, memberId: string | null): MeChoice[] {
    this.repos.sql.transaction(() => {
      if (!this.repos.teams.find(teamId)) throw new DomainError('not_found', 'That team does not exist');
      if (memberId !== null) {
        const member = this.repos.members.find(memberId);
        if (!member || member.teamId !== teamId) throw new DomainError('not_found', 'That person is not a member of this team');
      }
      const chosen = this.chosen();
      if (memberId === null) delete chosen[teamId];
      else chosen[teamId] = memberId;
      this.repos.settings.set(KEY, chosen);
    });
    return this.list();
  }

  private chosen(): Record<string, string> {
    const value = this.repos.settings.get(KEY);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
}
