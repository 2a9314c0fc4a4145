import { z } from 'zod';
import { ARCHIVE_MAX_CHARS, type ArchiveImportSummary, type MeChoice } from '../archive';
import type { ExportedFile } from '../planning';
import { id } from '../validation';
import { op, none } from './define';
import { scope, wholeTeam } from './scopes';

export const archiveOperations = {
  'archive.export': op<ExportedFile>()({ input: () => z.object({ teamId: id }).strict() }),
  'archive.import': op<ArchiveImportSummary>()({
    input: () =>
      z
        .object({
          content: z
            .string({ message: 'Choose an archive file' })
            .min(1, { message: 'The archive file is empty' })
            .max(ARCHIVE_MAX_CHARS, { message: 'The archive is larger than 20 MB, the most Cadence imports' }),
        })
        .strict(),
    // The imported team's every part, and the backup made just before it (a team scope reaches every backups reader).
    changes: (_i, o) => wholeTeam(o.team.id),
  }),
  'me.list': op<MeChoice[]>()({ input: none, dependsOn: ['settings', 'teams'] }),
  'me.set': op<MeChoice[]>()({
    input: () => z.object({ teamId: id, memberId: id.nullable() }).strict(),
    changes: (i) => [scope('settings', { teamId: i.teamId })],
  }),
} as const;
