import path from 'node:path';
import type { ParsedInputOf } from '@shared/contract';
import type { PlatformInfo, SaveOutcome } from '@shared/domain';
import type { Repositories } from '../db/repositories';
import type { Platform } from '../platform/platform';

const LAST_FOLDER = 'export.lastFolder';

export type SaveKind = ParsedInputOf<'files.saveText'>['kind'] | 'pdf';

const FILTERS: Record<SaveKind, { name: string; extensions: string[] }> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'Web page', extensions: ['html'] },
  calendar: { name: 'Calendar', extensions: ['ics'] },
  json: { name: 'Cadence archive', extensions: ['json'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

/** Saving and opening through the platform seam, remembering the last folder used. */
export class FilesService {
  constructor(
    private readonly repos: Repositories,
    private readonly platform: Platform,
  ) {}

  info(): PlatformInfo {
    return { kind: this.platform.kind, nativeDialogs: this.platform.kind === 'desktop', displays: this.platform.displays() };
  }

  saveText(input: ParsedInputOf<'files.saveText'>): Promise<SaveOutcome> {
    return this.save(input);
  }

  /** Renders HTML to PDF where the platform can; 'client' where the page prints it. */
  printToPdf(html: string): Promise<Uint8Array | 'client'> {
    return this.platform.printToPdf(html);
  }

  async save(input: { suggestedName: string; kind: SaveKind; content: string | Uint8Array }): Promise<SaveOutcome> {
    const preferred = this.repos.settings.get('defaultExportFolder');
    const last = typeof preferred === 'string' && preferred ? preferred : this.repos.settings.get(LAST_FOLDER);
    const outcome = await this.platform.saveText({
      suggestedName: input.suggestedName,
      content: input.content,
      filters: [FILTERS[input.kind]],
      defaultFolder: typeof last === 'string' ? last : null,
    });
    if (outcome.status === 'saved') {
      this.repos.sql.transaction(() => this.repos.settings.set(LAST_FOLDER, path.dirname(outcome.path)));
    }
    return outcome;
  }

  async openProjector(meetingId: string): Promise<{ status: 'opened' | 'client' }> {
    return { status: await this.platform.openProjector(meetingId) };
  }

  async openExternal(url: string): Promise<{ status: 'opened' | 'client' }> {
    return { status: await this.platform.openExternal(url) };
  }
}
