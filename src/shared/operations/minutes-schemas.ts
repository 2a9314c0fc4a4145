import { z } from 'zod';
import type { SaveOutcome } from '../domain';
import type { ExportedFile } from '../planning';
import { id } from '../validation';
import { read, write } from './io';

export const MINUTES_FORMATS = ['md', 'html', 'pdf'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

export const minutesSchemas = {
  'minutes.markdown': read<ExportedFile>()(() => z.object({ meetingId: id }).strict()),
  'minutes.html': read<ExportedFile>()(() => z.object({ meetingId: id }).strict()),
  /** Desktop: a save dialog in the last folder used, written atomically. Browser: the page downloads or prints. */
  'minutes.export': write<SaveOutcome>()(() =>
    z.object({ meetingId: id, format: z.enum(MINUTES_FORMATS, { message: 'Minutes are exported as md, html or pdf' }) }).strict(),
  ),
} as const;
