import type { Statement } from 'better-sqlite3';
import type { Sql } from '../query';
import { ARCHIVE_TABLES, type ArchiveTable } from './archive-tables';

/**
 * A row exactly as SQLite holds it. The archive is the one place that deals in raw rows of every
 * table, not domain types: its format is "each table's rows as stored", and an import merges rows
 * by id and column, checked against the columns SQLite reports.
 */
export type ArchiveRow = Record<string, string | number | null>;

export interface ColumnInfo {
  name: string;
  type: 'INTEGER' | 'TEXT' | 'REAL';
  notNull: boolean;
  /** The column's DEFAULT as SQLite reports it (SQL text), or null. */
  defaultSql: string | null;
}

export interface ForeignKeyViolation {
  table: string;
  rowId: number | null;
  parent: string;
  column: string;
  /** The parent's column the row's `column` names. */
  parentColumn: string;
}

const KNOWN = new Set(ARCHIVE_TABLES.map((t) => t.table));
/** Identifiers come from ARCHIVE_TABLES and PRAGMA table_info only; quoting is belt and braces. */
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function known(table: string): string {
  if (!KNOWN.has(table)) throw new Error(`Not an archive table: ${table}`);
  return q(table);
}

/**
 * Generic reads and writes over the tables of ARCHIVE_TABLES: the team archive moves whole
 * rows, so its SQL is built from the table list and the columns SQLite reports, with every
 * value bound as a parameter.
 */
