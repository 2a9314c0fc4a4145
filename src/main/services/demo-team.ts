import type { Team } from '../../shared/domain';
import type { Clock } from '../app/clock';
import type { Repositories } from '../db/repositories';
import type { TeamsService } from './teams-service';

const DEMO_KEY = 'demo.teamId';
const DAY = 24 * 60 * 60 * 1000;

/**
 * A realistic team a first-time user can explore at once. Each capability extends it
 * (meetings, decisions, commitments) so what it shows is always what Cadence can do.
 */
export const DEMO_TEAM = {
  name: 'Harbor Product Team',
  timeZone: 'Europe/Berlin',
  members: [
    { name: 'Maya Okafor', roleTitle: 'Engineering lead · facilitator', joinedDaysAgo: 540 },
    { name: 'Sam Lindqvist', roleTitle: 'Product manager', joinedDaysAgo: 540 },
    { name: 'Priya Raman', roleTitle: 'Product designer', joinedDaysAgo: 420 },
    { name: 'Diego Alvarez', roleTitle: 'Backend engineer', joinedDaysAgo: 300 },
    { name: 'Lena Fischer', roleTitle: 'Quality engineer', joinedDaysAgo: 210 },
    { name: 'Kofi Mensah', roleTitle: 'Frontend engineer', joinedDaysAgo: 120 },
  ],
  /** Someone who left: their history stays, and they are shown as a former member. */
  former: { name: 'Tom Becker', roleTitle: 'Data analyst', joinedDaysAgo: 500, leftDaysAgo: 60 },
} as const;

export class DemoTeam {
  constructor(
    private readonly repos: Repositories,
    private readonly teams: TeamsService,
    private readonly clock: Clock,
  ) {}

  /** Loads the demo team once; loading again returns the same team. */
  load(): Team {
    return this.repos.sql.transaction(() => {
      const existingId = this.repos.settings.get(DEMO_KEY);
      if (typeof existingId === 'string') {
        const existing = this.repos.teams.find(existingId);
        if (existing) return existing;
      }
      const now = this.clock.now();
      const team = this.teams.create({ name: DEMO_TEAM.name, timeZone: DEMO_TEAM.timeZone, members: [] });
      for (const m of DEMO_TEAM.members) {
        this.teams.insertMember(team.id, m.name, m.roleTitle, now, now - m.joinedDaysAgo * DAY);
      }
      const f = DEMO_TEAM.former;
      const former = this.teams.insertMember(team.id, f.name, f.roleTitle, now, now - f.joinedDaysAgo * DAY);
      this.teams.markLeft(former.id, now - f.leftDaysAgo * DAY);
      this.repos.settings.set(DEMO_KEY, team.id);
      return this.repos.teams.find(team.id)!;
    });
  }
}
