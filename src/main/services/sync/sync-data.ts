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
  return layOut(readTeamState(repos, teamId), undefined, parsedFilesOf(repos, teamId));
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
  const last = lastMerged.get(repos)?.get(teamId);
  // The tree this process merged last is the next base (and the remote's, when nothing came): its state is at hand.
  const read = (files: TreeFiles | null, what: string) =>
    last && sameFiles(last.tree, files) ? last.state : readTree(repos, teamId, files ?? new Map(), what, cache);
  const baseState = read(base, 'The last synced version');
  // Nothing new from the others (the timer's usual sync): their tree is the base, read once.
  const theirState = sameFiles(base, theirs) ? baseState : read(theirs, 'The repository');
  return repos.sql.transaction(() => {
    const ours = readTeamState(repos, teamId);
    const { files: changedFiles, count: outgoing, stored } = stampChanges(repos, clock, baseState, ours, theirState);
    const { tables, found } = mergeStates(baseState, ours, theirState);
    const now = clock.now();
    const conflicts = sortConflicts(unionConflicts([ours.conflicts, theirState.conflicts, found.map((c) => ({ ...c, at: now }))]));
    const incoming = writeMerged(repos, teamId, ours, tables);
    const team = repos.teams.find(teamId);
    if (team) {
      saveStamps(repos, teamId, ours, stored, tables);
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
    const tree = layOut({ tables: team ? tables : new Map(), conflicts: team ? conflicts : [] }, written, cache);
    cache.clear();
    for (const [path, file] of written) cache.set(path, file);
    remember(repos, teamId, tree, team ? { tables, conflicts: sortConflicts(conflicts) } : null);
    return { tree, incoming, outgoing, conflicts, summary };
  });
}

/** Two trees with the same files and text (null is the empty tree). */
export function sameFiles(a: TreeFiles | null, b: TreeFiles | null): boolean {
  if (a === b) return true;
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  for (const [path, text] of a ?? []) if (b?.get(path) !== text) return false;
  return true;
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
): { files: Set<string>; count: number; stored: Map<string, string> } {
  const { deviceId, lastStamp } = repos.sync.device();
  let last = lastStamp;
  for (const state of base === theirs ? [base] : [base, theirs])
    for (const rows of state.tables.values()) for (const { stamp } of rows.values()) if (stamp > last) last = stamp;
  const stored = new Map<string, string>();
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
      stored.set(`${table}\n${key}`, stamped.stamp);
      stamped.stamp = last;
      note(ours, table, stamped.row);
    }
    for (const [key, { row }] of before) if (!rows.has(key)) note(base, table, row);
  }
  repos.sync.setLastStamp(last);
  // The stamps read from the database for the rows given a new one (the others still hold theirs in `ours`).
  return { files, count, stored };
}

/**
 * Keeps each row's stamp beside it (writing only those that changed), so the next teamTree writes this merge's bytes.
 * The database's stamps are those read into `ours`, or for a row stamped since, the one `restamped` kept.
 */
function saveStamps(
  repos: Repositories,
  teamId: string,
  ours: TeamState,
  restamped: ReadonlyMap<string, string>,
  merged: ReadonlyMap<string, TableRows>,
): void {
  const changed: StoredStamp[] = [];
  const dropped: Omit<StoredStamp, 'stamp'>[] = [];
  for (const [table, rows] of merged) {
    const before = ours.tables.get(table)!;
    for (const [key, { stamp }] of rows) {
      const was = before.get(key);
      const stored = was && (restamped.get(`${table}\n${key}`) ?? was.stamp);
      if (stored !== stamp) changed.push({ table, key, stamp });
    }
    for (const key of before.keys()) if (!rows.has(key)) dropped.push({ table, key });
  }
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

/**
 * The tree of each team's last merge in this process and its state: what reading that tree back gives (its text
 * decides it, whatever became of the merge; nothing mutates it), so the next sync, whose base it is, skips the read.
 */
const lastMerged = new WeakMap<Repositories, Map<string, { tree: TreeFiles; state: TeamState }>>();
function remember(repos: Repositories, teamId: string, tree: TreeFiles, state: TeamState | null): void {
  let byTeam = lastMerged.get(repos);
  if (!byTeam) lastMerged.set(repos, (byTeam = new Map()));
  if (state && tree.size > 0) byTeam.set(teamId, { tree, state });
  else byTeam.delete(teamId);
}
