import type { ExportedFile, MeetingDetail } from '../../shared/planning';
import { minutesMarkdown } from '../services/minutes/minutes-markdown';

/**
 * The minutes formats the command line can write. html is switched on by importing minutesHtml
 * from '../services/minutes/minutes-html' and putting it here once that module is in this build.
 */
export const MINUTES_FORMATS: Record<'md' | 'html', ((detail: MeetingDetail) => ExportedFile) | null> = {
  md: minutesMarkdown,
  html: null,
};
