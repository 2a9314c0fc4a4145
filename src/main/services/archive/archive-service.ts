import type { ArchiveImportSummary } from '@shared/archive';
import type { ExportedFile } from '@shared/planning';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import { exportTeamArchive } from './archive-export';
import { applyImport, planImport, type ImportPlan } from './archive-import';

/**
 * A team's archive: exported whole, imported by merging by id. Import is two steps so the
 * caller can take a backup between checking (nothing written) and writing (one transaction).
 */
export class ArchiveService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  export(teamId: string): ExportedFile {
    return exportTeamArchive(this.repos, this.clock, teamId);
  }

  check(content: string): ImportPlan {
    return planImport(this.repos, content);
  }

  apply(plan: ImportPlan, backupName: string): ArchiveImportSummary {
    return applyImport(this.repos, plan, backupName);
  }
}
