import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import type { StoredStamp } from '../../db/repositories/sync-repository';
import { nextStamp } from './hlc';
import { mergeStates, unionConflicts, type FoundConflict } from './merge-rows';
import { writeMerged } from './merge-write';
import { describeChanges } from './sync-summary';
import { readChangedState, withTheirs, type LastMerge } from './team-changes';
import { readTeamState } from './team-rows';
import { rowsToVisit, sameContent, type Candidates, type TableRows, type TeamState } from './team-state';
import { readTree, type ParsedFiles } from './tree-read';
import { layOut, lookupIn, placeOf, sortConflicts } from './tree-layout';
import { relayOut } from './tree-relayout';
import { conflictWords } from './conflict-words';

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

/** A conflict with what it is about and what happened in the team's words (conflict-words.ts), as the team page lists it. */
export interface DescribedConflict extends SyncConflict {
  words: string;
}

export interface MergeOutcome {
  /** The merged state, to be written to the clone and committed (the database now holds exactly this). */
  tree: TreeFiles;
  /** Rows that came in or changed from the other side. */
  incoming: number;
  /** Rows this laptop changed since the base. */
  outgoing: number;
  /**
   * Found in this merge, plus those already recorded in the tree (they are files too, so every laptop lists the same),
   * each described from the merged rows (the words stay out of the tree: they are this laptop's reading of it).
   */
  conflicts: DescribedConflict[];
  /** A commit message a person understands, e.g. "Monday accountability, 2026-11-30: ended; 2 decisions". */
  summary: string;
  /** What the merge read of the database: the aggregates its change log named, or every row of the team. */
  read: 'changes' | 'everything';
}

/** The team's state now, as files (deterministic: same database, same bytes). An unknown team is an empty tree. */
export function teamTree(repos: Repositories, teamId: string): TreeFiles {
  return layOut(readTeamState(repos, teamId), undefined, parsedFilesOf(repos, teamId));
}

/** Both trees read into states, parsed and checked whole (throws SyncRefused): nothing is written before this. */
export interface ReadTrees {
  base: TeamState;
  theirs: TeamState;
}

export function readTrees(repos: Repositories, teamId: string, base: TreeFiles | null, theirs: TreeFiles | null): ReadTrees {
  const cache = parsedFilesOf(repos, teamId);
  const last = lastMerged.get(cacheKey(repos))?.get(teamId);
  // The tree this process merged last is the next base (and the remote's, when nothing came): its state is at hand.
  const read = (files: TreeFiles | null, what: string) =>
    last && sameFiles(last.tree, files) ? last.state : readTree(repos, teamId, files ?? new Map(), what, cache);
  const baseState = read(base, 'The last synced version');
  // Nothing new from the others (the timer's usual sync): their tree is the base, read once.
  return { base: baseState, theirs: sameFiles(base, theirs) ? baseState : read(theirs, 'The repository') };
}

/** What the merge will write, worked out from one snapshot of the database and writing nothing. */
export interface MergePlan {
  ours: TeamState;
  tables: Map<string, TableRows>;
  found: FoundConflict[];
  conflicts: SyncConflict[];
  /** The rows' stamps as the database holds them, for those given a new one. */
  stored: Map<string, string>;
  /** The device's newest stamp once this laptop's changes are stamped. */
  lastStamp: string;
  changedFiles: Set<string>;
  outgoing: number;
  /** The rows the merge looked at: those the change log and the remote's tree name (null: every row, read whole). */
  only: Candidates;
}

/** Reads the team's rows and works out the merge (stamps, rows, conflicts); the caller holds one snapshot around it. */
export function planMerge(repos: Repositories, now: number, teamId: string, trees: ReadTrees): MergePlan {
  // Where the base is the state this process last merged, only what the change log names is read again.
  const remembered = lastMerged.get(cacheKey(repos))?.get(teamId);
  const changed = remembered && trees.base === remembered.state ? readChangedState(repos, teamId, remembered) : null;
  const ours = changed?.ours ?? readTeamState(repos, teamId);
  const only = changed ? withTheirs(changed.only, trees.base, trees.theirs) : null;
  const { files: changedFiles, count: outgoing, stored, last } = stampChanges(repos, now, trees.base, ours, trees.theirs, only);
  const { tables, found, renumbered, derived } = mergeStates(trees.base, ours, trees.theirs, only);
  const conflicts = sortConflicts(unionConflicts([ours.conflicts, trees.theirs.conflicts, found.map((c) => ({ ...c, at: now }))]));
  return {
    ours,
    tables,
    found,
    conflicts,
    stored,
    lastStamp: last,
    changedFiles,
    outgoing,
    only: withMoved(only, new Map([...derived, ...renumbered])),
  };
}

