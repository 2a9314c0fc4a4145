import type { SaveOutcome } from '@shared/domain';
import type { MinutesFormat } from '@shared/operations/minutes-schemas';
import type { ExportedFile } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Repositories } from '../../db/repositories';
import type { FilesService } from '../files-service';
import type { MeetingView } from '../meeting-view/meeting-view';
import { recordedDuring } from './minutes-recorded';
import type { MinutesSource } from './minutes-tree';

/**
 * The minutes of a meeting in each format, and saving them through the platform seam. Each format's code and
 * libraries (mdast, hast, yaml: a third of main's bundle) load with the first minutes asked for, not at every start.
 */
export class MinutesService {
  constructor(
    private readonly view: MeetingView,
    private readonly files: FilesService,
    private readonly repos: Repositories,
  ) {}

  /** What the minutes are written from (see MinutesSource). */
  source(meetingId: string): MinutesSource {
    const detail = this.view.detail(meetingId);
    // Its draft would say "Held: not yet" of a meeting that will never be held: nothing happened to minute.
    if (detail.meeting.calledOff !== null)
      throw new DomainError('conflict', 'This meeting was called off, so it has no minutes.', { reason: 'meeting_called_off' });
    return { detail, recorded: recordedDuring(this.repos, detail) };
  }

  async markdown(meetingId: string): Promise<ExportedFile> {
    const { minutesMarkdown } = await import('./minutes-markdown');
    return minutesMarkdown(this.source(meetingId));
  }

  async html(meetingId: string): Promise<ExportedFile> {
    const { minutesHtml } = await import('./minutes-html');
    return minutesHtml(this.source(meetingId));
  }

  async export(meetingId: string, format: MinutesFormat): Promise<SaveOutcome> {
    if (format === 'md') return this.files.save({ kind: 'markdown', ...(await this.markdown(meetingId)) });
    const html = await this.html(meetingId);
    if (format === 'html') return this.files.save({ kind: 'html', ...html });
    const pdf = await this.files.printToPdf(html.content);
    if (pdf === 'client') return { status: 'print', path: null };
    return this.files.save({ kind: 'pdf', suggestedName: html.suggestedName.replace(/\.html$/, '.pdf'), content: pdf });
  }
}
