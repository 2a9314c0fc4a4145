import { ARCHIVE_MERGE_RULE, type ArchiveImportSummary, type ArchiveTableCount } from '@shared/archive';
import { DomainError } from '@shared/result';
import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES, type ArchiveTable } from '../../db/repositories/archive-tables';
import { describeRowError, parseHeader, rowSchema } from './archive-format';
import { checkArchivedNumbers, settleDecisionNumbers } from './decision-numbers';
import { splitPlanFromNotes } from './archive-upgrade';
import { decide } from './merge-rule';
import { writeOrRefuse } from './rule-broken';
import { settleBeforeImport } from './settle-unique';

export interface ImportPlan {
  team: { id: string; name: string };
  tables: { spec: ArchiveTable; columns: string[]; rows: ArchiveRow[] }[];
}

const keyOf = (spec: ArchiveTable, row: ArchiveRow) => JSON.stringify(spec.key.map((k) => row[k]));
const refused = (message: string) => new DomainError('conflict', `${message} Nothing was imported.`);

/** Reads and checks the whole archive without writing anything. */
export function planImport(repos: Repositories, content: string): ImportPlan {
  const head = parseHeader(content, repos.archive.schemaVersion());
  const known = new Set(ARCHIVE_TABLES.map((t) => t.table));
  const unknown = Object.keys(head.tables).find((t) => !known.has(t));
  if (unknown)
    throw new DomainError('invalid_input', `The archive holds a table this Cadence does not know (${unknown}). Nothing was imported.`);
  // Built-in templates have an id of their own on every computer: point at this one's, by key.
  const localBuiltins = new Map(repos.archive.builtinTemplates().map((b) => [b.key, b.id]));
  const builtinIds = new Map<string, string>();
  for (const b of head.builtinTemplates) {
    const here = localBuiltins.get(b.key);
    if (!here) throw refused(`The archive uses a built-in agenda template this Cadence does not have (${b.key}).`);
    builtinIds.set(b.id, here);
  }
  const tables = ARCHIVE_TABLES.map((spec) => {
    const cols = repos.archive.columns(spec.table);
    const schema = rowSchema(cols);
    const templateRefs = repos.archive.referencesTo(spec.table, 'agenda_templates');
    const seen = new Set<string>();
    const rows = (head.tables[spec.table] ?? []).map((raw, index) => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success)
        throw new DomainError('invalid_input', `${describeRowError(spec.table, index, parsed.error)} Nothing was imported.`);
      const row = parsed.data;
      for (const c of templateRefs) if (typeof row[c] === 'string' && builtinIds.has(row[c])) row[c] = builtinIds.get(row[c])!;
      const key = keyOf(spec, row);
      if (seen.has(key))
        throw new DomainError(
          'invalid_input',
          `${spec.table} row ${index + 1} repeats a row of the archive (${key}). Nothing was imported.`,
        );
      seen.add(key);
      return row;
    });
    if (spec.table === 'decisions') checkArchivedNumbers(rows);
    return { spec, columns: cols.map((c) => c.name), rows };
  });
  const rowsOf = (table: string) => tables.find((t) => t.spec.table === table)?.rows ?? [];
  splitPlanFromNotes(head.schemaVersion, rowsOf('agenda_items'), rowsOf('live_actions'));
  const teams = tables[0]!.rows;
  if (teams.length !== 1 || teams[0]!.id !== head.team.id)
    throw new DomainError('invalid_input', 'The archive must hold exactly its own team’s row. Nothing was imported.');
  return { team: { id: head.team.id, name: String(teams[0]!.name) }, tables };
}

/**
 * Writes a checked archive in one transaction: the rows held once per team settled as a sync
 * settles them (settle-unique.ts), every row merged by the rule in merge-rule.ts, then every row proved to belong to the team and every reference proved to resolve, or all of
 * it is rolled back. The full-text index of decisions follows by its triggers.
 */
