import type { Repositories } from '../db/repositories';
import type { Clock } from '../app/clock';
import type { Platform } from '../platform/platform';
import { DemoTeam } from './demo-team';
import { FilesService } from './files-service';
import { SettingsService } from './settings-service';
import { TeamsService } from './teams-service';

export interface Services {
  teams: TeamsService;
  settings: SettingsService;
  demo: DemoTeam;
  files: FilesService;
}

export function createServices(repos: Repositories, clock: Clock, platform: Platform): Services {
  const teams = new TeamsService(repos, clock);
  return {
    teams,
    settings: new SettingsService(repos),
    demo: new DemoTeam(repos, teams, clock),
    files: new FilesService(repos, platform),
  };
}
