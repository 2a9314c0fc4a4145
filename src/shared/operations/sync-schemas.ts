import { z } from 'zod';
import type { SyncStatus } from '../sync';
import { id } from '../validation';
import { read, write } from './io';

const url = () =>
  z
    .string({ message: 'Type the repository’s address (a URL) or the path of a folder' })
    .trim()
    .min(1, { message: 'Type the repository’s address (a URL) or the path of a folder' })
    .max(2000, { message: 'A repository address is at most 2,000 characters' });

const team = () => z.object({ teamId: id }).strict();

export const syncSchemas = {
  /** Links a team to a repository; with no team, joins the team the repository holds (a laptop's first sync). */
  'sync.link': write<SyncStatus>()(() => z.object({ url: url(), teamId: id.optional() }).strict()),
  'sync.unlink': write<SyncStatus>()(team),
  'sync.status': read<SyncStatus>()(team),
  /** Fetches, merges by Cadence's rules, commits and pushes; a failure is an answer (the status says why), not an error. */
  'sync.run': write<SyncStatus>()(team),
} as const;
