import { z } from 'zod';
import { ARCHIVE_MAX_CHARS, type ArchiveImportSummary, type MeChoice } from '../archive';
import type { ExportedFile } from '../planning';
import { id } from '../validation';
import { none, read, write } from './io';

export const archiveSchemas = {
  'archive.export': read<ExportedFile>()(() => z.object({ teamId: id }).strict()),
  'archive.import': write<ArchiveImportSummary>()(() =>
    z
      .object({
        content: z
          .string({ message: 'Choose an archive file' })
          .min(1, { message: 'The archive file is empty' })
          .max(ARCHIVE_MAX_CHARS, { message: 'The archive is larger than 20 MB, the most Cadence imports' }),
      })
      .strict(),
  ),
  'me.list': read<MeChoice[]>()(none),
  'me.set': write<MeChoice[]>()(() => z.object({ teamId: id, memberId: id.nullable() }).strict()),
} as const;
