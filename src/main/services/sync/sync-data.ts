import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import type { StoredStamp } from '../../db/repositories/sync-repository';
import { nextStamp } from './hlc';
import { mergeStates, unionConflicts } from './merge-rows';
import { writeMerged } from './merge-write';
import { describeChanges } from './sync-summary';
import { readTeamState } from './team-rows';
import { sameContent, type TableRows, type TeamState } from './team-state';
import { readTree } from './tree-read';
import { layOut, lookupIn, placeOf, sortConflicts } from './tree-layout';

export { SyncRefused } from './sync-refused';

/** Repository-relative POSIX path -> file text (UTF-8). Only Cadence's data files, under `cadence/`. */
export type TreeFiles = ReadonlyMap<string, string>;

/** Two laptops changed one field differently; `kept` won on every laptop. `at` = when it was first found. */
export interface SyncConflict {
  entity: string;
  id: string;
  field: string;
  kept: unknown;
  other: unknown;
  at: number;
}

export interface MergeOutcome {
  /** The merged state, to be written to the clone and committed (the database now holds exactly this). */
  tree: TreeFiles;
  /** Rows that came in or changed from the other side. */
  incoming: number;
  /** Rows this laptop changed since the base. */
  outgoing: number;
  /** Found in this merge, plus those already recorded in the tree (they are files too, so every laptop lists the same). */
  conflicts: SyncConflict[];
  /** A commit message a person understands, e.g. "Monday accountability, 2026-11-30: ended; 2 decisions". */
  summary: string;
}

/** The team's state now, as files (deterministic: same database, same bytes). An unknown team is an empty tree. */
export function teamTree(repos: Repositories, teamId: string): TreeFiles {
  return layOut(readTeamState(repos, teamId));
}

/**
 * Checks `base` and `theirs` (throws SyncRefused), merges base/ours/theirs by Cadence's rules and writes
 * the result in ONE transaction (foreign keys checked). base = the tree of the last synced commit (null
 * the first time), theirs = the remote's tree (null when the remote is empty).
 */
export function mergeTeamTree(
  repos: Repositories,
  clock: Clock,
  teamId: string,
  base: TreeFiles | null,
  theirs: TreeFiles | null,
): MergeOutcome {
  // Both trees are read and checked whole before the transaction opens: a refusal writes nothing.
  const baseState = readTree(repos, teamId, base ?? new Map(), 'The last synced version');
  const theirState = readTree(repos, teamId, theirs ?? new Map(), 'The repository');
  return repos.sql.transaction(() => {
    const ours = readTeamState(repos, teamId);
    const { files: changedFiles, count: outgoing } = stampChanges(repos, clock, baseState, ours, theirState);
    const { tables, found } = mergeStates(baseState, ours, theirState);
    const now = clock.now();
    const conflicts = sortConflicts(unionConflicts([ours.conflicts, theirState.conflicts, found.map((c) => ({ ...c, at: now }))]));
    const incoming = writeMerged(repos, teamId, ours, tables);
    const team = repos.teams.find(teamId);
    if (team) {
      saveStamps(repos, teamId, ours, tables);
      repos.sync.replaceConflicts(
        teamId,
        conflicts.map((c) => ({
          entity: c.entity,
          row_id: c.id,
          field: c.field,
          kept_json: JSON.stringify(c.kept ?? null),
          other_json: JSON.stringify(c.other ?? null),
          at: c.at,
        })),
      );
    }
    const meetings = ours.tables.get('meetings')!;
    const summary = describeChanges(
      changedFiles,
      (id) => meetings.get(JSON.stringify([id]))?.row,
      team?.timeZone ?? 'UTC',
      incoming,
      found.length,
    );
    return { tree: teamTree(repos, teamId), incoming, outgoing, conflicts, summary };
  });
}

/**
 * Gives every row this laptop changed since the base a new stamp (a hybrid logical clock that has
 * seen every stamp of both trees, so it is above them all) and returns the files those rows are in.
 */
function stampChanges(
  repos: Repositories,
  clock: Clock,
  base: TeamState,
  ours: TeamState,
  theirs: TeamState,
): { files: Set<string>; count: number } {
  const { deviceId, lastStamp } = repos.sync.device();
  let last = lastStamp;
  for (const state of [base, theirs])
    for (const rows of state.tables.values()) for (const { stamp } of rows.values()) if (stamp > last) last = stamp;
  const now = clock.now();
  const files = new Set<string>();
  let count = 0;
  const note = (state: TeamState, table: string, row: ArchiveRow) => {
    count++;
    const path = placeOf(table, row, lookupIn(state));
    if (path) files.add(path);
  };
  for (const [table, rows] of ours.tables) {
    const before = base.tables.get(table)!;
    for (const [key, stamped] of rows) {
      const was = before.get(key);
      if (was && sameContent(was.row, stamped.row)) continue;
      last = nextStamp(last, now, deviceId);
      stamped.stamp = last;
      note(ours, table, stamped.row);
    }
    for (const [key, { row }] of before) if (!rows.has(key)) note(base, table, row);
  }
  repos.sync.setLastStamp(last);
  return { files, count };
}

/** Keeps each row's stamp beside it, so the next teamTree writes the same bytes as this merge's tree. */
function saveStamps(repos: Repositories, teamId: string, ours: TeamState, merged: ReadonlyMap<string, TableRows>): void {
  const stored = new Map(repos.sync.stamps(teamId).map((s) => [`${s.table}\n${s.key}`, s.stamp]));
  const changed: StoredStamp[] = [];
  for (const [table, rows] of merged)
    for (const [key, { stamp }] of rows) if (stored.get(`${table}\n${key}`) !== stamp) changed.push({ table, key, stamp });
  const dropped: { table: string; key: string }[] = [];
  for (const [table, rows] of ours.tables) for (const key of rows.keys()) if (!merged.get(table)!.has(key)) dropped.push({ table, key });
  repos.sync.saveStamps(teamId, changed, dropped);
}
