import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES } from '../../db/repositories/archive-tables';
import { keyOf, type Candidates, type TableRows } from './team-state';

/**
 * Columns the database sets itself, by trigger, from other rows: nobody edits them, so a merge does not take them
 * field by field from the side whose stamp wins (nor lists a conflict on them); it works them out from the merged rows
 * the way the trigger does. Otherwise the tree and the database part: a merge that wrote a commitment open beside the
 * done event it brought in would leave it closed in the database (the trigger fires on the event's insert) and open in
 * the tree, and a laptop taking that tree would write it open with its events saying done.
 * (Migration 011's decision numbers are settled by the merge's own rule, settleNumbers, and never written empty, so its
 * trigger never fires on a sync's rows; decisions_fts is not carried at all.)
 */
export const DERIVED_COLUMNS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['commitments', new Set(['closed_at'])]]);

const CLOSING = new Set(['done', 'dropped']);
const COMMITMENTS = ARCHIVE_TABLES.find((spec) => spec.table === 'commitments')!;
const commitmentKey = (id: ArchiveRow[string] | undefined) => keyOf(COMMITMENTS, { id: id ?? null });

/**
 * Migration 009's trigger on the merged rows: a commitment's `closed_at` is the instant of its first done or dropped
 * event, null while it has none. Looks at the commitments the merge looked at (every one when `only` is null), and at
 * the commitments of the events it looked at; a row it changes gets a new object (the old one may be shared with the
 * state a process remembers). Returns the keys of the commitments it changed.
 */
export function deriveClosedAt(tables: ReadonlyMap<string, TableRows>, only: Candidates): string[] {
  const commitments = tables.get('commitments')!;
  const events = tables.get('commitment_events')!;
  const wanted = new Set<string>(only ? (only.get('commitments') ?? []) : commitments.keys());
  for (const key of only?.get('commitment_events') ?? []) {
    const event = events.get(key);
    if (event) wanted.add(commitmentKey(event.row.commitment_id));
  }
  if (wanted.size === 0) return [];
  const closedAt = new Map<string, number>();
  for (const { row } of events.values()) {
    if (!CLOSING.has(String(row.kind))) continue;
    const key = commitmentKey(row.commitment_id);
    const at = Number(row.at);
    if (wanted.has(key) && !(at >= (closedAt.get(key) ?? Infinity))) closedAt.set(key, at);
  }
  const changed: string[] = [];
  for (const key of [...wanted].sort()) {
    const stamped = commitments.get(key);
    const derived = closedAt.get(key) ?? null;
    if (!stamped || (stamped.row.closed_at ?? null) === derived) continue;
    commitments.set(key, { row: { ...stamped.row, closed_at: derived }, stamp: stamped.stamp });
    changed.push(key);
  }
  return changed;
}
