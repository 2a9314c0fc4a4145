import type { Clock } from '../app/clock';
import type { Repositories } from '../db/repositories';
import type { Platform } from '../platform/platform';
import { ArchiveService } from './archive/archive-service';
import { CommitmentsService } from './commitments/commitments-service';
import { DecisionsService } from './decisions/decisions-service';
import { DemoTeam } from './demo-team';
import { LiveMeetingService } from './live/live-meeting-service';
import { MeService } from './me-service';
import { FilesService } from './files-service';
import { MeetingsService } from './planning/meetings-service';
import { oldBusinessSources } from './old-business-sources';
import { OldBusinessProvider } from './planning/old-business';
import { ParkingLotService } from './planning/parking-lot-service';
import { SeriesService } from './planning/series-service';
import { TemplatesService } from './planning/templates-service';
import { SettingsService } from './settings-service';
import { TeamsService } from './teams-service';

export interface Services {
  teams: TeamsService;
  settings: SettingsService;
  demo: DemoTeam;
  files: FilesService;
  templates: TemplatesService;
  series: SeriesService;
  meetings: MeetingsService;
  parkingLot: ParkingLotService;
  oldBusiness: OldBusinessProvider;
  live: LiveMeetingService;
  decisions: DecisionsService;
  commitments: CommitmentsService;
  archive: ArchiveService;
  me: MeService;
}

export function createServices(repos: Repositories, clock: Clock, platform: Platform): Services {
  const teams = new TeamsService(repos, clock);
  const templates = new TemplatesService(repos, clock);
  templates.ensureBuiltins();
  // Each capability registers its leftovers here as it lands.
  const oldBusiness = new OldBusinessProvider(repos, clock, oldBusinessSources(repos, clock));
  const series = new SeriesService(repos, clock);
  const decisions = new DecisionsService(repos, clock);
  const commitments = new CommitmentsService(repos, clock);
  const meetings = new MeetingsService(repos, clock, templates, oldBusiness, decisions, commitments);
  const parkingLot = new ParkingLotService(repos, clock);
  return {
    teams,
    settings: new SettingsService(repos),
    demo: new DemoTeam(repos, clock, { teams, templates, series, meetings, parkingLot }),
    decisions,
    commitments,
    files: new FilesService(repos, platform),
    templates,
    series,
    meetings,
    parkingLot,
    oldBusiness,
    live: new LiveMeetingService(repos, clock, parkingLot),
    archive: new ArchiveService(repos, clock),
    me: new MeService(repos),
  };
}
