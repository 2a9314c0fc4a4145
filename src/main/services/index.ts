import type { Clock } from '../core/clock';
import type { Repositories } from '../db/repositories';
import type { Platform } from '../platform/platform';
import { AgreementsService } from './agreements/agreements-service';
import { RolesService } from './agreements/roles-service';
import { ArchiveService } from './archive/archive-service';
import { CommitmentsService } from './commitments/commitments-service';
import { DecisionsService } from './decisions/decisions-service';
import { DemoTeam } from './demo/demo-team';
import { ExportsService, type DecisionFileMaker } from './exports/exports-service';
import { LiveMeetingService } from './live/live-meeting-service';
import { MeService } from './me-service';
import { FilesService } from './files-service';
import { MinutesService } from './minutes/minutes-service';
import { FeedbackService } from './health/feedback-service';
import { HealthService } from './health/health-service';
import { MeetingView } from './meeting-view/meeting-view';
import { CallOff } from './planning/call-off';
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
  /** Calling off a planned meeting and restoring it. */
  callOff: CallOff;
  meetingView: MeetingView;
  parkingLot: ParkingLotService;
  oldBusiness: OldBusinessProvider;
  live: LiveMeetingService;
  decisions: DecisionsService;
  commitments: CommitmentsService;
  minutes: MinutesService;
  exports: ExportsService;
  feedback: FeedbackService;
  health: HealthService;
  roles: RolesService;
  agreements: AgreementsService;
  archive: ArchiveService;
  me: MeService;
}

/**
 * readOnly: for a database opened read-only (the command line's reads), so nothing is written at start.
 * decisionFiles: where the decision-log exports are built (the app's worker thread).
 * dataDir: the data folder, which the exports refuse to write into.
 */
export function createServices(
  repos: Repositories,
  clock: Clock,
  platform: Platform,
  options: { readOnly?: boolean; decisionFiles?: DecisionFileMaker; dataDir?: string } = {},
): Services {
  const teams = new TeamsService(repos, clock);
  const templates = new TemplatesService(repos, clock);
  if (!options.readOnly) templates.ensureBuiltins();
  // Each capability registers its leftovers here as it lands.
  const oldBusiness = new OldBusinessProvider(repos, clock, oldBusinessSources(repos, clock));
  const series = new SeriesService(repos, clock);
  const decisions = new DecisionsService(repos, clock);
  const commitments = new CommitmentsService(repos, clock);
  const meetingView = new MeetingView(repos, clock, decisions, commitments);
  const meetings = new MeetingsService(repos, clock, templates, oldBusiness);
  const callOff = new CallOff(repos, clock, oldBusiness);
  const parkingLot = new ParkingLotService(repos, clock);
  const files = new FilesService(repos, platform);
  const feedback = new FeedbackService(repos, clock);
  const roles = new RolesService(repos, clock);
  const agreements = new AgreementsService(repos, clock, roles);
  return {
    teams,
    settings: new SettingsService(repos),
    demo: new DemoTeam(repos, clock, { teams, templates, series, meetings, parkingLot }),
    decisions,
    commitments,
    files,
    minutes: new MinutesService(meetingView, files, repos),
    exports: new ExportsService(repos, clock, platform, options.decisionFiles, options.dataDir ?? null),
    templates,
    series,
    meetings,
    callOff,
    meetingView,
    parkingLot,
    oldBusiness,
    live: new LiveMeetingService(repos, clock, parkingLot),
    feedback,
    health: new HealthService(repos, clock, commitments, meetings, templates),
    roles,
    agreements,
    archive: new ArchiveService(repos, clock),
    me: new MeService(repos),
  };
}
