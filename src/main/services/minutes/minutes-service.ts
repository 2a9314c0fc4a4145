import type { SaveOutcome } from '@shared/domain';
import type { MinutesFormat } from '@shared/operations/minutes-operations';
import type { ExportedFile } from '@shared/planning';
import type { FilesService } from '../files-service';
import type { MeetingsService } from '../planning/meetings-service';
import { minutesHtml } from './minutes-html';
import { minutesMarkdown } from './minutes-markdown';

/** The minutes of a meeting in each format, and saving them through the platform seam. */
export class MinutesService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly files: FilesService,
  ) {}

  markdown(meetingId: string): ExportedFile {
    return minutesMarkdown(this.meetings.get(meetingId));
  }

  html(meetingId: string): ExportedFile {
    return minutesHtml(this.meetings.get(meetingId));
  }

  async export(meetingId: string, format: MinutesFormat): Promise<SaveOutcome> {
    if (format === 'md') return this.files.save({ kind: 'markdown', ...this.markdown(meetingId) });
    const html = this.html(meetingId);
    if (format === 'html') return this.files.save({ kind: 'html', ...html });
    const pdf = await this.files.printToPdf(html.content);
    if (pdf === 'client') return { status: 'print', path: null };
    return this.files.save({ kind: 'pdf', suggestedName: html.suggestedName.replace(/\.html$/, '.pdf'), content: pdf });
  }
}
