import { z } from 'zod';
import { ARCHIVE_MAX_CHARS, type ArchiveImportSummary, type MeChoice } from '../archive';
import { ALL_TOPICS } from '../events';
import type { ExportedFile } from '../planning';
import { id } from '../validation';
import { op, none } from './define';

export const archiveOperations = {
  'archive.export': op<ExportedFile>()({ input: z.object({ teamId: id }).strict() }),
  'archive.import': op<ArchiveImportSummary>()({
    input: z
      .object({
        content: z
          .string({ message: 'Choose an archive file' })
          .min(1, { message: 'The archive file is empty' })
          .max(ARCHIVE_MAX_CHARS, { message: 'The archive is larger than 20 MB, the most Cadence imports' }),
      })
      .strict(),
    invalidates: ALL_TOPICS,
  }),
  'me.list': op<MeChoice[]>()({ input: none, dependsOn: ['settings', 'teams'] }),
  'me.set': op<MeChoice[]>()({
    input: z.object({ teamId: id, memberId: id.nullable() }).strict(),
    invalidates: ['settings'],
  }),
} as const;
