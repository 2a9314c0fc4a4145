import { z } from 'zod';
import type { SyncStatus } from '../sync';
import { id } from '../validation';
import { op } from './define';
import { wholeTeam } from './scopes';

const url = z
  .string({ message: 'Type the repository’s address (a URL) or the path of a folder' })
  .trim()
  .min(1, { message: 'Type the repository’s address (a URL) or the path of a folder' })
  .max(2000, { message: 'A repository address is at most 2,000 characters' });

export const syncOperations = {
  /** Links a team to a repository; with no team, joins the team the repository holds (a laptop's first sync). */
  'sync.link': op<SyncStatus>()({
    input: z.object({ url, teamId: id.optional() }).strict(),
    changes: (_i, o) => wholeTeam(o.teamId),
  }),
  'sync.unlink': op<SyncStatus>()({ input: z.object({ teamId: id }).strict(), changes: (i) => wholeTeam(i.teamId) }),
  // Counts the team's changes since the last sync, so any change of the team re-reads it.
  'sync.status': op<SyncStatus>()({ input: z.object({ teamId: id }).strict(), dependsOn: (i) => wholeTeam(i.teamId) }),
  /** Fetches, merges by Cadence's rules, commits and pushes; a failure is an answer (the status says why), not an error. */
  'sync.run': op<SyncStatus>()({ input: z.object({ teamId: id }).strict(), changes: (i) => wholeTeam(i.teamId) }),
} as const;
