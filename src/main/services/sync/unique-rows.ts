import type { ArchiveRow } from '../../db/repositories/archive-repository';
import type { FoundConflict } from './merge-rows';
import type { Candidates, StampedRow, TableRows } from './team-state';

/**
 * Rules of the database that hold one row per something (an active role's name in a team, a leftover in a meeting's
 * old business, an attendee's check-out rating, an agreement version's number), or of the domain (a carried item once
 * on the agenda it was carried to), which two laptops apart can each meet with a row of their own: the
 * merge then held both, and SQLite refused it at every sync after, for ever. Each rule settles the merged rows the
 * same way on every laptop (it looks at the rows alone, in a fixed order) and answers the keys of the rows it changed
 * or removed, for the write to look at. A sync's merge (merge-rows.ts) and an archive import (archive/settle-unique.ts)
 * both settle by them, so a team brought together either way ends the same.
 */
type Rule = (rows: TableRows, found: FoundConflict[]) => string[];

/** A rule over rows of more than one table (`looks`): answers, by table, the keys it changed or removed. */
interface Settle {
  looks: readonly string[];
  settle: (tables: ReadonlyMap<string, TableRows>, found: FoundConflict[]) => [string, string[]][];
}

const ofTable = (table: string, rule: Rule): Settle => ({
  looks: [table],
  settle: (tables, found) => [[table, rule(tables.get(table)!, found)]],
});

/** Rows by a value, each group in a fixed order: `first` sorts before `second` when it comes first. */
function groups(
  rows: TableRows,
  by: (row: ArchiveRow) => string | null,
  first: (a: ArchiveRow, b: ArchiveRow) => number,
): [string, StampedRow][][] {
  const grouped = new Map<string, [string, StampedRow][]>();
  for (const entry of rows) {
    const value = by(entry[1].row);
    if (value === null) continue;
    const group = grouped.get(value);
    if (group) group.push(entry);
    else grouped.set(value, [entry]);
  }
  return [...grouped.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort(([ka, a], [kb, b]) => first(a.row, b.row) || (ka < kb ? -1 : 1)));
}

const byCreation = (a: ArchiveRow, b: ArchiveRow) => Number(a.created_at) - Number(b.created_at);

/** Only the first row of each group stays (the others were the same thing recorded twice). */
function keepFirst(rows: TableRows, duplicates: [string, StampedRow][][]): string[] {
  const removed = duplicates.flatMap((group) => group.slice(1).map(([key]) => key));
  for (const key of removed) rows.delete(key);
  return removed;
}

/**
 * Two roles of one name, created apart: the first created keeps it, the other is renamed "name (2)" (the next number
 * no active role holds) and listed, since a person has to choose whether they are one role.
 */
const roleNames: Rule = (roles, found) => {
  const active = (row: ArchiveRow) => (row.retired_at === null || row.retired_at === undefined ? String(row.name).toLowerCase() : null);
  const taken = new Set([...roles.values()].map(({ row }) => active(row)).filter((n): n is string => n !== null));
  const moved: string[] = [];
  for (const group of groups(roles, active, byCreation))
    for (const [key, { row, stamp }] of group.slice(1)) {
      let n = 2;
      while (taken.has(`${String(row.name)} (${n})`.toLowerCase())) n++;
      const name = `${String(row.name)} (${n})`;
      taken.add(name.toLowerCase());
      roles.set(key, { row: { ...row, name }, stamp });
      found.push({ entity: 'roles', id: String(row.id), field: 'name', kept: name, other: row.name });
      moved.push(key);
    }
  return moved;
};

const absent = (value: unknown) => value === null || value === undefined;

/**
 * One meeting ended on both laptops: each carried what it had not reached into the series' next meeting, as a leftover
 * in that meeting's old business and a copy of the item on its agenda, so the next meeting held each twice. One
 * leftover stays (the first made), and one copy of the item: one the meeting has taken up already, else the one that
 * leftover points at, else the first made. Every other copy still pending is marked removed, as taking an item off an
 * agenda does (nothing is deleted); a copy taken up on both laptops stays, since each holds what its room did.
 */
