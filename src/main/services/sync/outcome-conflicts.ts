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

interface Latest {
  at: number;
  id: string;
  status: string;
}

/** Later in the order the commitment's events are read (at, then id): the one whose status stands. */
const later = (a: Latest, b: Latest) => a.at > b.at || (a.at === b.at && a.id > b.id);

/** By commitment, the latest status-bearing event one side added since the base (and the other side does not hold). */
function added(events: TableRows, other: TableRows, base: TableRows, keys: Iterable<string>): Map<string, Latest> {
  const latest = new Map<string, Latest>();
  for (const key of keys) {
    const row = events.get(key)?.row;
    if (!row || base.has(key) || other.has(key)) continue;
    const status = statusSet(row);
    if (status === null) continue;
    const event = { at: Number(row.at), id: String(row.id), status };
    const commitment = String(row.commitment_id);
    const seen = latest.get(commitment);
    if (!seen || later(event, seen)) latest.set(commitment, event);
  }
  return latest;
}

/**
 * Both laptops recorded an outcome for one commitment while apart (done on one, dropped on the other): both events
 * are history and are kept, and the later one's status stands, but the person whose outcome did not stand has to
 * know. Listed as the commitment's status: kept (the later) and the other. With `only`, the events the merge looked at.
 */
export function outcomeConflicts(base: TableRows, ours: TableRows, theirs: TableRows, only: Candidates): FoundConflict[] {
  const keys = only ? [...(only.get('commitment_events') ?? [])] : null;
  const mine = added(ours, theirs, base, keys ?? ours.keys());
  if (mine.size === 0) return [];
  const found: FoundConflict[] = [];
  for (const [commitment, other] of added(theirs, ours, base, keys ?? theirs.keys())) {
    const own = mine.get(commitment);
    if (!own || own.status === other.status) continue;
    const [kept, lost] = later(own, other) ? [own, other] : [other, own];
    found.push({ entity: 'commitments', id: commitment, field: 'status', kept: kept.status, other: lost.status });
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
