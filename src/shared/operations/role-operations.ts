import { z } from 'zod';
import type { Role } from '../agreements';
import { id, longText, name } from '../validation';
import { op } from './define';

export const roleOperations = {
  'roles.list': op<Role[]>()({ input: z.object({ teamId: id }).strict() }),
  'roles.create': op<Role>()({
    input: z
      .object({
        teamId: id,
        name: name('Role name', 80),
        purpose: longText('Outcome', 500).default(''),
        holderId: id.nullable().default(null),
      })
      .strict(),
    invalidates: ['agreements', 'teams'],
  }),
  'roles.update': op<Role>()({
    input: z.object({ roleId: id, name: name('Role name', 80), purpose: longText('Outcome', 500) }).strict(),
    invalidates: ['agreements', 'teams'],
  }),
  /** Hands the role to a member (or leaves it vacant with null); the earlier holder stays in the history. */
  'roles.assign': op<Role>()({
    input: z.object({ roleId: id, memberId: id.nullable() }).strict(),
    invalidates: ['agreements', 'teams'],
  }),
  'roles.retire': op<Role>()({ input: z.object({ roleId: id }).strict(), invalidates: ['agreements', 'teams'] }),
} as const;
