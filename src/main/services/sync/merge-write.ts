import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES } from '../../db/repositories/archive-tables';
import { SyncRefused } from './sync-refused';
import { templateColumns, toLocalRow } from './team-rows';
import { keyOf, sameContent, type TableRows, type TeamState } from './team-state';

/** A row SQLite refuses (a CHECK or UNIQUE rule) is named in plain words, and the whole sync rolls back. */
function write(table: string, key: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
      throw new SyncRefused(`The ${table} row ${key} breaks a rule of the database (${(error as Error).message}).`);
    throw error;
  }
}

/**
 * Brings the database from `ours` to `merged` (both in tree form), inside the caller's transaction:
 * removals children first, then inserts and updates parents first with foreign keys checked at the
 * end. A row whose tree form did not change is not written (a named rating kept here while the tree
 * carries it anonymous stays named). Returns how many rows it wrote.
 */
export function writeMerged(repos: Repositories, teamId: string, ours: TeamState, merged: ReadonlyMap<string, TableRows>): number {
  repos.archive.deferForeignKeys();
  const builtinIds = new Map(repos.archive.builtinTemplates().map((b) => [b.key, b.id]));
  const refs = templateColumns(repos);
  const local = (table: string, row: ArchiveRow) => toLocalRow(row, refs.get(table)!, builtinIds);
  let written = 0;
  for (const spec of [...ARCHIVE_TABLES].reverse()) {
    const after = merged.get(spec.table)!;
    for (const [key, { row }] of ours.tables.get(spec.table)!) {
      if (after.has(key)) continue;
      write(spec.table, key, () => repos.archive.delete(spec, local(spec.table, row)));
      written++;
    }
  }
  freeMovedNumbers(repos, ours, merged);
  for (const spec of ARCHIVE_TABLES) {
    const before = ours.tables.get(spec.table)!;
    const columns = repos.archive.columns(spec.table).map((c) => c.name);
    for (const [key, { row }] of merged.get(spec.table)!) {
      const was = before.get(key);
      if (was && sameContent(was.row, row)) continue;
      const dbRow = local(spec.table, row);
      if (!was && repos.archive.find(spec, dbRow))
        throw new SyncRefused(`The ${spec.table} row ${key} in the repository has the id of a row of another team on this computer.`);
      write(spec.table, key, () => (was ? repos.archive.update(spec, dbRow, columns) : repos.archive.insert(spec.table, dbRow, columns)));
      written++;
    }
  }
  checkBelongs(repos, teamId, merged);
  checkReferences(repos);
  return written;
}

/** A decision whose number changes lets go of its old one first, so a swap never trips the one-number-per-decision rule. */
function freeMovedNumbers(repos: Repositories, ours: TeamState, merged: ReadonlyMap<string, TableRows>): void {
  const spec = ARCHIVE_TABLES.find((s) => s.table === 'decisions')!;
  const after = merged.get('decisions')!;
  for (const [key, { row }] of ours.tables.get('decisions')!) {
    const next = after.get(key);
    if (next && next.row.number !== row.number) repos.archive.update(spec, { id: row.id!, number: null }, ['id', 'number']);
  }
}

/** Every row written is the team's once written (an attendee of another team's meeting is not). */
function checkBelongs(repos: Repositories, teamId: string, merged: ReadonlyMap<string, TableRows>): void {
  for (const spec of ARCHIVE_TABLES) {
    const rows = merged.get(spec.table)!;
    if (rows.size === 0) continue;
    const inTeam = new Set(repos.archive.teamRows(spec, teamId).map((r) => keyOf(spec, r)));
    for (const key of rows.keys())
      if (!inTeam.has(key)) throw new SyncRefused(`The ${spec.table} row ${key} in the repository belongs to another team.`);
  }
}

function checkReferences(repos: Repositories): void {
  const [first] = repos.archive.foreignKeyViolations(1);
  if (!first) return;
  const id = first.rowId === null ? null : repos.archive.idOfRow(first.table, first.rowId);
  throw new SyncRefused(
    `A ${first.table} row${id ? ` (${id})` : ''} refers to a ${first.parent} row (${first.column}) that is neither in the repository nor on this computer.`,
  );
}
