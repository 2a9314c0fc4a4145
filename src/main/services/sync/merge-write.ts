import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES } from '../../db/repositories/archive-tables';
import { writeOrRefuse } from '../archive/rule-broken';
import { SyncRefused } from './sync-refused';
import { templateColumns, toLocalRow } from './team-rows';
import { keyOf, rowsToVisit, sameContent, type Candidates, type TableRows, type TeamState } from './team-state';

/**
 * Rows the write takes out first and writes again whole, rather than updating in place: an agreement version (the
 * database refuses to change one; the merge changes one only to settle its number, unique-rows.ts), and a role whose
 * name the merge changed (one active role per name: a row taking a name must not meet the row giving it up, whatever
 * order the rows are written in).
 */
type Rewrite = (before: ArchiveRow, after: ArchiveRow) => boolean;
const REWRITTEN = new Map<string, Rewrite>([
  ['agreement_versions', () => true],
  ['roles', (before, after) => before.name !== after.name || before.retired_at !== after.retired_at],
]);

function write(table: string, key: string, fn: () => void): void {
  writeOrRefuse(table, key, fn, (why) => new SyncRefused(`The ${why}`));
}

/**
 * Brings the database from `ours` to `merged` (both in tree form), inside the caller's transaction:
 * removals children first, then inserts and updates parents first with foreign keys checked at the
 * end. A row whose tree form did not change is not written (a named rating kept here while the tree
 * carries it anonymous stays named). Returns how many rows it wrote. With `only`, the rows outside it are ours unchanged.
 */
export function writeMerged(
  repos: Repositories,
  teamId: string,
  ours: TeamState,
  merged: ReadonlyMap<string, TableRows>,
  only: Candidates = null,
): number {
  repos.archive.deferForeignKeys();
  const builtinIds = new Map(repos.archive.builtinTemplates().map((b) => [b.key, b.id]));
  const refs = templateColumns(repos);
  const local = (table: string, row: ArchiveRow) => toLocalRow(row, refs.get(table)!, builtinIds);
  let written = 0;
  // A row may be written before the row it refers to (parents come first by table, not always by row): checked once all are in.
  const pendingReferences: { table: string; key: string; row: ArchiveRow; parent: string; column: string }[] = [];
  // Rows of a table the database never updates that the merge changed: taken out here and written again below.
  const replaced = new Set<string>();
  for (const spec of [...ARCHIVE_TABLES].reverse()) {
    const after = merged.get(spec.table)!;
    for (const [key, { row }] of rowsToVisit(ours.tables.get(spec.table)!, spec.table, only)) {
      const next = after.get(key)?.row;
      const rewritten = REWRITTEN.get(spec.table);
      if (next && (!rewritten || next === row || sameContent(next, row) || !rewritten(row, next))) continue;
      write(spec.table, key, () => repos.archive.delete(spec, local(spec.table, row)));
      if (next) replaced.add(`${spec.table}\n${key}`);
      else written++;
    }
  }
  freeMovedNumbers(repos, ours, merged, only);
  const touched = new Map<string, string[]>();
  for (const spec of ARCHIVE_TABLES) {
    const before = ours.tables.get(spec.table)!;
    const columns = repos.archive.columns(spec.table).map((c) => c.name);
    for (const [key, { row }] of rowsToVisit(merged.get(spec.table)!, spec.table, only)) {
      const was = replaced.has(`${spec.table}\n${key}`) ? undefined : before.get(key);
      if (was && (was.row === row || sameContent(was.row, row))) continue;
      const dbRow = local(spec.table, row);
      if (!was && repos.archive.find(spec, dbRow))
        throw new SyncRefused(`The ${spec.table} row ${key} in the repository has the id of a row of another team on this computer.`);
      write(spec.table, key, () => (was ? repos.archive.update(spec, dbRow, columns) : repos.archive.insert(spec.table, dbRow, columns)));
      const missing = repos.archive.missingParent(spec.table, dbRow);
      if (missing) pendingReferences.push({ table: spec.table, key, row: dbRow, ...missing });
      let keys = touched.get(spec.table);
      if (!keys) touched.set(spec.table, (keys = []));
      keys.push(key);
      written++;
    }
  }
  checkReferences(repos, pendingReferences);
  checkBelongs(repos, teamId, touched);
  return written;
}

/** A decision whose number changes lets go of its old one first, so a swap never trips the one-number-per-decision rule. */
function freeMovedNumbers(repos: Repositories, ours: TeamState, merged: ReadonlyMap<string, TableRows>, only: Candidates): void {
  const spec = ARCHIVE_TABLES.find((s) => s.table === 'decisions')!;
  const after = merged.get('decisions')!;
  for (const [key, { row }] of rowsToVisit(ours.tables.get('decisions')!, 'decisions', only)) {
    const next = after.get(key);
    if (next && next.row.number !== row.number) repos.archive.update(spec, { id: row.id!, number: null }, ['id', 'number']);
  }
}

/** Every row written is the team's once written (an attendee of another team's meeting is not); the others were read as the team's. */
function checkBelongs(repos: Repositories, teamId: string, written: ReadonlyMap<string, readonly string[]>): void {
  for (const spec of ARCHIVE_TABLES) {
    const keys = written.get(spec.table);
    if (!keys) continue;
    const inTeam = new Set(repos.archive.teamKeys(spec, teamId).map((r) => keyOf(spec, r)));
    for (const key of keys)
      if (!inTeam.has(key)) throw new SyncRefused(`The ${spec.table} row ${key} in the repository belongs to another team.`);
  }
}

/**
 * Every reference of every row written finds its row (foreign keys are deferred to the commit, which
 * refuses any left broken; this names the first in words). Only rows written are looked at: the rows
 * a sync leaves alone were whole before, and it removes no row anything refers to (turns, tags).
 */
function checkReferences(
  repos: Repositories,
  pending: readonly { table: string; key: string; row: ArchiveRow; parent: string; column: string }[],
): void {
  for (const p of pending) {
    if (!repos.archive.missingParent(p.table, p.row)) continue;
    throw new SyncRefused(
      `The ${p.table} row ${p.key} refers to a ${p.parent} row (${p.column}) that is neither in the repository nor on this computer.`,
    );
  }
}
