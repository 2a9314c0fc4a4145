import { rowsToVisit, type Candidates, type TeamState } from './team-state';
import {
  byPath,
  CONFLICTS_PATH,
  conflictsText,
  FORMAT_PATH,
  FORMAT_TEXT,
  laidFile,
  lookupIn,
  placeOf,
  sameRowValues,
  TABLE_ORDER,
  type LaidLine,
} from './tree-layout';
import type { ParsedFiles } from './tree-read';

/** A state as layOut laid it out: its files, and each file's rows as `parsed` received them. */
export interface LaidOut {
  state: TeamState;
  tree: ReadonlyMap<string, string>;
  parsed: ParsedFiles;
}

/**
 * What `layOut(next, parsed)` gives, worked out from an earlier state's layout: only the files holding a row that
 * was added, removed or changed (its stamp or a value) are laid out again, the others keep their text. After one
 * meeting that is a few files of a ten-year team's sixteen thousand. Null when that cannot be told row by row: an
 * agenda item moved to another meeting or removed (its turns' file follows it), or a table missing on one side.
 * Unchanged rows of `next` are replaced by `previous`'s equal ones, so the two states share them. With `only`, the rows
 * outside it are `previous`'s own: only those named are looked at.
 */
export function relayOut(
  previous: LaidOut,
  next: TeamState,
  only: Candidates = null,
): { tree: Map<string, string>; parsed: ParsedFiles } | null {
  const before = previous.state.tables;
  if (before.size !== next.tables.size) return null;
  const findBefore = lookupIn(previous.state);
  const findNext = lookupIn(next);
  /** Table and key of every row added, removed or changed. */
  const changed = new Set<string>();
  /** The files to lay out again, each with the changed rows it now holds. */
  const affected = new Map<string, LaidLine[]>();
  const touch = (path: string) => {
    let lines = affected.get(path);
    if (!lines) affected.set(path, (lines = []));
    return lines;
  };
  for (const [table, rows] of next.tables) {
    const was = before.get(table);
    if (!was) return null;
    for (const [key, stamped] of [...rowsToVisit(rows, table, only)]) {
      const old = was.get(key);
      if (old && old.stamp === stamped.stamp && (old.row === stamped.row || sameRowValues(old.row, stamped.row))) {
        rows.set(key, old);
        continue;
      }
      if (table === 'agenda_items' && old && old.row.meeting_id !== stamped.row.meeting_id) return null;
      changed.add(`${table}\n${key}`);
      if (old) touch(placeOf(table, old.row, findBefore)!);
      const path = placeOf(table, stamped.row, findNext);
      if (path === null) throw new Error(`${table} ${key} has no file in the sync tree`);
      touch(path).push({ order: TABLE_ORDER.get(table)!, table, key, stamped });
    }
    for (const [key, old] of rowsToVisit(was, table, only)) {
      if (rows.has(key)) continue;
      if (table === 'agenda_items') return null;
      changed.add(`${table}\n${key}`);
      touch(placeOf(table, old.row, findBefore)!);
    }
  }
  const parsed: ParsedFiles = new Map(previous.parsed);
  const texts = new Map<string, string>();
  for (const [path, added] of affected) {
    const lines = added;
    for (const r of previous.parsed.get(path)?.rows ?? [])
      if (!changed.has(`${r.table}\n${r.key}`))
        lines.push({ order: TABLE_ORDER.get(r.table)!, table: r.table, key: r.key, stamped: next.tables.get(r.table)!.get(r.key)! });
    if (lines.length === 0) {
      parsed.delete(path);
      continue;
    }
    const laid = laidFile(lines);
    parsed.set(path, laid);
    texts.set(path, laid.text);
  }
  const tree = new Map<string, string>();
  if (parsed.size === 0) return { tree, parsed };
  for (const [path, text] of previous.tree) {
    if (path === FORMAT_PATH || path === CONFLICTS_PATH) continue;
    if (!affected.has(path)) tree.set(path, text);
    else if (texts.has(path)) tree.set(path, texts.get(path)!);
  }
  for (const [path, text] of texts) if (!tree.has(path)) tree.set(path, text);
  tree.set(FORMAT_PATH, FORMAT_TEXT);
  if (next.conflicts.length > 0) tree.set(CONFLICTS_PATH, conflictsText(next.conflicts));
  // The order layOut gives (by path): new files, the format and the conflicts file were added last.
  return { tree: new Map([...tree].sort(byPath)), parsed };
}
