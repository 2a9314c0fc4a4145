import type { Repositories } from '../db/repositories';
import type { Clock } from '../app/clock';
import { DemoTeam } from './demo-team';
import { SettingsService } from './settings-service';
import { TeamsService } from './teams-service';

export interface Services {
  teams: TeamsService;
  settings: SettingsService;
  demo: DemoTeam;
}

export function createServices(repos: Repositories, clock: Clock): Services {
  const teams = new TeamsService(repos, clock);
  return {
    teams,
    settings: new SettingsService(repos),
    demo: new DemoTeam(repos, teams, clock),
  };
}
