import { z } from 'zod';
import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES } from '../../db/repositories/archive-tables';
import { rowSchema } from '../archive/archive-format';
import { MAX_DECISION_NUMBER } from '../archive/decision-numbers';
import { STAMP_PATTERN } from './hlc';
import type { SyncConflict, TreeFiles } from './sync-data';
import { SyncRefused } from './sync-refused';
import { templateColumns } from './team-rows';
import { BUILTIN_PREFIX, keyOf, type TableRows, type TeamState } from './team-state';
import {
  AGGREGATE_PATH,
  CONFLICTS_PATH,
  FORMAT_PATH,
  MAX_FILE_CHARS,
  SYNC_FORMAT,
  SYNC_FORMAT_VERSION,
  TEAM_PATH,
  lookupIn,
  placeOf,
} from './tree-layout';

const TABLES = ARCHIVE_TABLES.map((t) => t.table) as [string, ...string[]];
const SPECS = new Map(ARCHIVE_TABLES.map((spec) => [spec.table, spec]));

/**
 * The line and format schemas, built at the first tree read rather than when the module loads: every start of the
 * app loads this module (the services import it), and building them there cost the first screen some 10 ms.
 */
const treeSchemas = () => ({
  formatFile: z.object({ format: z.literal(SYNC_FORMAT), version: z.number().int().min(1) }).strict(),
  rowLine: z.object({ row: z.record(z.string(), z.unknown()), stamp: z.string().regex(STAMP_PATTERN), table: z.enum(TABLES) }).strict(),
  conflictLine: z
    .object({
      at: z.number().int().min(0),
      entity: z.enum(TABLES),
      field: z.string().min(1).max(100),
      id: z.string().min(1).max(300),
      kept: z.unknown(),
      other: z.unknown(),
    })
    .strict(),
});
let built: ReturnType<typeof treeSchemas> | undefined;
const lineSchemas = () => (built ??= treeSchemas());

/** "cadence/members/x.jsonl line 3: name is missing" */
function issueText(error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return `a field Cadence does not know (${issue.keys.join(', ')})`;
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

function lines(path: string, text: string): { n: number; value: unknown }[] {
  if (!text.endsWith('\n')) throw new SyncRefused(`${path} does not end with a new line: it may be cut short.`);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line, i) => {
      try {
        return { n: i + 1, value: JSON.parse(line) as unknown };
      } catch {
        throw new SyncRefused(`${path} line ${i + 1} is not JSON.`);
      }
    });
}

/** One file's rows, checked; kept by text so a file read at the last sync (or written by it) is not parsed again. */
export interface ParsedRow {
  table: string;
  key: string;
  row: ArchiveRow;
  stamp: string;
  n: number;
}
export type ParsedFiles = Map<string, { text: string; rows: readonly ParsedRow[] }>;

/** The checks of one line that depend on nothing but the line: its shape, its columns, its team, its template, its number. */
function rowChecks(repos: Repositories, teamId: string): (path: string, n: number, value: unknown) => ParsedRow {
  const builtins = new Set(repos.archive.builtinTemplates().map((b) => b.key));
  const refs = templateColumns(repos);
  const schemas = new Map(ARCHIVE_TABLES.map((spec) => [spec.table, rowSchema(repos.archive.columns(spec.table))]));
  const { rowLine } = lineSchemas();
  return (path, n, value) => {
    const line = rowLine.safeParse(value);
    if (!line.success) throw new SyncRefused(`${path} line ${n}: ${issueText(line.error)}.`);
    const { table, stamp } = line.data;
    const parsed = schemas.get(table)!.safeParse(line.data.row);
    if (!parsed.success) throw new SyncRefused(`${path} line ${n} (${table}): ${issueText(parsed.error)}.`);
    const row: ArchiveRow = parsed.data;
    for (const c of refs.get(table)!) {
      const ref = row[c];
      if (typeof ref === 'string' && ref.startsWith(BUILTIN_PREFIX) && !builtins.has(ref.slice(BUILTIN_PREFIX.length)))
        throw new SyncRefused(`${path} line ${n} uses a built-in agenda template this Cadence does not have (${ref}).`);
    }
    if (table === 'decisions' && typeof row.number === 'number' && (row.number < 1 || row.number > MAX_DECISION_NUMBER))
      throw new SyncRefused(`${path} line ${n}: the decision number ${row.number} is not one Cadence gives (1 to ${MAX_DECISION_NUMBER}).`);
    if ('team_id' in row && row.team_id !== teamId)
      throw new SyncRefused(`${path} line ${n} is a ${table} row of another team (${String(row.team_id)}), not of this one (${teamId}).`);
    if (table === 'teams' && row.id !== teamId)
      throw new SyncRefused(`${path} line ${n} is another team (${String(row.id)}), not this one (${teamId}).`);
    return { table, key: keyOf(SPECS.get(table)!, row), row, stamp, n };
  };
}