/** Rows the merge changed after merging (decisions the numbering rule moved, derived columns) are looked at too, wherever they were. */
function withMoved(only: Candidates, moved: ReadonlyMap<string, readonly string[]>): Candidates {
  if (!only) return only;
  const all = new Map(only);
  for (const [table, keys] of moved) if (keys.length > 0) all.set(table, new Set([...(only.get(table) ?? []), ...keys]));
  return all;
}

/** What a plan's write found: how many rows it wrote, and the team's time zone (null: no such team here). */
export interface Written {
  incoming: number;
  timeZone: string | null;
  /** The merge's id, kept beside the team's rows: the state this process remembers is the database's while they match. */
  mergeId: string;
}

/**
 * Writes a plan, inside the caller's transaction on the connection it was read on (foreign keys checked at its
 * commit). Only the writes: the tree is laid out after the commit (mergedTree), so the write lock is held briefly.
 */
export function writePlan(repos: Repositories, teamId: string, plan: MergePlan): Written {
  const { ours, tables, conflicts, stored, only } = plan;
  repos.sync.setLastStamp(plan.lastStamp);
  // The plan read every change logged so far (in the snapshot the write checked): the merge's own writes log theirs
  // afresh, so the next sync reads again what it wrote, as a whole read would see it.
  repos.syncChanges.clear(teamId);
  const incoming = writeMerged(repos, teamId, ours, tables, only);
  const team = repos.teams.find(teamId);
  const mergeId = randomUUID();
  if (team) {
    // From now on the team's writes are logged (until it is unlinked or linked again, which drops the id).
    repos.syncChanges.setMergeId(teamId, mergeId);
    saveStamps(repos, teamId, ours, stored, tables, only);
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
  return { incoming, timeZone: team?.timeZone ?? null, mergeId };
}

/** The merged tree of a written plan, and its commit message: the database holds exactly this tree. */
export function mergedTree(repos: Repositories, teamId: string, plan: MergePlan, { incoming, timeZone, mergeId }: Written): MergeOutcome {
  const { ours, tables, found, conflicts, changedFiles, outgoing, only } = plan;
  const team = timeZone !== null;
  const meetings = ours.tables.get('meetings')!;
  const summary = describeChanges(changedFiles, (id) => meetings.get(JSON.stringify([id]))?.row, timeZone ?? 'UTC', incoming, found.length);
  // The database now holds the merged rows: their files are the tree (and are read back next time without parsing).
  const cache = parsedFilesOf(repos, teamId);
  const state: TeamState = { tables: team ? tables : new Map(), conflicts: team ? sortConflicts(conflicts) : [] };
  // Laid out again from the last merge's layout where this process holds one: only the files whose rows changed.
  const last = lastMerged.get(cacheKey(repos))?.get(teamId);
  const again = last ? relayOut(last, state, only) : null;
  const written: ParsedFiles = again ? again.parsed : new Map();
  const tree = again ? again.tree : layOut(state, written, cache);
  // A copy: reading a tree adds to the cache, and `written` stays the layout the next merge starts from.
  cache.clear();
  for (const [path, file] of written) cache.set(path, file);
  remember(repos, teamId, team ? { tree, state, parsed: written, mergeId } : null);
  const described = conflicts.map((c) => ({ ...c, words: conflictWords(c, tables) }));
  return { tree, incoming, outgoing, conflicts: described, summary, read: only ? 'changes' : 'everything' };
}

/**
 * Checks `base` and `theirs` (throws SyncRefused), merges base/ours/theirs by Cadence's rules and writes
 * the result in ONE transaction (foreign keys checked), on `repos`' connection. base = the tree of the last
 * synced commit (null the first time), theirs = the remote's tree (null when the remote is empty). The app
 * runs the same steps in its worker thread (merge-job.ts); this one-connection form serves the tests.
 */
export function mergeTeamTree(
  repos: Repositories,
  clock: Clock,
  teamId: string,
  base: TreeFiles | null,
  theirs: TreeFiles | null,
): MergeOutcome {
  // Both trees are read and checked whole before the transaction opens: a refusal writes nothing.
  const trees = readTrees(repos, teamId, base, theirs);
  return repos.sql.transaction(() => {
    const plan = planMerge(repos, clock.now(), teamId, trees);
    return mergedTree(repos, teamId, plan, writePlan(repos, teamId, plan));
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
 * Gives every row this laptop changed since the base a new stamp and returns the files those rows are in. The stamp is
 * the one the row's write would have had (a hybrid logical clock at its `updated_at`, where the table has one, else at
 * this sync): above every stamp this laptop had seen when it wrote, not above the stamps arriving now. So where both
 * laptops changed a field apart, the change made later stands, whichever laptop synced first (README: "the later
 * change stands"); stamping at the sync instead made the laptop that synced later win with the earlier change.
 */
function stampChanges(
  repos: Repositories,
  now: number,
  base: TeamState,
  ours: TeamState,
  theirs: TeamState,
  only: Candidates,
): { files: Set<string>; count: number; stored: Map<string, string>; last: string } {
  const { deviceId, lastStamp } = repos.sync.device();
  let last = lastStamp;
  // Rows outside the candidates are the last merge's, whose stamps the device's last stamp is already above.
  const seenBefore = (state: TeamState) => {
    for (const [table, rows] of state.tables) for (const [, { stamp }] of rowsToVisit(rows, table, only)) if (stamp > last) last = stamp;
  };
  // This laptop's writes since the base had seen the base; the stamps coming in now they had not.
  seenBefore(base);
  const stored = new Map<string, string>();
  const files = new Set<string>();
  let count = 0;
  const note = (state: TeamState, table: string, row: ArchiveRow) => {
    count++;
    const path = placeOf(table, row, lookupIn(state));
    if (path) files.add(path);
  };
  for (const [table, rows] of ours.tables) {
    const before = base.tables.get(table)!;
    const changed = [...rowsToVisit(rows, table, only)].filter(([key, stamped]) => {
      const was = before.get(key);
      return !was || (was.row !== stamped.row && !sameContent(was.row, stamped.row));
    });
    // In the order they were written, then by key, whichever rows were looked at: a sync that read only the changes
    // gives the stamps a whole read would.
    const ordered = changed.map(([key, stamped]) => ({ key, stamped, at: writtenAt(stamped.row, now) }));
    ordered.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { key, stamped, at } of ordered) {
      last = nextStamp(last, at, deviceId);
      stored.set(`${table}\n${key}`, stamped.stamp);
      // A new object: the row's old one may be shared with the state this process remembers.
      rows.set(key, { row: stamped.row, stamp: last });
      note(ours, table, stamped.row);
    }
    for (const [key, { row }] of rowsToVisit(before, table, only)) if (!rows.has(key)) note(base, table, row);
  }
  // The device's clock goes on above everything seen, theirs included, for the writes after this sync.
  if (theirs !== base) seenBefore(theirs);
  // The stamps read from the database for the rows given a new one (the others still hold theirs in `ours`).
  return { files, count, stored, last };
}

/** When a row was written here: its `updated_at` where its table keeps one (never later than now), else now. */
function writtenAt(row: ArchiveRow, now: number): number {
  const at = row.updated_at;
  return typeof at === 'number' && at <= now ? at : now;
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
  only: Candidates,
): void {
  const changed: StoredStamp[] = [];
  const dropped: Omit<StoredStamp, 'stamp'>[] = [];
  for (const [table, rows] of merged) {
    const before = ours.tables.get(table)!;
    for (const [key, { stamp }] of rowsToVisit(rows, table, only)) {
      const was = before.get(key);
      const stored = was && (restamped.get(`${table}\n${key}`) ?? was.stamp);
      if (stored !== stamp) changed.push({ table, key, stamp });
    }
    for (const [key] of rowsToVisit(before, table, only)) if (!rows.has(key)) dropped.push({ table, key });
  }
  repos.sync.saveStamps(teamId, changed, dropped);
}

/**
 * Each file of the last tree this process read or wrote for a team, parsed and checked: the next sync's base is that
 * tree, and most of the remote's files are the same text, so only files that changed are parsed again.
 */
const parsedFiles = new Map<string, Map<string, ParsedFiles>>();
function parsedFilesOf(repos: Repositories, teamId: string): ParsedFiles {
  let byTeam = parsedFiles.get(cacheKey(repos));
  if (!byTeam) parsedFiles.set(cacheKey(repos), (byTeam = new Map()));
  let files = byTeam.get(teamId);
  if (!files) byTeam.set(teamId, (files = new Map()));
  return files;
}

/**
 * The tree of each team's last merge in this process, its state and its files' rows: what reading that tree back
 * gives (its text decides it, whatever became of the merge; nothing mutates it), so the next sync, whose base it is,
 * skips the read, and the next merge lays out again only the files whose rows changed.
 */
const lastMerged = new Map<string, Map<string, LastMerge>>();
function remember(repos: Repositories, teamId: string, laid: LastMerge | null): void {
  let byTeam = lastMerged.get(cacheKey(repos));
  if (!byTeam) lastMerged.set(cacheKey(repos), (byTeam = new Map()));
  if (laid && laid.tree.size > 0) byTeam.set(teamId, laid);
  else byTeam.delete(teamId);
}

/**
 * The caches above are by database file, not by connection: the worker thread opens a connection of its own for
 * each sync. What they hold depends only on a tree's text and the file's schema, whichever connection wrote it.
 * A database in memory has no file: its connection is its own key.
 */
const memoryKeys = new WeakMap<object, string>();
function cacheKey(repos: Repositories): string {
  const { db } = repos.sql;
  if (!db.memory) return db.name;
  let key = memoryKeys.get(db);
  if (!key) memoryKeys.set(db, (key = `memory:${randomUUID()}`));
  return key;
}
