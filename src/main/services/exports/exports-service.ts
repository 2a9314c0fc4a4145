import os from 'node:os';
import path from 'node:path';
import type { ParsedInputOf } from '@shared/contract';
import type { FolderExportOutcome } from '@shared/exports';
import type { ExportedFile } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { Platform } from '../../platform/platform';
import { dataFolderRefusal } from '../../data-folder/inside-data-folder';
import { toZoned } from '../planning/zoned-time';
import { collectDecisions, type DecisionExportScope } from './decision-records';
import { renamedRecords } from './madr-renamed';
import { resolveTypedFolder, writeFilesToFolder } from './write-folder';

const LAST_MADR_FOLDER = 'export.lastDecisionsFolder';

/**
 * Builds the export's files. The app builds them in its worker thread from a connection of its
 * own (thousands of records take longer than a frame); the command line, in its one thread.
 */
export interface DecisionFileMaker {
  /** The MADR folder holds nothing that depends on the day: exporting unchanged data again changes no byte. */
  madr(teamId: string | null): Promise<ExportedFile[]>;
  html(teamId: string | null, today: string): Promise<ExportedFile>;
}

/** The formats' code and libraries load with the first export, not at every start. */
export function inThisThread(repos: Repositories): DecisionFileMaker {
  return {
    madr: async (teamId) => (await import('./decisions-madr')).decisionsMadr(collectDecisions(repos, teamId)),
    html: async (teamId, today) => (await import('./decision-log-html')).decisionLogHtml(collectDecisions(repos, teamId), today),
  };
}

/** Exports of the decision log: a MADR folder written where the user chose, or one HTML file. */
export class ExportsService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly platform: Platform,
    private readonly maker: DecisionFileMaker = inThisThread(repos),
    /** The data folder, which no export may be written into; null where there is none (a test's bare core). */
    private readonly dataDir: string | null = null,
  ) {}

  today(): string {
    return toZoned(this.clock.now(), Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC').date;
  }

  records(teamId: string | null): DecisionExportScope {
    return collectDecisions(this.repos, teamId);
  }

  madrFiles(teamId: string | null): Promise<ExportedFile[]> {
    return this.maker.madr(teamId);
  }

  logHtml(teamId: string | null): Promise<ExportedFile> {
    return this.maker.html(teamId, this.today());
  }

  /** The folder offered first: the last one exported into, else `decisions` in the export folder. */
  suggestedFolder(): string {
    const setting = (key: string) => {
      const value = this.repos.settings.get(key);
      return typeof value === 'string' && value ? value : null;
    };
    const last = setting(LAST_MADR_FOLDER);
    if (last) return last;
    const base = setting('defaultExportFolder') ?? setting('export.lastFolder') ?? os.homedir();
    return path.join(base, 'decisions');
  }

  async decisionsMadr(input: ParsedInputOf<'exports.decisionsMadr'>): Promise<FolderExportOutcome> {
    const files = await this.madrFiles(input.teamId);
    let folder: string;
    if (input.folder !== null) {
      const typed = resolveTypedFolder(input.folder);
      if (!typed) throw new DomainError('invalid_input', 'Type a full folder path, such as /home/you/decisions or ~/decisions');
      folder = typed;
    } else {
      const chosen = await this.platform.chooseFolder(this.suggestedFolder());
      if (chosen === 'client') return { status: 'chooseFolder', suggestedFolder: this.suggestedFolder() };
      if (chosen === null) return { status: 'cancelled' };
      folder = chosen;
    }
    const refusal = this.dataDir === null ? null : dataFolderRefusal(folder, this.dataDir);
    if (refusal) return { status: 'failed', folder, written: 0, message: refusal };
    const outcome = writeFilesToFolder(folder, files, renamedRecords);
    if (outcome.status === 'saved') this.repos.sql.transaction(() => this.repos.settings.set(LAST_MADR_FOLDER, folder));
    return outcome;
  }
}
