/**
 * STAND-IN for syncdata's module of the same name (the agreed interface of issue 19), so the git half builds and
 * its tests run before the data half lands: it carries the team's row only. Deleted when `syncdata` is merged.
 */
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';

export type TreeFiles = ReadonlyMap<string, string>;
export interface SyncConflict {
  entity: string;
  id: string;
  field: string;
  kept: unknown;
  other: unknown;
  at: number;
}
export interface MergeOutcome {
  tree: TreeFiles;
  incoming: number;
  outgoing: number;
  conflicts: SyncConflict[];
  summary: string;
}

export class SyncRefused extends Error {
  readonly code = 'sync_refused';
  constructor(message: string) {
    super(message);
    this.name = 'SyncRefused';
  }
}

export function teamTree(repos: Repositories, teamId: string): TreeFiles {
  const team = repos.teams.find(teamId);
  if (!team) return new Map();
  return new Map([['cadence/team.json', `${JSON.stringify({ id: team.id, name: team.name, timeZone: team.timeZone }, null, 2)}\n`]]);
}

export function mergeTeamTree(
  repos: Repositories,
  clock: Clock,
  teamId: string,
  base: TreeFiles | null,
  theirs: TreeFiles | null,
): MergeOutcome {
  void base;
  const text = theirs?.get('cadence/team.json');
  let incoming = 0;
  if (text !== undefined) {
    let team: { id: string; name: string; timeZone: string };
    try {
      team = JSON.parse(text) as typeof team;
    } catch {
      throw new SyncRefused('cadence/team.json is not readable JSON.');
    }
    if (team.id !== teamId) throw new SyncRefused('cadence/team.json holds another team.');
    if (!repos.teams.find(teamId)) {
      const now = clock.now();
      repos.sql.transaction(() =>
        repos.teams.insert({ id: team.id, name: team.name, time_zone: team.timeZone, created_at: now, updated_at: now }),
      );
      incoming = 1;
    }
  }
  const tree = teamTree(repos, teamId);
  const name = repos.teams.find(teamId)?.name ?? 'the team';
  return { tree, incoming, outgoing: 0, conflicts: [], summary: `${name}: synced` };
}
