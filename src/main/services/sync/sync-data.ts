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
import { readTree, type ParsedFiles } from './tree-read';
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
  const cache = parsedFilesOf(repos, teamId);
  const baseState = readTree(repos, teamId, base ?? new Map(), 'The last synced version', cache);
  const theirState = readTree(repos, teamId, theirs ?? new Map(), 'The repository', cache);
  return repos.sql.transaction(() => {
    const ours = readTeamState(repos, teamId);
    const storedStamps = stampsOf(ours);
    const { files: changedFiles, count: outgoing } = stampChanges(repos, clock, baseState, ours, theirState);
    const { tables, found } = mergeStates(baseState, ours, theirState);
    const now = clock.now();
    const conflicts = sortConflicts(unionConflicts([ours.conflicts, theirState.conflicts, found.map((c) => ({ ...c, at: now }))]));
    const incoming = writeMerged(repos, teamId, ours, tables);
    const team = repos.teams.find(teamId);
    if (team) {
      saveStamps(repos, teamId, storedStamps, tables);
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
    // The database now holds the merged rows: their files are the tree (and are read back next time without parsing).
    const written = new Map() as ParsedFiles;
    const tree = layOut({ tables: team ? tables : new Map(), conflicts: team ? conflicts : [] }, written);
    cache.clear();
    for (const [path, file] of written) cache.set(path, file);
    return { tree, incoming, outgoing, conflicts, summary };
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

function stampsOf(state: TeamState): Map<string, string> {
  const stamps = new Map<string, string>();
  for (const [table, rows] of state.tables) for (const [key, { stamp }] of rows) stamps.set(`${table}\n${key}`, stamp);
  return stamps;
}

/** Keeps each row's stamp beside it (writing only those that changed), so the next teamTree writes this merge's bytes. */
function saveStamps(
  repos: Repositories,
  teamId: string,
  stored: ReadonlyMap<string, string>,
  merged: ReadonlyMap<string, TableRows>,
): void {
  const changed: StoredStamp[] = [];
  const kept = new Set<string>();
  for (const [table, rows] of merged)
    for (const [key, { stamp }] of rows) {
      kept.add(`${table}\n${key}`);
      if (stored.get(`${table}\n${key}`) !== stamp) changed.push({ table, key, stamp });
    }
  const dropped = [...stored.keys()]
    .filter((k) => !kept.has(k))
    .map((k) => ({ table: k.slice(0, k.indexOf('\n')), key: k.slice(k.indexOf('\n') + 1) }));
  repos.sync.saveStamps(teamId, changed, dropped);
}

/**
 * Each file of the last tree this process read or wrote for a team, parsed and checked: the next sync's base is that
 * tree, and most of the remote's files are the same text, so only files that changed are parsed again.
 */
const parsedFiles = new WeakMap<Repositories, Map<string, ParsedFiles>>();
function parsedFilesOf(repos: Repositories, teamId: string): ParsedFiles {
  let byTeam = parsedFiles.get(repos);
  if (!byTeam) parsedFiles.set(repos, (byTeam = new Map()));
  let files = byTeam.get(teamId);
  if (!files) byTeam.set(teamId, (files = new Map()));
  return files;
}
