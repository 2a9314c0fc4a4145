import { z } from 'zod';
import type { Role } from '../agreements';
import { id, longText, name } from '../validation';
import { read, write } from './io';

export const roleSchemas = {
  'roles.list': read<Role[]>()(() => z.object({ teamId: id }).strict()),
  'roles.create': write<Role>()(() =>
    z
      .object({
        teamId: id,
        name: name('Role name', 80),
        purpose: longText('Outcome', 500).default(''),
        holderId: id.nullable().default(null),
      })
      .strict(),
  ),
  'roles.update': write<Role>()(() => z.object({ roleId: id, name: name('Role name', 80), purpose: longText('Outcome', 500) }).strict()),
  /** Hands the role to a member (or leaves it vacant with null); the earlier holder stays in the history. */
  'roles.assign': write<Role>()(() => z.object({ roleId: id, memberId: id.nullable() }).strict()),
  'roles.retire': write<Role>()(() => z.object({ roleId: id }).strict()),
} as const;
