import type { AgreementBodyInput } from '@shared/agreements';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import { AgreementsService } from '../agreements/agreements-service';
import { RolesService } from '../agreements/roles-service';
import { addDays, toZoned } from '../planning/zoned-time';

const DAY = 24 * 60 * 60 * 1000;

/** The demo team's roles, one handed over, and its agreement: a starter, then a second version. */
export const DEMO_AGREEMENT = {
  roles: [
    {
      name: 'Product lead',
      purpose: 'The product solves the problems our customers pay us to solve',
      holders: [{ who: 'Sam Lindqvist', daysAgo: 500 }],
    },
    {
      name: 'Tech lead',
      purpose: 'The system stays reliable, secure and easy to change',
      holders: [
        { who: 'Diego Alvarez', daysAgo: 290 },
        { who: 'Maya Okafor', daysAgo: 100 },
      ],
    },
    {
      name: 'Release quality',
      purpose: 'Every release goes out without regressions customers notice',
      holders: [{ who: 'Lena Fischer', daysAgo: 200 }],
    },
  ],
  adoptedDaysAgo: 120,
  secondDaysAgo: 40,
  changeNote:
    'After two UI regressions and the new hotfix lane: design standards and engineering practice get owners, and hotfixes an escalation path',
} as const;

export class DemoAgreement {
  constructor(
    private readonly repos: Repositories,
    private readonly teamId: string,
  ) {}

  /** Made on a clock moved back, by the real services, before the demo meetings decide under it. */
  create(now: number): void {
    let at = now;
    const past: Clock = { now: () => at };
    const roles = new RolesService(this.repos, past);
    const agreements = new AgreementsService(this.repos, past, roles);
    const zone = this.repos.teams.find(this.teamId)!.timeZone;
    const members = this.repos.members.listByTeam(this.teamId);
    const idOf = (name: string) => members.find((m) => m.name === name)!.id;
    const roleIds = new Map<string, string>();
    for (const r of DEMO_AGREEMENT.roles) {
      const [first, ...later] = r.holders;
      at = now - first!.daysAgo * DAY;
      const role = roles.create({ teamId: this.teamId, name: r.name, purpose: r.purpose, holderId: idOf(first!.who) }, at);
      roleIds.set(r.name, role.id);
      for (const h of later) roles.assign(role.id, idOf(h.who), (at = now - h.daysAgo * DAY));
    }

    at = now - DEMO_AGREEMENT.adoptedDaysAgo * DAY;
    const first = agreements.adoptStarter({
      teamId: this.teamId,
      starter: 'small-product-team',
      revisitBy: addDays(toZoned(at, zone).date, 90),
    });
    at = now - DEMO_AGREEMENT.secondDaysAgo * DAY;
    const body = JSON.parse(JSON.stringify(first.current!.body)) as AgreementBodyInput;
    body.decisionRights.find((r) => r.kind === 'Release timing')!.consulted = 'Tech lead, Release quality';
    body.decisionRights.splice(2, 0, {
      kind: 'Engineering practice',
      decider: { type: 'role', id: roleIds.get('Tech lead')! },
      consulted: 'Engineers',
      informed: 'Product lead',
    });
    body.decisionRights.splice(3, 0, {
      kind: 'Design standards',
      decider: { type: 'member', id: idOf('Priya Raman') },
      consulted: 'Engineering',
      informed: 'Whole team',
    });
    body.escalationPaths.push({ when: 'A hotfix cannot find a second reviewer', to: 'Tech lead (on call)' });
    body.checkInCadence = 'Weekly on Mondays at 10:00, 45 minutes.';
    body.freeText = 'Disagree and commit: once a decision is in the log we carry it out, and raise it again at its review date.';
    // Due today, so the demo's next meeting lists the revisit in its old business.
    agreements.edit({
      teamId: this.teamId,
      basedOnId: first.current!.id,
      body: body as Parameters<AgreementsService['edit']>[0]['body'],
      changeNote: DEMO_AGREEMENT.changeNote,
      revisitBy: toZoned(now, zone).date,
    });
  }
}
