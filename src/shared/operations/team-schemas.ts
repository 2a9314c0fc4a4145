import { z } from 'zod';
import type { Member, Team, TeamDetail } from '../domain';
import { id, name, optionalLine, timeZone } from '../validation';
import { none, read, write } from './io';

export const teamSchemas = {
  'teams.list': read<Team[]>()(none),
  'teams.get': read<TeamDetail>()(() => z.object({ teamId: id }).strict()),
  'teams.create': write<Team>()(() =>
    z
      .object({
        name: name('Team name'),
        timeZone,
        members: z.array(name('Member name')).max(200, { message: 'At most 200 members at once' }).default([]),
      })
      .strict(),
  ),
  'teams.rename': write<Team>()(() => z.object({ teamId: id, name: name('Team name') }).strict()),
  'members.add': write<Member>()(() =>
    z.object({ teamId: id, name: name('Member name'), roleTitle: optionalLine('Role title').default(null) }).strict(),
  ),
  'members.update': write<Member>()(() =>
    z.object({ memberId: id, name: name('Member name'), roleTitle: optionalLine('Role title') }).strict(),
  ),
  'members.markLeft': write<Member>()(() => z.object({ memberId: id }).strict()),
  'members.rejoin': write<Member>()(() => z.object({ memberId: id }).strict()),
  'demo.load': write<Team>()(none),
  'teams.setTimeZone': write<Team>()(() => z.object({ teamId: id, timeZone }).strict()),
} as const;
