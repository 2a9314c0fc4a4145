import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES, type ArchiveTable } from '../../db/repositories/archive-tables';
import { settleClaims } from '../archive/decision-numbers';
import { DERIVED_COLUMNS, deriveClosedAt } from './derived-columns';
import { laterStamp } from './hlc';
import { dropStepsOfMeetingsNotLive } from './live-steps';
import { outcomeConflicts } from './outcome-conflicts';
import { settleUniqueRows } from './unique-rows';
import type { SyncConflict } from './sync-data';
import { sameContent, shownKey, type Candidates, type StampedRow, type TableRows, type TeamState } from './team-state';

/**
 * Rows the domain itself removes (the only deletes in the repositories: a decision's tags are
 * replaced as a set; a turn added to a round and left without notes is taken back). Everything
 * else is marked, never removed, so a row missing on one side is one the other side has to keep.
 */
const REMOVABLE = new Set(['decision_tags', 'turns']);

/** The tables whose rows hold a number of the team's (one row a number), and that column: settled after merging. */
const NUMBERED = new Map([
  ['decisions', 'number'],
  ['agreement_versions', 'version'],
]);

/** The column that says when a row last changed: it follows the winning side and is not itself a conflict. */
const versionColumn = (spec: ArchiveTable) => (spec.merge.kind === 'newer' ? spec.merge.column : null);

export type FoundConflict = Omit<SyncConflict, 'at'>;

/** The side whose change stands when both changed one field: the higher stamp (the device id inside it breaks ties). */
function winner(ours: StampedRow, theirs: StampedRow): 'ours' | 'theirs' {
  if (ours.stamp !== theirs.stamp) return ours.stamp > theirs.stamp ? 'ours' : 'theirs';
  // Two rows never stamped (written by teamTree before any merge): an order on the content alone.
  return JSON.stringify(ours.row) >= JSON.stringify(theirs.row) ? 'ours' : 'theirs';
}

/** Field by field: a change on one side is taken; the same field changed differently on both is settled by stamp and listed. */
function mergeFields(
  spec: ArchiveTable,
  base: ArchiveRow | undefined,
  ours: StampedRow,
  theirs: StampedRow,
  found: FoundConflict[],
): StampedRow {
  const won = winner(ours, theirs);
  const derived = DERIVED_COLUMNS.get(spec.table);
  const columns = [...new Set([...Object.keys(ours.row), ...Object.keys(theirs.row)])].sort();
  const row: ArchiveRow = {};
  for (const c of columns) {
    const o = ours.row[c] ?? null;
    const t = theirs.row[c] ?? null;
    const b = base ? (base[c] ?? null) : undefined;
    // Worked out from the merged rows once all are merged (derived-columns.ts).
    if (o === t || b === t || derived?.has(c)) row[c] = o;
    else if (b === o) row[c] = t;
    else if (NUMBERED.get(spec.table) === c) {
      // Renumbering only ever moves a decision or an agreement version up, above the numbers claimed before it.
      row[c] = o === null ? t : t === null ? o : Math.max(Number(o), Number(t));
    } else {
      row[c] = won === 'ours' ? o : t;
      if (c !== versionColumn(spec))
        found.push({ entity: spec.table, id: shownKey(spec, ours.row), field: c, kept: row[c], other: won === 'ours' ? t : o });
    }
  }
  return { row, stamp: laterStamp(ours.stamp, theirs.stamp) };
}

function mergeRow(
  spec: ArchiveTable,
  base: StampedRow | undefined,
  ours: StampedRow | undefined,
  theirs: StampedRow | undefined,
  found: FoundConflict[],
): StampedRow | undefined {
  if (ours && theirs) {
    if (sameContent(ours.row, theirs.row)) return { row: ours.row, stamp: laterStamp(ours.stamp, theirs.stamp) };
    return mergeFields(spec, base?.row, ours, theirs, found);
  }
  const present = ours ?? theirs;
  if (!present) return undefined;
  // Removed on one side and unchanged on the other: removed, where the domain removes such rows at all.
  if (base && REMOVABLE.has(spec.table) && sameContent(base.row, present.row)) return undefined;
  // A copy: settling decision numbers replaces the merged row, never the side it came from.
  return { row: present.row, stamp: present.stamp };
}

/**
 * The three-way merge of a team's rows by table, key and field (base = the last synced tree).
 * History only grows; a change made on one side is taken; the same field changed on both sides is
 * settled by stamp and returned as a conflict. Decision numbers then follow the archive's rule
 * (`renumbered`: the keys of the decisions it moved), and the columns the database derives are worked out as its
 * triggers would (`derived`: by table, the keys of the rows that changed; the undo steps of meetings left not live are
 * dropped, as ending a meeting drops them, live-steps.ts). With `only`, the rows outside it are the same
 * rows on all three sides: they are kept as ours holds them, not looked at.
 */
export function mergeStates(
  base: TeamState,
  ours: TeamState,
  theirs: TeamState,
  only: Candidates = null,
): { tables: Map<string, TableRows>; found: FoundConflict[]; renumbered: Map<string, string[]>; derived: Map<string, string[]> } {
  const found: FoundConflict[] = [];
  const tables = new Map<string, TableRows>();
  for (const spec of ARCHIVE_TABLES) {
    const b = base.tables.get(spec.table) ?? new Map<string, StampedRow>();
    const o = ours.tables.get(spec.table) ?? new Map<string, StampedRow>();
    const t = theirs.tables.get(spec.table) ?? new Map<string, StampedRow>();
    const merged: TableRows = only ? new Map(o) : new Map();
    const keys = only ? (only.get(spec.table) ?? []) : [...new Set([...b.keys(), ...o.keys(), ...t.keys()])].sort();
    for (const key of keys) {
      const row = mergeRow(spec, b.get(key), o.get(key), t.get(key), found);
      if (row) merged.set(key, row);
      else merged.delete(key);
    }
    tables.set(spec.table, merged);
  }
  const events = (state: TeamState) => state.tables.get('commitment_events') ?? new Map<string, StampedRow>();
  found.push(...outcomeConflicts(events(base), events(ours), events(theirs), only));
  const renumbered = new Map([...settleUniqueRows(tables, found, only), ['decisions', settleNumbers(tables.get('decisions')!)]]);
  const derived = new Map([
    ['commitments', deriveClosedAt(tables, only)],
    ['live_actions', dropStepsOfMeetingsNotLive(tables, only)],
  ]);
  return { tables, found, renumbered, derived };
}

/**
 * Two decisions made apart may claim one number: the archive's rule gives the later one the next free number, on every
 * laptop alike. A moved decision gets a new row object (the old one may be shared with the state a process remembers).
 */
function settleNumbers(decisions: TableRows): string[] {
  const claims = [...decisions].map(([key, s]) => ({
    id: String(s.row.id),
    createdAt: Number(s.row.created_at),
    number: s.row.number as number | null,
    key,
    stamped: s,
  }));
  return settleClaims(claims).map((claim) => {
    decisions.set(claim.key, { row: { ...claim.stamped.row, number: claim.number }, stamp: claim.stamped.stamp });
    return claim.key;
  });
}

/** Conflicts listed so far and those just found, once each (two laptops finding one keep its first `at`). */
export function unionConflicts(lists: readonly (readonly SyncConflict[])[]): SyncConflict[] {
  const byWhat = new Map<string, SyncConflict>();
  for (const c of lists.flat()) {
    const what = JSON.stringify([c.entity, c.id, c.field, c.kept, c.other]);
    const seen = byWhat.get(what);
    if (!seen || c.at < seen.at) byWhat.set(what, c);
  }
  return [...byWhat.values()];
}
