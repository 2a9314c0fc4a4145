import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES } from '../../db/repositories/archive-tables';
import { stableJson } from './stable-json';
import type { SyncConflict } from './sync-data';
import type { StampedRow, TeamState } from './team-state';
import type { ParsedFiles, ParsedRow } from './tree-read';

/**
 * Where each row lives in the tree: one file per aggregate (a meeting with its agenda, attendance,
 * turns, ratings and amendments; a decision with its tags, positions, objections and amendments; a
 * commitment with its events; a member, a role, an agreement version with theirs; a series, a
 * template, a parking-lot item), one row per line, so a code host shows a change as the lines of
 * the rows it touched.
 */
export const TREE_ROOT = 'cadence';
export const FORMAT_PATH = `${TREE_ROOT}/format.json`;
export const CONFLICTS_PATH = `${TREE_ROOT}/conflicts.jsonl`;
export const TEAM_PATH = `${TREE_ROOT}/team.jsonl`;
export const SYNC_FORMAT = 'cadence.team-sync';
export const SYNC_FORMAT_VERSION = 1;
/** Far above any real aggregate (a ten-year meeting file is a few hundred KB); a larger file is refused unread. */
export const MAX_FILE_CHARS = 8 * 1024 * 1024;

const FOLDERS = ['members', 'templates', 'series', 'meetings', 'parking-lot', 'decisions', 'commitments', 'agreements', 'roles'] as const;
/** An aggregate file: its folder and its root row's id (ids are UUIDs; nothing that could leave the folder). */
export const AGGREGATE_PATH = new RegExp(`^${TREE_ROOT}/(${FOLDERS.join('|')})/([A-Za-z0-9_-]{1,100})\\.jsonl$`);

/** Finds the row of a table by id among the rows being laid out (a turn's file is its agenda item's meeting's). */
export type Lookup = (table: string, id: unknown) => ArchiveRow | undefined;
type Place = (row: ArchiveRow, find: Lookup) => string | null;

const file = (folder: (typeof FOLDERS)[number], id: unknown) => (typeof id === 'string' ? `${TREE_ROOT}/${folder}/${id}.jsonl` : null);
const own =
  (folder: (typeof FOLDERS)[number]): Place =>
  (row) =>
    file(folder, row.id);
const via =
  (folder: (typeof FOLDERS)[number], column: string): Place =>
  (row) =>
    file(folder, row[column]);

const PLACES: Record<string, Place> = {
  teams: () => TEAM_PATH,
  members: own('members'),
  member_events: via('members', 'member_id'),
  agenda_templates: own('templates'),
  agenda_template_items: via('templates', 'template_id'),
  meeting_series: own('series'),
  meetings: own('meetings'),
  attendees: via('meetings', 'meeting_id'),
  agenda_items: via('meetings', 'meeting_id'),
  turns: (row, find) => file('meetings', find('agenda_items', row.agenda_item_id)?.meeting_id),
  live_actions: via('meetings', 'meeting_id'),
  parking_lot_items: own('parking-lot'),
  old_business: via('meetings', 'meeting_id'),
  decisions: own('decisions'),
  decision_tags: via('decisions', 'decision_id'),
  positions: via('decisions', 'decision_id'),
  objections: via('decisions', 'decision_id'),
  commitments: own('commitments'),
  commitment_events: via('commitments', 'commitment_id'),
  amendments: (row) => file(row.entity_type === 'meeting' ? 'meetings' : 'decisions', row.entity_id),
  meeting_feedback: via('meetings', 'meeting_id'),
  agreement_versions: own('agreements'),
  agreement_revisits: via('agreements', 'version_id'),
  agreement_on_projector: via('meetings', 'meeting_id'),
  roles: own('roles'),
  role_events: via('roles', 'role_id'),
};

// A team-owned table added to the archive without a place here would silently not sync: stop at start-up instead.
for (const spec of ARCHIVE_TABLES) if (!PLACES[spec.table]) throw new Error(`The sync tree has no file for ${spec.table}`);

/** The file of an aggregate the change log names (migration 017: folder `team` is the team's own file). */
export const aggregateFile = (folder: string, id: string): string => (folder === 'team' ? TEAM_PATH : `${TREE_ROOT}/${folder}/${id}.jsonl`);

