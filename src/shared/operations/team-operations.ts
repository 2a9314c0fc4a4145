import { z } from 'zod';
import type { Member, Team, TeamDetail } from '../domain';
import { id, name, optionalLine, timeZone } from '../validation';
import { op, none } from './define';

export const teamOperations = {
  'teams.list': op<Team[]>()({ input: none }),
  'teams.get': op<TeamDetail>()({ input: z.object({ teamId: id }).strict() }),
  'teams.create': op<Team>()({
    input: z
      .object({
        name: name('Team name'),
        timeZone,
        members: z.array(name('Member name')).max(200, { message: 'At most 200 members at once' }).default([]),
      })
      .strict(),
    invalidates: ['teams'],
  }),
  'teams.rename': op<Team>()({
    input: z.object({ teamId: id, name: name('Team name') }).strict(),
    invalidates: ['teams'],
  }),
  'members.add': op<Member>()({
    input: z.object({ teamId: id, name: name('Member name'), roleTitle: optionalLine('Role title').default(null) }).strict(),
    invalidates: ['teams'],
  }),
  'members.update': op<Member>()({
    input: z.object({ memberId: id, name: name('Member name'), roleTitle: optionalLine('Role title') }).strict(),
    invalidates: ['teams'],
  }),
  'members.markLeft': op<Member>()({ input: z.object({ memberId: id }).strict(), invalidates: ['teams', 'commitments'] }),
  'members.rejoin': op<Member>()({ input: z.object({ memberId: id }).strict(), invalidates: ['teams'] }),
  'demo.load': op<Team>()({ input: none, invalidates: ['teams', 'meetings', 'parkingLot', 'decisions', 'commitments', 'agreements'] }),
  'teams.setTimeZone': op<Team>()({ input: z.object({ teamId: id, timeZone }).strict(), invalidates: ['teams', 'meetings'] }),
} as const;