const carriedLeftovers: Settle = {
  looks: ['old_business', 'agenda_items'],
  settle(tables) {
    const leftovers = tables.get('old_business')!;
    const items = tables.get('agenda_items')!;
    const dropped = keepFirst(
      leftovers,
      groups(leftovers, (row) => JSON.stringify([row.meeting_id, row.source, row.ref_id]), byCreation),
    );
    const twice = groups(
      items,
      (row) => (absent(row.carried_from_id) || !absent(row.removed_at) ? null : JSON.stringify([row.meeting_id, row.carried_from_id])),
      byCreation,
    );
    const repointed: string[] = [];
    const removed: string[] = [];
    if (twice.length > 0) {
      // The leftover kept for each carried item, by meeting and the item it carries.
      const leftoverOf = new Map<string, [string, StampedRow]>();
      for (const entry of leftovers)
        if (entry[1].row.source === 'not_reached') leftoverOf.set(JSON.stringify([entry[1].row.meeting_id, entry[1].row.ref_id]), entry);
      for (const group of twice) {
        const { row: first } = group[0]![1];
        const leftover = leftoverOf.get(JSON.stringify([first.meeting_id, first.carried_from_id]));
        const rank = ({ row }: StampedRow) => (row.status !== 'pending' ? 0 : 2) + (row.id === leftover?.[1].row.agenda_item_id ? 0 : 1);
        const [keptEntry, ...others] = [...group].sort(([, a], [, b]) => rank(a) - rank(b));
        const kept = keptEntry![1];
        for (const [key, { row, stamp }] of others) {
          if (row.status !== 'pending') continue;
          items.set(key, { row: { ...row, removed_at: Number(row.updated_at) }, stamp });
          removed.push(key);
          if (leftover && leftover[1].row.agenda_item_id === row.id) {
            leftovers.set(leftover[0], { row: { ...leftover[1].row, agenda_item_id: kept.row.id ?? null }, stamp: leftover[1].stamp });
            repointed.push(leftover[0]);
          }
        }
      }
    }
    return [
      ['old_business', [...dropped, ...repointed]],
      ['agenda_items', removed],
    ];
  },
};

/** An attendee's second rating replaces the first, as on one laptop: the later one stays. */
const ratings: Rule = (rows) =>
  keepFirst(
    rows,
    groups(
      rows,
      (row) => (row.attendee_id === null || row.attendee_id === undefined ? null : JSON.stringify([row.meeting_id, row.attendee_id])),
      (a, b) => Number(b.at) - Number(a.at),
    ),
  );

/**
 * Two people edited the operating agreement apart: each laptop numbered its new version after the last one it had,
 * so two versions claim one number (which the database holds once per team: the sync was refused for ever after).
 * In the order of the numbers claimed, then of creation (then of id), each version keeps its number unless an
 * earlier one took it or a higher one, and then takes the next: every laptop's own versions stay in the order it
 * made them, the same rows give the same numbers everywhere, and a number only ever moves up. A moved version is
 * listed as a conflict: the agreement's current text is one laptop's, and the other's edit is in an older version.
 */
const agreementVersions: Rule = (versions, found) => {
  const claims = [...versions].sort(
    ([ka, a], [kb, b]) =>
      Number(a.row.version) - Number(b.row.version) ||
      Number(a.row.created_at) - Number(b.row.created_at) ||
      (ka < kb ? -1 : ka > kb ? 1 : 0),
  );
  const moved: string[] = [];
  let last = 0;
  for (const [key, stamped] of claims) {
    const claimed = Number(stamped.row.version);
    const version = Math.max(claimed, last + 1);
    last = version;
    if (version === claimed) continue;
    versions.set(key, { row: { ...stamped.row, version }, stamp: stamped.stamp });
    found.push({ entity: 'agreement_versions', id: String(stamped.row.id), field: 'version', kept: version, other: claimed });
    moved.push(key);
  }
  return moved;
};

const RULES: Settle[] = [
  ofTable('roles', roleNames),
  carriedLeftovers,
  ofTable('meeting_feedback', ratings),
  ofTable('agreement_versions', agreementVersions),
];

/** The tables whose rows the rules settle: the rows an archive import must settle before it writes them. */
export const SETTLED_TABLES: readonly string[] = [...new Set(RULES.flatMap((r) => r.looks))];

/**
 * Applies every rule to the merged tables; answers the keys each changed or removed, by table. With `only`, a rule
 * none of whose tables' rows the merge looked at is left alone: their rows are the last merge's, already settled.
 */
export function settleUniqueRows(tables: ReadonlyMap<string, TableRows>, found: FoundConflict[], only: Candidates): [string, string[]][] {
  const settled = new Map<string, string[]>();
  for (const rule of RULES) {
    if (only && !rule.looks.some((table) => (only.get(table)?.size ?? 0) > 0)) continue;
    for (const [table, keys] of rule.settle(tables, found)) settled.set(table, [...(settled.get(table) ?? []), ...keys]);
  }
  return [...settled];
}