export class ArchiveRepository {
  private readonly columnCache = new Map<string, ColumnInfo[]>();
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly sql: Sql) {}

  /** An import runs the same few statements once per row: prepared once each. */
  private prepare(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sql.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  columns(table: string): ColumnInfo[] {
    let cols = this.columnCache.get(table);
    if (!cols) {
      const rows = this.sql.db.prepare(`PRAGMA table_info(${known(table)})`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
      }[];
      cols = rows.map((r) => ({
        name: r.name,
        type: r.type.toUpperCase() as ColumnInfo['type'],
        notNull: r.notnull === 1,
        defaultSql: r.dflt_value,
      }));
      this.columnCache.set(table, cols);
    }
    return cols;
  }

  /** Columns of `table` that refer to `target`. */
  referencesTo(table: string, target: string): string[] {
    const rows = this.sql.db.prepare(`PRAGMA foreign_key_list(${known(table)})`).all() as { table: string; from: string }[];
    return rows.filter((r) => r.table === target).map((r) => r.from);
  }

  teamRows(spec: ArchiveTable, teamId: string): ArchiveRow[] {
    const order = spec.key.map((k) => `t.${q(k)}`).join(', ');
    return this.sql.db
      .prepare(`SELECT t.* FROM ${known(spec.table)} t WHERE ${spec.scope} ORDER BY ${order}`)
      .all({ team: teamId }) as ArchiveRow[];
  }

  /** The keys (as rows of key columns) of one table's rows of the team: lighter than teamRows where only membership matters. */
  teamKeys(spec: ArchiveTable, teamId: string): ArchiveRow[] {
    return this.sql.db
      .prepare(`SELECT ${spec.key.map((k) => `t.${q(k)}`).join(', ')} FROM ${known(spec.table)} t WHERE ${spec.scope}`)
      .all({ team: teamId }) as ArchiveRow[];
  }

  /** The first reference of `row` that finds no parent row, or null: checks the rows a sync wrote without scanning the whole file. */
  missingParent(table: string, row: ArchiveRow): { parent: string; column: string } | null {
    for (const fk of this.foreignKeys(table)) {
      const value = row[fk.from];
      if (value === null || value === undefined) continue;
      if (!this.prepare(`SELECT 1 FROM ${q(fk.table)} WHERE ${q(fk.to ?? 'id')} = ?`).get(value))
        return { parent: fk.table, column: fk.from };
    }
    return null;
  }

  private readonly foreignKeyCache = new Map<string, { table: string; from: string; to: string | null }[]>();

  private foreignKeys(table: string): { table: string; from: string; to: string | null }[] {
    let fks = this.foreignKeyCache.get(table);
    if (!fks) {
      fks = this.sql.db.prepare(`PRAGMA foreign_key_list(${known(table)})`).all() as { table: string; from: string; to: string | null }[];
      this.foreignKeyCache.set(table, fks);
    }
    return fks;
  }

  find(spec: ArchiveTable, row: ArchiveRow): ArchiveRow | undefined {
    const where = spec.key.map((k) => `${q(k)} = ?`).join(' AND ');
    return this.prepare(`SELECT * FROM ${known(spec.table)} WHERE ${where}`).get(...spec.key.map((k) => row[k])) as ArchiveRow | undefined;
  }

  insert(table: string, row: ArchiveRow, columns: readonly string[]): void {
    const names = columns.map(q).join(', ');
    const marks = columns.map(() => '?').join(', ');
    this.prepare(`INSERT INTO ${known(table)} (${names}) VALUES (${marks})`).run(...columns.map((c) => row[c] ?? null));
  }

  update(spec: ArchiveTable, row: ArchiveRow, columns: readonly string[]): void {
    const set = columns.filter((c) => !spec.key.includes(c));
    if (set.length === 0) return;
    const where = spec.key.map((k) => `${q(k)} = ?`).join(' AND ');
    this.prepare(`UPDATE ${known(spec.table)} SET ${set.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${where}`).run(
      ...set.map((c) => row[c] ?? null),
      ...spec.key.map((k) => row[k]),
    );
  }

  /** Only the git sync removes rows, and only those the domain itself removes (see services/sync/merge-rows.ts). */
  delete(spec: ArchiveTable, row: ArchiveRow): void {
    const where = spec.key.map((k) => `${q(k)} = ?`).join(' AND ');
    this.prepare(`DELETE FROM ${known(spec.table)} WHERE ${where}`).run(...spec.key.map((k) => row[k]));
  }

  schemaVersion(): number {
    return this.sql.db.pragma('user_version', { simple: true }) as number;
  }

  /** Built-in agenda templates (ids differ per computer; their keys do not). */
  builtinTemplates(): { id: string; key: string }[] {
    return this.sql.db
      .prepare('SELECT id, builtin_key AS key FROM agenda_templates WHERE builtin_key IS NOT NULL ORDER BY builtin_key')
      .all() as { id: string; key: string }[];
  }

  /** Lets a transaction write rows before the rows they refer to; SQLite checks at commit (and resets this). */
  deferForeignKeys(): void {
    this.sql.db.pragma('defer_foreign_keys = ON');
  }

  foreignKeyViolations(limit = 5): ForeignKeyViolation[] {
    const rows = this.sql.db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string; fkid: number }[];
    return rows.slice(0, limit).map((r) => {
      const fks = this.sql.db.pragma(`foreign_key_list(${q(r.table)})`) as { id: number; from: string; to: string | null }[];
      const fk = fks.find((f) => f.id === r.fkid);
      return { table: r.table, rowId: r.rowid, parent: r.parent, column: fk?.from ?? '?', parentColumn: fk?.to ?? 'id' };
    });
  }

  /** The id of the row a violation found: by its rowid, or in a table without one, the first row naming no parent. */
  idOfViolation(v: ForeignKeyViolation): string | null {
    if (!KNOWN.has(v.table) || !KNOWN.has(v.parent) || !this.columns(v.table).some((c) => c.name === 'id')) return null;
    const row = (
      v.rowId !== null
        ? this.sql.db.prepare(`SELECT id FROM ${known(v.table)} WHERE rowid = ?`).get(v.rowId)
        : this.sql.db
            .prepare(
              `SELECT id FROM ${known(v.table)} WHERE ${q(v.column)} IS NOT NULL AND ${q(v.column)} NOT IN (SELECT ${q(v.parentColumn)} FROM ${known(v.parent)}) LIMIT 1`,
            )
            .get()
    ) as { id: string } | undefined;
    return row?.id ?? null;
  }
}
