import { z } from 'zod';
import type { Member, Team, TeamDetail } from '../domain';
import { id, name, optionalLine, timeZone } from '../validation';
import { op, none } from './define';
import { scope, wholeTeam } from './scopes';

export const teamOperations = {
  'teams.list': op<Team[]>()({ input: none, dependsOn: ['teams'] }),
  'teams.get': op<TeamDetail>()({ input: () => z.object({ teamId: id }).strict(), dependsOn: (i) => [scope('teams', i)] }),
  'teams.create': op<Team>()({
    input: () =>
      z
        .object({
          name: name('Team name'),
          timeZone,
          members: z.array(name('Member name')).max(200, { message: 'At most 200 members at once' }).default([]),
        })
        .strict(),
    changes: (_i, o) => [scope('teams', { teamId: o.id })],
  }),
  'teams.rename': op<Team>()({
    input: () => z.object({ teamId: id, name: name('Team name') }).strict(),
    changes: (i) => wholeTeam(i.teamId),
  }),
  'members.add': op<Member>()({
    input: () => z.object({ teamId: id, name: name('Member name'), roleTitle: optionalLine('Role title').default(null) }).strict(),
    changes: (i) => wholeTeam(i.teamId),
  }),
  'members.update': op<Member>()({
    input: () => z.object({ memberId: id, name: name('Member name'), roleTitle: optionalLine('Role title') }).strict(),
    changes: (_i, o) => wholeTeam(o.teamId),
  }),
  'members.markLeft': op<Member>()({ input: () => z.object({ memberId: id }).strict(), changes: (_i, o) => wholeTeam(o.teamId) }),
  'members.rejoin': op<Member>()({ input: () => z.object({ memberId: id }).strict(), changes: (_i, o) => wholeTeam(o.teamId) }),
  'demo.load': op<Team>()({ input: none, changes: (_i, o) => wholeTeam(o.id) }),
  'teams.setTimeZone': op<Team>()({ input: () => z.object({ teamId: id, timeZone }).strict(), changes: (i) => wholeTeam(i.teamId) }),
} as const;
