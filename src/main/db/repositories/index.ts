import type { Sql } from '../query';
import { AgreementsRepository } from './agreements-repository';
import { ArchiveRepository } from './archive-repository';
import { CommitmentsRepository } from './commitments-repository';
import { DecisionSetsRepository } from './decision-sets-repository';
import { DecisionsRepository } from './decisions-repository';
import { FeedbackRepository } from './feedback-repository';
import { HealthRepository } from './health-repository';
import { LiveRepository } from './live-repository';
import { MeetingsRepository } from './meetings-repository';
import { MembersRepository } from './members-repository';
import { OldBusinessRepository } from './old-business-repository';
import { ParkingLotRepository } from './parking-lot-repository';
import { RolesRepository } from './roles-repository';
import { SeriesRepository } from './series-repository';
import { SettingsRepository } from './settings-repository';
import { SyncChangesRepository } from './sync-changes-repository';
import { SyncRepository } from './sync-repository';
import { SyncLinksRepository } from './sync-links-repository';
import { TeamsRepository } from './teams-repository';
import { TemplatesRepository } from './templates-repository';

export interface Repositories {
  sql: Sql;
  teams: TeamsRepository;
  members: MembersRepository;
  settings: SettingsRepository;
  series: SeriesRepository;
  templates: TemplatesRepository;
  meetings: MeetingsRepository;
  parkingLot: ParkingLotRepository;
  oldBusiness: OldBusinessRepository;
  live: LiveRepository;
  decisions: DecisionsRepository;
  decisionSets: DecisionSetsRepository;
  commitments: CommitmentsRepository;
  feedback: FeedbackRepository;
  health: HealthRepository;
  agreements: AgreementsRepository;
  roles: RolesRepository;
  archive: ArchiveRepository;
  sync: SyncRepository;
  syncChanges: SyncChangesRepository;
  syncLinks: SyncLinksRepository;
}

export function createRepositories(sql: Sql): Repositories {
  return {
    sql,
    teams: new TeamsRepository(sql),
    members: new MembersRepository(sql),
    settings: new SettingsRepository(sql),
    series: new SeriesRepository(sql),
    templates: new TemplatesRepository(sql),
    meetings: new MeetingsRepository(sql),
    parkingLot: new ParkingLotRepository(sql),
    oldBusiness: new OldBusinessRepository(sql),
    live: new LiveRepository(sql),
    decisions: new DecisionsRepository(sql),
    decisionSets: new DecisionSetsRepository(sql),
    commitments: new CommitmentsRepository(sql),
    feedback: new FeedbackRepository(sql),
    health: new HealthRepository(sql),
    agreements: new AgreementsRepository(sql),
    roles: new RolesRepository(sql),
    archive: new ArchiveRepository(sql),
    sync: new SyncRepository(sql),
    syncChanges: new SyncChangesRepository(sql),
    syncLinks: new SyncLinksRepository(sql),
  };
}