export const TABLE_ORDER = new Map(ARCHIVE_TABLES.map((spec, i) => [spec.table, i]));

/** The file a row belongs in (null when it refers to a parent that is not in the tree). */
export function placeOf(table: string, row: ArchiveRow, find: Lookup): string | null {
  const path = PLACES[table]!(row, find);
  return path === null || path === TEAM_PATH || AGGREGATE_PATH.test(path) ? path : null;
}

export function lookupIn(state: TeamState): Lookup {
  return (table, id) => state.tables.get(table)?.get(JSON.stringify([id]))?.row;
}

export const rowLine = (table: string, { row, stamp }: StampedRow): string => stableJson({ row, stamp, table });
export const conflictLine = (c: SyncConflict): string => stableJson(c);

export interface LaidLine {
  order: number;
  table: string;
  key: string;
  stamped: StampedRow;
}

/** The file's rows are those `previous` was read or written from (same order, stamps and values), so its text is theirs. */
function sameRows(sorted: readonly LaidLine[], previous: { rows: readonly ParsedRow[] } | undefined): boolean {
  if (previous?.rows.length !== sorted.length) return false;
  return sorted.every((l, i) => {
    const p = previous.rows[i]!;
    return (
      p.table === l.table &&
      p.key === l.key &&
      p.stamp === l.stamped.stamp &&
      (p.row === l.stamped.row || sameRowValues(p.row, l.stamped.row))
    );
  });
}

/** Same columns and values (a column missing is not one holding null here: the line would differ). */
export function sameRowValues(a: ArchiveRow, b: ArchiveRow): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!(k in b) || a[k] !== b[k]) return false;
  return true;
}

/**
 * The files of a team's state, each line in table order then key order: the same state is always the
 * same bytes. `parsed`, when given, receives each file's rows as reading the file back would give them.
 * `previous` (files read or written before, by path) lends its text to a file whose rows have not
 * changed, so an incremental sync serialises only the aggregates that did.
 */
export function layOut(state: TeamState, parsed?: ParsedFiles, previous?: ParsedFiles): Map<string, string> {
  const lines = new Map<string, LaidLine[]>();
  const find = lookupIn(state);
  for (const [table, rows] of state.tables) {
    for (const [key, stamped] of rows) {
      const path = placeOf(table, stamped.row, find);
      if (path === null) throw new Error(`${table} ${key} has no file in the sync tree`);
      let list = lines.get(path);
      if (!list) lines.set(path, (list = []));
      list.push({ order: TABLE_ORDER.get(table)!, table, key, stamped });
    }
  }
  const files = new Map<string, string>();
  if (lines.size === 0) return files;
  files.set(FORMAT_PATH, FORMAT_TEXT);
  for (const path of [...lines.keys()].sort()) {
    const laid = laidFile(lines.get(path)!, previous?.get(path));
    files.set(path, laid.text);
    parsed?.set(path, laid);
  }
  if (state.conflicts.length > 0) files.set(CONFLICTS_PATH, conflictsText(state.conflicts));
  return new Map([...files].sort(byPath));
}

export const FORMAT_TEXT = `${stableJson({ format: SYNC_FORMAT, version: SYNC_FORMAT_VERSION })}\n`;

export const byPath = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

const byOrder = (a: LaidLine, b: LaidLine) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** One file of rows, in table then key order (sorts `lines` in place), its text lent by `before` when its rows are those. */
export function laidFile(lines: LaidLine[], before?: { text: string; rows: readonly ParsedRow[] }): { text: string; rows: ParsedRow[] } {
  const sorted = lines.sort(byOrder);
  const text = before && sameRows(sorted, before) ? before.text : `${sorted.map((l) => rowLine(l.table, l.stamped)).join('\n')}\n`;
  return { text, rows: sorted.map((l, n) => ({ table: l.table, key: l.key, row: l.stamped.row, stamp: l.stamped.stamp, n: n + 1 })) };
}

export const conflictsText = (conflicts: readonly SyncConflict[]) => `${sortConflicts(conflicts).map(conflictLine).join('\n')}\n`;

export function sortConflicts(list: readonly SyncConflict[]): SyncConflict[] {
  return [...list].sort((a, b) => {
    const x = conflictLine(a);
    const y = conflictLine(b);
    return a.at - b.at || (x < y ? -1 : x > y ? 1 : 0);
  });
}
