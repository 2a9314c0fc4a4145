import { z } from 'zod';
import type { Role } from '../agreements';
import { id, longText, name } from '../validation';
import { op } from './define';
import { scope } from './scopes';

export const roleOperations = {
  'roles.list': op<Role[]>()({
    input: () => z.object({ teamId: id }).strict(),
    dependsOn: (i) => [scope('agreements', i), scope('teams', i)],
  }),
  'roles.create': op<Role>()({
    input: () =>
      z
        .object({
          teamId: id,
          name: name('Role name', 80),
          purpose: longText('Outcome', 500).default(''),
          holderId: id.nullable().default(null),
        })
        .strict(),
    changes: (_i, o) => [scope('agreements', o), scope('teams', o)],
  }),
  'roles.update': op<Role>()({
    input: () => z.object({ roleId: id, name: name('Role name', 80), purpose: longText('Outcome', 500) }).strict(),
    changes: (_i, o) => [scope('agreements', o), scope('teams', o)],
  }),
  /** Hands the role to a member (or leaves it vacant with null); the earlier holder stays in the history. */
  'roles.assign': op<Role>()({
    input: () => z.object({ roleId: id, memberId: id.nullable() }).strict(),
    changes: (_i, o) => [scope('agreements', o), scope('teams', o)],
  }),
  'roles.retire': op<Role>()({
    input: () => z.object({ roleId: id }).strict(),
    changes: (_i, o) => [scope('agreements', o), scope('teams', o)],
  }),
} as const;