export function applyImport(repos: Repositories, checked: ImportPlan, backupName: string): ArchiveImportSummary {
  const teamId = checked.team.id;
  return repos.sql.transaction(() => {
    const isNew = !repos.teams.find(teamId);
    repos.archive.deferForeignKeys();
    // Rows held once per team that were made apart here and in the archive are settled as a sync settles them.
    const { plan, settled } = settleBeforeImport(repos, checked, write);
    const taken = new Map<string, Set<string>>();
    const counts: ArchiveTableCount[] = [];
    const conflicts: { table: string; key: string }[] = [];
    const merged: ImportPlan['tables'][number][] = [];
    for (const { spec, columns, rows: all } of plan.tables) {
      if (spec.table === 'decisions') settleDecisionNumbers(repos, spec, teamId, all);
      const rows = spec.table === 'live_actions' ? stepsOfLiveMeetings(repos, all) : all;
      merged.push({ spec, columns, rows });
      const here = new Map(repos.archive.teamRows(spec, teamId).map((r) => [keyOf(spec, r), r]));
      const count = { table: spec.table, inserted: 0, updated: 0, unchanged: 0, conflicts: 0 };
      const won = new Set<string>();
      for (const row of rows) {
        const key = keyOf(spec, row);
        const local = here.get(key);
        if (!local && repos.archive.find(spec, row)) throw refused(`${spec.table} ${key} already exists on this computer in another team.`);
        const outcome = decide(spec.merge, local, row, columns, taken);
        if (outcome === 'insert') {
          write(spec.table, key, () => repos.archive.insert(spec.table, row, columns));
          count.inserted++;
        } else if (outcome === 'update') {
          write(spec.table, key, () => repos.archive.update(spec, row, columns));
          won.add(key);
          count.updated++;
        } else if (outcome === 'unchanged') count.unchanged++;
        else {
          count.conflicts++;
          if (conflicts.length < 20) conflicts.push({ table: spec.table, key });
        }
      }
      taken.set(spec.table, won);
      counts.push(count);
    }
    checkBelongs(repos, { ...plan, tables: merged });
    checkReferences(repos);
    // A meeting running here that the archive holds ended (and newer) has ended here now: its steps go, as at its end.
    repos.live.forgetActionsOfMeetingsNotLive();
    const sum = (k: 'inserted' | 'updated' | 'unchanged' | 'conflicts') => counts.reduce((n, c) => n + c[k], 0);
    return {
      team: { ...plan.team, isNew },
      backupName,
      tables: counts,
      totals: { inserted: sum('inserted'), updated: sum('updated'), unchanged: sum('unchanged'), conflicts: sum('conflicts') },
      conflicts,
      settled,
      rule: ARCHIVE_MERGE_RULE,
    };
  });
}

/**
 * The undo steps of meetings running here once the archive's meetings are merged: the log keeps no other (migration
 * 023). An archive of a Cadence before it carries every meeting's steps (their plan was split off in planImport).
 */
function stepsOfLiveMeetings(repos: Repositories, rows: ArchiveRow[]): ArchiveRow[] {
  const live = repos.live.liveMeetingIds();
  return rows.filter((row) => live.has(String(row.meeting_id)));
}

function write(table: string, key: string, fn: () => void): void {
  writeOrRefuse(table, key, fn, refused);
}

/** A row written that is not the team's once written (a member of another team, a meeting's attendee elsewhere) is refused. */
function checkBelongs(repos: Repositories, plan: ImportPlan): void {
  for (const { spec, rows } of plan.tables) {
    if (rows.length === 0) continue;
    const inTeam = new Set(repos.archive.teamRows(spec, plan.team.id).map((r) => keyOf(spec, r)));
    const stray = rows.find((r) => !inTeam.has(keyOf(spec, r)));
    if (stray) throw refused(`${spec.table} ${keyOf(spec, stray)} in the archive does not belong to the team “${plan.team.name}”.`);
  }
}

function checkReferences(repos: Repositories): void {
  const [first] = repos.archive.foreignKeyViolations(1);
  if (!first) return;
  const id = repos.archive.idOfViolation(first);
  throw refused(
    `A ${first.table} row${id ? ` (${id})` : ''} refers to a ${first.parent} row (${first.column}) that is neither in the archive nor on this computer.`,
  );
}