/**
 * Reads a tree into a team's state, checking everything first and writing nothing: only known
 * files, none too large, a format this Cadence reads, each line a row of a known table with the
 * columns this database has, every row in the file it belongs in, no row twice, no row of another
 * team. `what` names the tree in messages ("The repository", "The last synced version").
 */
export function readTree(repos: Repositories, teamId: string, files: TreeFiles, what: string, cache?: ParsedFiles): TeamState {
  const tables = new Map<string, TableRows>(ARCHIVE_TABLES.map((spec) => [spec.table, new Map()]));
  const conflicts: SyncConflict[] = [];
  if (files.size === 0) return { tables, conflicts };
  for (const [path, text] of files)
    if (text.length > MAX_FILE_CHARS) throw new SyncRefused(`${what} holds ${path}, larger than Cadence ever writes (over 8 MB).`);
  const format = files.get(FORMAT_PATH);
  if (format === undefined) throw new SyncRefused(`${what} has files under cadence/ but no ${FORMAT_PATH}: it was not written by Cadence.`);
  const [head] = lines(FORMAT_PATH, format);
  const version = (head?.value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SYNC_FORMAT_VERSION)
    throw new SyncRefused(
      `${what} was written by a newer Cadence (sync format ${version}; this one reads up to ${SYNC_FORMAT_VERSION}). Update Cadence to sync this team.`,
    );
  const parsedFormat = lineSchemas().formatFile.safeParse(head?.value);
  if (!parsedFormat.success) throw new SyncRefused(`${FORMAT_PATH} is not as Cadence writes it (${issueText(parsedFormat.error)}).`);

  refuseOtherTeam(repos, teamId, files.get(TEAM_PATH), what);
  const check = rowChecks(repos, teamId);
  const where = new Map<string, { path: string; n: number }>();
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (path === FORMAT_PATH) continue;
    if (path === CONFLICTS_PATH) {
      for (const { n, value } of lines(path, text)) {
        const parsed = lineSchemas().conflictLine.safeParse(value);
        if (!parsed.success) throw new SyncRefused(`${path} line ${n}: ${issueText(parsed.error)}.`);
        conflicts.push(parsed.data as SyncConflict);
      }
      continue;
    }
    if (path !== TEAM_PATH && !AGGREGATE_PATH.test(path))
      throw new SyncRefused(`${what} holds a file Cadence does not know: ${path}. Only Cadence's own files belong under cadence/.`);
    let parsed = cache?.get(path);
    if (parsed?.text !== text) {
      parsed = { text, rows: lines(path, text).map(({ n, value }) => check(path, n, value)) };
      cache?.set(path, parsed);
    }
    for (const { table, key, row, stamp, n } of parsed.rows) {
      const earlier = where.get(`${table}\n${key}`);
      if (earlier) throw new SyncRefused(`${path} line ${n} repeats the ${table} row ${key} of ${earlier.path} line ${earlier.n}.`);
      where.set(`${table}\n${key}`, { path, n });
      tables.get(table)!.set(key, { row, stamp });
    }
  }
  const state = { tables, conflicts };
  checkPlaces(state, where);
  return state;
}

/**
 * A repository holds one team: linking a team to another team's repository is said with both teams' names, before
 * its rows are checked one by one (the first of another team, in the first file by name, named only ids).
 */
function refuseOtherTeam(repos: Repositories, teamId: string, text: string | undefined, what: string): void {
  const line = text
    ? (lines(TEAM_PATH, text)[0]?.value as { table?: unknown; row?: { id?: unknown; name?: unknown } } | undefined)
    : undefined;
  const team = line?.table === 'teams' ? line.row : undefined;
  if (typeof team?.id !== 'string' || team.id === teamId || typeof team.name !== 'string') return;
  const here = repos.teams.find(teamId)?.name;
  throw new SyncRefused(
    `${what} holds another team, “${team.name}”, not ${here === undefined ? 'this one' : `“${here}”`}: a repository holds one team. ` +
      `Link this team to an empty repository; to have “${team.name}” on this laptop, run cadence sync link <address> without --team.`,
  );
}

/** Every row in the file it belongs in, so no file can carry rows of an aggregate it is not (nor of none). */
function checkPlaces(state: TeamState, where: ReadonlyMap<string, { path: string; n: number }>): void {
  const find = lookupIn(state);
  for (const [table, rows] of state.tables) {
    for (const [key, { row }] of rows) {
      const at = where.get(`${table}\n${key}`)!;
      const belongs = placeOf(table, row, find);
      if (belongs === null) throw new SyncRefused(`${at.path} line ${at.n} (${table}) refers to a row that is not in the tree.`);
      if (belongs !== at.path) throw new SyncRefused(`${at.path} line ${at.n} (${table}) belongs in ${belongs}.`);
    }
  }
  if (state.tables.get('teams')!.size !== 1) throw new SyncRefused(`The tree must hold its team's row in ${TEAM_PATH}.`);
}
