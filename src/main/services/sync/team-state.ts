import type { ArchiveRow } from '../../db/repositories/archive-repository';
import type { ArchiveTable } from '../../db/repositories/archive-tables';
import type { SyncConflict } from './sync-data';

/**
 * A team's rows as the tree carries them, by table and key: every table of ARCHIVE_TABLES, a
 * built-in agenda template referred to by `builtin:<key>` (its id differs on every laptop), each
 * row with the stamp of the sync that last found it changed.
 */
export interface StampedRow {
  row: ArchiveRow;
  stamp: string;
}
export type TableRows = Map<string, StampedRow>;
export interface TeamState {
  tables: Map<string, TableRows>;
  conflicts: SyncConflict[];
}

/** JSON of the key's values, e.g. `["id-1"]` (the one-column case spelt out: it runs for every row at every sync). */
export const keyOf = (spec: ArchiveTable, row: ArchiveRow): string =>
  spec.key.length === 1 ? `[${JSON.stringify(row[spec.key[0]!] ?? null)}]` : JSON.stringify(spec.key.map((k) => row[k]));

/** The key as a person reads it in a conflict: the id, or the key's parts joined by "/". */
export const shownKey = (spec: ArchiveTable, row: ArchiveRow): string => spec.key.map((k) => String(row[k])).join('/');

/** Same values, a column missing counting as null. Runs for every row of a ten-year team at each sync: no set built. */
export function sameContent(a: ArchiveRow, b: ArchiveRow): boolean {
  for (const k in a) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  for (const k in b) if (!(k in a) && (b[k] ?? null) !== null) return false;
  return true;
}

export const BUILTIN_PREFIX = 'builtin:';

/**
 * By table, the keys of the rows that may differ between the states a merge reads (an incremental sync's: the rows of
 * the aggregates written since the last merge, and of the files the remote changed); every other row is the same row
 * in all of them. Null: any row may differ, every row is looked at.
 */
export type Candidates = ReadonlyMap<string, ReadonlySet<string>> | null;

/** The rows of `rows` a merge looks at: every one, or only the candidates'. */
export function* rowsToVisit(rows: TableRows, table: string, only: Candidates): Iterable<[string, StampedRow]> {
  if (!only) {
    yield* rows;
    return;
  }
  for (const key of only.get(table) ?? []) {
    const stamped = rows.get(key);
    if (stamped) yield [key, stamped];
  }
}
