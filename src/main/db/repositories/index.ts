import type { Sql } from '../query';
import { MembersRepository } from './members-repository';
import { SettingsRepository } from './settings-repository';
import { TeamsRepository } from './teams-repository';

export interface Repositories {
  sql: Sql;
  teams: TeamsRepository;
  members: MembersRepository;
  settings: SettingsRepository;
}

export function createRepositories(sql: Sql): Repositories {
  return {
    sql,
    teams: new TeamsRepository(sql),
    members: new MembersRepository(sql),
    settings: new SettingsRepository(sql),
  };
}
