import { z } from 'zod';
import type { FolderExportOutcome } from '../exports';
import type { ExportedFile } from '../planning';
import { id } from '../validation';
import { write } from './io';

const teamScope = () => id.nullable().default(null);

export const exportSchemas = {
  /** The decision log (or one team's decisions) as a MADR folder; without a folder the platform asks for one. */
  'exports.decisionsMadr': write<FolderExportOutcome>()(() =>
    z
      .object({
        teamId: teamScope(),
        folder: z
          .string({ message: 'The folder must be text' })
          .trim()
          .min(1, { message: 'Type the folder to export into' })
          .max(1000, { message: 'The folder path is longer than 1000 characters' })
          .nullable()
          .default(null),
      })
      .strict(),
  ),
  /** The decision log as one self-contained HTML file; saving goes through files.saveText. */
  'exports.decisionLogHtml': write<ExportedFile>()(() => z.object({ teamId: teamScope() }).strict()),
} as const;
