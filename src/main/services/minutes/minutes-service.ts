import type { SaveOutcome } from '@shared/domain';
import type { MinutesFormat } from '@shared/operations/minutes-operations';
import type { ExportedFile } from '@shared/planning';
import type { Repositories } from '../../db/repositories';
import type { FilesService } from '../files-service';
import type { MeetingView } from '../meeting-view/meeting-view';
import { minutesHtml } from './minutes-html';
import { minutesMarkdown } from './minutes-markdown';
import type { MinutesSource } from './minutes-tree';

/** The minutes of a meeting in each format, and saving them through the platform seam. */
export class MinutesService {
  constructor(
    private readonly repos: Repositories,
    private readonly view: MeetingView,
    private readonly files: FilesService,
  ) {}

  /** The meeting and the plan its notes started from, read together. */
  source(meetingId: string): MinutesSource {
    return this.repos.sql.transaction(() => ({
      detail: this.view.detail(meetingId),
      notesAsPlanned: this.repos.live.notesBeforeFirstChange(meetingId),
    }));
  }

  markdown(meetingId: string): ExportedFile {
    return minutesMarkdown(this.source(meetingId));
  }

  html(meetingId: string): ExportedFile {
    return minutesHtml(this.source(meetingId));
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
