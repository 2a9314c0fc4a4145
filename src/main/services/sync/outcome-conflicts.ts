import type { ArchiveRow } from '../../db/repositories/archive-repository';
import type { FoundConflict } from './merge-rows';
import type { Candidates, TableRows } from './team-state';

/** The status an event leaves its commitment in, as derive() in commitment-state.ts reads it; null for one that sets none. */
function statusSet(row: ArchiveRow): string | null {
  if (row.kind === 'done' || row.kind === 'dropped') return row.kind;
  if (row.kind === 'status') return typeof row.status === 'string' ? row.status : null;
  if (row.kind === 'renegotiated' || row.kind === 'slipped') return 'open';
  return null;
}

/** The due date a renegotiation moves its commitment to, as derive() reads it; null for any other event. */
function dateSet(row: ArchiveRow): string | null {
  return row.kind === 'renegotiated' && typeof row.new_due_date === 'string' ? row.new_due_date : null;
}

interface Latest {
  at: number;
  id: string;
  status: string;
}

/** Later in the order the commitment's events are read (at, then id): the one whose status stands. */
const later = (a: Latest, b: Latest) => a.at > b.at || (a.at === b.at && a.id > b.id);

/** By commitment, the latest event bearing a value (`valueOf`) one side added since the base (and the other side does not hold). */
function added(
  events: TableRows,
  other: TableRows,
  base: TableRows,
  keys: Iterable<string>,
  valueOf: (row: ArchiveRow) => string | null,
): Map<string, Latest> {
  const latest = new Map<string, Latest>();
  for (const key of keys) {
    const row = events.get(key)?.row;
    if (!row || base.has(key) || other.has(key)) continue;
    const status = valueOf(row);
    if (status === null) continue;
    const event = { at: Number(row.at), id: String(row.id), status };
    const commitment = String(row.commitment_id);
    const seen = latest.get(commitment);
    if (!seen || later(event, seen)) latest.set(commitment, event);
  }
  return latest;
}

/**
 * Both laptops recorded an outcome for one commitment while apart (done on one, dropped on the other), or renegotiated
 * it to two dates: all events are history and are kept, and the later one's status (or date) stands, but the person
 * whose outcome did not stand has to know. Listed as the commitment's status or due date: kept (the later) and the
 * other. With `only`, the events the merge looked at.
 */
export function outcomeConflicts(base: TableRows, ours: TableRows, theirs: TableRows, only: Candidates): FoundConflict[] {
  const keys = only ? [...(only.get('commitment_events') ?? [])] : null;
  const found: FoundConflict[] = [];
  for (const [field, valueOf] of [
    ['status', statusSet],
    ['due_date', dateSet],
  ] as const) {
    const mine = added(ours, theirs, base, keys ?? ours.keys(), valueOf);
    if (mine.size === 0) continue;
    for (const [commitment, other] of added(theirs, ours, base, keys ?? theirs.keys(), valueOf)) {
      const own = mine.get(commitment);
      if (!own || own.status === other.status) continue;
      const [kept, lost] = later(own, other) ? [own, other] : [other, own];
      found.push({ entity: 'commitments', id: commitment, field, kept: kept.status, other: lost.status });
    }
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}
