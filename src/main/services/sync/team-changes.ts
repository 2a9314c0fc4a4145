import type { Repositories } from '../../db/repositories';
import { ARCHIVE_TABLES } from '../../db/repositories/archive-tables';
import { readConflicts, treeRows } from './team-rows';
import { sameContent, type Candidates, type TableRows, type TeamState } from './team-state';
import { aggregateFile } from './tree-layout';
import type { LaidOut } from './tree-relayout';

/** A team's last merge in this process: the state the database held once it committed, laid out, and the merge's id. */
export interface LastMerge extends LaidOut {
  mergeId: string;
}

/** More aggregates changed than this (a first sync after an import, say): reading every row is as quick. */
const MOST_CHANGES = 2000;

const SPECS = new Map(ARCHIVE_TABLES.map((spec) => [spec.table, spec]));

/**
 * The team's rows now, read incrementally: the last merge's state with the aggregates the change log names read again
 * (migration 017), and which rows those are. Null when the log cannot tell, and the caller reads every row: the
 * database holds another merge than the one remembered (another thread's, a restored backup, a link made again), a
 * table has lost its triggers, or too much changed.
 */
export function readChangedState(repos: Repositories, teamId: string, last: LastMerge): { ours: TeamState; only: Candidates } | null {
  if (repos.syncChanges.mergeId(teamId) !== last.mergeId || !repos.syncChanges.complete()) return null;
  const changed = repos.syncChanges.changed(teamId, MOST_CHANGES + 1);
  if (changed.length > MOST_CHANGES) return null;
  // Copies: the merge replaces rows in its maps, and the remembered state stays what the database held.
  const tables = new Map<string, TableRows>([...last.state.tables].map(([table, rows]) => [table, new Map(rows)]));
  const only = new Map(ARCHIVE_TABLES.map((spec) => [spec.table, new Set<string>()]));
  const add = treeRows(repos);
  for (const aggregate of changed) {
    for (const r of last.parsed.get(aggregateFile(aggregate.folder, aggregate.id))?.rows ?? []) {
      tables.get(r.table)!.delete(r.key);
      only.get(r.table)!.add(r.key);
    }
    for (const [table, rows] of repos.syncChanges.aggregateRows(teamId, aggregate)) {
      const read: TableRows = new Map();
      add(SPECS.get(table)!, rows, (key) => repos.sync.stampOf(table, key) ?? '', read);
      for (const [key, stamped] of read) {
        tables.get(table)!.set(key, stamped);
        only.get(table)!.add(key);
      }
    }
  }
  return { ours: { tables, conflicts: readConflicts(repos, teamId) }, only };
}

/** The candidates with every row the remote's tree holds otherwise than the base (null stays null: every row). */
export function withTheirs(only: Candidates, base: TeamState, theirs: TeamState): Candidates {
  if (!only || base === theirs) return only;
  const all = new Map([...only].map(([table, keys]) => [table, new Set(keys)]));
  for (const [table, rows] of theirs.tables) {
    const before = base.tables.get(table) ?? new Map();
    const keys = all.get(table)!;
    for (const [key, t] of rows) {
      const b = before.get(key);
      if (!b || b.stamp !== t.stamp || (b.row !== t.row && !sameContent(b.row, t.row))) keys.add(key);
    }
    for (const key of before.keys()) if (!rows.has(key)) keys.add(key);
  }
  return all;
}
