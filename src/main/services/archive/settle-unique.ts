import type { Repositories } from '../../db/repositories';
import type { ArchiveRow } from '../../db/repositories/archive-repository';
import type { ArchiveTable } from '../../db/repositories/archive-tables';
import { conflictWords } from '../sync/conflict-words';
import type { FoundConflict } from '../sync/merge-rows';
import type { TableRows } from '../sync/team-state';
import { SETTLED_TABLES, settleUniqueRows } from '../sync/unique-rows';
import type { ImportPlan } from './archive-import';
import { decide } from './merge-rule';

type Write = (table: string, key: string, fn: () => void) => void;

interface View {
  spec: ArchiveTable;
  here: Map<string, ArchiveRow>;
  /** Each key's row as the import will leave it: the archive's where it is added or wins, else the one here. */
  rows: TableRows;
}

const keyOf = (spec: ArchiveTable, row: ArchiveRow) => JSON.stringify(spec.key.map((k) => row[k]));

/** An agreement version is never updated (a trigger refuses it): one whose number moves is taken out and written again. */
const REWRITTEN = new Set(['agreement_versions']);

/**
 * Before an archive's rows are written: a team changed apart here and where the archive was made may hold two rows
 * where the database holds one per team (two active roles of one name, two agreement versions of one number, a
 * leftover carried twice, two ratings of one attendee), and SQLite would refuse the import. The rows here and the
 * archive's, merged as the import will write them, are settled by the same rules as a sync's merge (unique-rows.ts),
 * so the two computers end as a sync would leave them. Rows here the rules change are written now (inside the
 * import's transaction); the archive's are changed or left out in the plan it answers. Answers the plan to write and
 * what a person should know, in words (a role renamed, an agreement edit moved up a version).
 */
export function settleBeforeImport(repos: Repositories, plan: ImportPlan, write: Write): { plan: ImportPlan; settled: string[] } {
  const views = mergedViews(repos, plan);
  const tables = new Map([...views].map(([table, view]) => [table, new Map(view.rows)]));
  const found: FoundConflict[] = [];
  const changed = settleUniqueRows(tables, found, null);
  const replaced = new Map<string, Map<string, ArchiveRow | null>>();
  const deletes: (() => void)[] = [];
  const updates: (() => void)[] = [];
  const inserts: (() => void)[] = [];
  for (const [table, keys] of changed) {
    const { spec, here, rows } = views.get(table)!;
    const columns = repos.archive.columns(table).map((c) => c.name);
    const plans = new Map<string, ArchiveRow | null>();
    replaced.set(table, plans);
    for (const key of new Set(keys)) {
      const next = tables.get(table)!.get(key)?.row;
      const local = here.get(key);
      // The archive's copy is written as settled, or not at all: the row here, if any, then already is what it should be.
      plans.set(key, next ?? null);
      if (!local) continue;
      const keptHere = rows.get(key)!.row === local;
      if (!next) deletes.push(() => write(table, key, () => repos.archive.delete(spec, local)));
      else if (!keptHere) continue;
      else if (REWRITTEN.has(table)) {
        deletes.push(() => write(table, key, () => repos.archive.delete(spec, local)));
        inserts.push(() => write(table, key, () => repos.archive.insert(table, next, columns)));
      } else updates.push(() => write(table, key, () => repos.archive.update(spec, next, columns)));
    }
  }
  // A row taking a number or a name never meets the row giving it up: every removal first, then changes in place.
  for (const step of [...deletes, ...updates, ...inserts]) step();
  return {
    plan: {
      ...plan,
      tables: plan.tables.map((t) => {
        const plans = replaced.get(t.spec.table);
        if (!plans) return t;
        const rows = t.rows.flatMap((row) => {
          const key = keyOf(t.spec, row);
          if (!plans.has(key)) return [row];
          const next = plans.get(key);
          return next ? [{ ...next }] : [];
        });
        return { ...t, rows };
      }),
    },
    settled: found.map((c) => conflictWords(c, tables)),
  };
}

/**
 * The settled tables (and the tables they follow) as the import will leave them before any rule: each archive row
 * merged with the row here by the import's own rule (merge-rule.ts), in the order the import writes the tables.
 */
function mergedViews(repos: Repositories, plan: ImportPlan): Map<string, View> {
  const teamId = plan.team.id;
  const settled = new Set(SETTLED_TABLES);
  const followed = new Set(
    plan.tables.flatMap(({ spec }) => (settled.has(spec.table) && spec.merge.kind === 'follows' ? [spec.merge.parent] : [])),
  );
  const taken = new Map<string, Set<string>>();
  const views = new Map<string, View>();
  for (const { spec, columns, rows } of plan.tables) {
    if (!settled.has(spec.table) && !followed.has(spec.table)) continue;
    const here = new Map(repos.archive.teamRows(spec, teamId).map((r) => [keyOf(spec, r), r]));
    const merged: TableRows = new Map([...here].map(([key, row]) => [key, { row, stamp: '' }]));
    const won = new Set<string>();
    for (const row of rows) {
      const key = keyOf(spec, row);
      const outcome = decide(spec.merge, here.get(key), row, columns, taken);
      if (outcome === 'insert' || outcome === 'update') merged.set(key, { row, stamp: '' });
      if (outcome === 'update') won.add(key);
    }
    taken.set(spec.table, won);
    if (settled.has(spec.table)) views.set(spec.table, { spec, here, rows: merged });
  }
  return views;
}
