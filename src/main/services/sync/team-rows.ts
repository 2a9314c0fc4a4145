import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES, type ArchiveTable } from '../../db/repositories/archive-tables';
import { withoutElimination } from '../archive/archive-export';
import type { SyncConflict } from './sync-data';
import { BUILTIN_PREFIX, keyOf, type TableRows, type TeamState } from './team-state';

/** Columns of each table that refer to an agenda template (a built-in one is written by its key). */
export function templateColumns(repos: Repositories): Map<string, string[]> {
  return new Map(ARCHIVE_TABLES.map((spec) => [spec.table, repos.archive.referencesTo(spec.table, 'agenda_templates')]));
}

/**
 * The team's rows as the tree carries them (see team-state.ts), with their stored stamps (a row
 * never synced has ""). Ratings go as the archive sends them: where a meeting has an anonymous
 * rating, none carries its rater, since the repository travels further than this laptop.
 */
export function readTeamState(repos: Repositories, teamId: string): TeamState {
  const tables = new Map<string, TableRows>(ARCHIVE_TABLES.map((spec) => [spec.table, new Map()]));
  if (!repos.teams.find(teamId)) return { tables, conflicts: [] };
  // By table, then key: a ten-year team has tens of thousands of rows, read at every sync.
  const stamps = new Map<string, Map<string, string>>();
  for (const s of repos.sync.stamps(teamId)) {
    let byKey = stamps.get(s.table);
    if (!byKey) stamps.set(s.table, (byKey = new Map()));
    byKey.set(s.key, s.stamp);
  }
  const add = treeRows(repos);
  for (const spec of ARCHIVE_TABLES) {
    const stamped = stamps.get(spec.table);
    add(spec, repos.archive.teamRows(spec, teamId), (key) => stamped?.get(key) ?? '', tables.get(spec.table)!);
  }
  return { tables, conflicts: readConflicts(repos, teamId) };
}

/**
 * Puts rows as SQLite holds them into `into` as the tree carries them, each with its stamp: a built-in template by
 * its key, and a meeting's ratings without their raters where any of them is anonymous.
 */
export function treeRows(
  repos: Repositories,
): (spec: ArchiveTable, rows: ArchiveRow[], stampOf: (key: string) => string, into: TableRows) => void {
  const builtins = new Map(repos.archive.builtinTemplates().map((b) => [b.id, `${BUILTIN_PREFIX}${b.key}`]));
  const refs = templateColumns(repos);
  return (spec, rows, stampOf, into) => {
    const columns = refs.get(spec.table)!;
    // Each row is a fresh object from SQLite (or withoutElimination's copy): only a template reference is rewritten, in place.
    for (const row of spec.table === 'meeting_feedback' ? withoutElimination(rows) : rows) {
      for (const c of columns) if (typeof row[c] === 'string' && builtins.has(row[c])) row[c] = builtins.get(row[c])!;
      const key = keyOf(spec, row);
      into.set(key, { row, stamp: stampOf(key) });
    }
  };
}

/** The conflicts found so far for the team, as the tree lists them. */
export function readConflicts(repos: Repositories, teamId: string): SyncConflict[] {
  return repos.sync.conflicts(teamId).map((c) => ({
    entity: c.entity,
    id: c.row_id,
    field: c.field,
    kept: JSON.parse(c.kept_json) as unknown,
    other: JSON.parse(c.other_json) as unknown,
    at: c.at,
  }));
}

/** A row of the tree as this database stores it: a built-in template by this laptop's id for it. */
export function toLocalRow(row: ArchiveRow, columns: readonly string[], builtinIds: ReadonlyMap<string, string>): ArchiveRow {
  if (columns.length === 0) return row;
  const local = { ...row };
  for (const c of columns) {
    const value = local[c];
    if (typeof value === 'string' && value.startsWith(BUILTIN_PREFIX)) local[c] = builtinIds.get(value.slice(BUILTIN_PREFIX.length))!;
  }
  return local;
}
