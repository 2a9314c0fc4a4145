import type { ArchiveRow } from '../../db/repositories/archive-repository';
import type { MergeRule } from '../../db/repositories/archive-tables';

export type Outcome = 'insert' | 'unchanged' | 'update' | 'conflict';

export function sameRow(a: ArchiveRow, b: ArchiveRow, columns: readonly string[]): boolean {
  return columns.every((c) => (a[c] ?? null) === (b[c] ?? null));
}

/**
 * The merge rule, for a row of the archive whose key may already be here (ARCHIVE_MERGE_RULE
 * says it in words). Nothing here is ever deleted, and a second import of the same archive finds
 * every row unchanged.
 * - not here: insert it;
 * - here and the same: unchanged;
 * - history (events, positions, amendments, tags): written once, so a difference is a conflict and what is here stays;
 * - newer: the row with the later `updated_at` wins; a tie with different content is a conflict (what is here stays);
 * - follows: taken from the archive when the row it belongs to was (its parent's archive copy was newer), else a conflict;
 * - local: no version to compare, so what is here stays and the difference is counted.
 * `taken` holds, per table, the keys whose archive copy replaced the one here in this import.
 */
export function decide(
  rule: MergeRule,
  local: ArchiveRow | undefined,
  incoming: ArchiveRow,
  columns: readonly string[],
  taken: ReadonlyMap<string, ReadonlySet<string>>,
): Outcome {
  if (!local) return 'insert';
  if (sameRow(local, incoming, columns)) return 'unchanged';
  switch (rule.kind) {
    case 'newer':
      // A rating the archive carries without its rater and instant (an anonymous one was in its meeting) is
      // this computer's named rating seen from elsewhere: nothing to take, nothing in conflict.
      if (incoming[rule.column] === null && local[rule.column] !== null) return 'unchanged';
      return Number(incoming[rule.column]) > Number(local[rule.column]) ? 'update' : 'conflict';
    case 'follows':
      return taken.get(rule.parent)?.has(JSON.stringify([incoming[rule.column]])) ? 'update' : 'conflict';
    case 'history':
    case 'local':
      return 'conflict';
  }
}
