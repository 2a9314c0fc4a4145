import type { ExportedFile } from '@shared/planning';
import { minutesHtml } from '../services/minutes/minutes-html';
import { minutesMarkdown } from '../services/minutes/minutes-markdown';
import type { MinutesSource } from '../services/minutes/minutes-tree';

/** The minutes formats the command line can write (PDF needs a browser engine: the app's, not the CLI's). */
export const MINUTES_FORMATS: Record<'md' | 'html', (source: MinutesSource) => ExportedFile> = {
  md: minutesMarkdown,
  html: minutesHtml,
};
