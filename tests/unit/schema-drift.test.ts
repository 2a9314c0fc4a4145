import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integer, nullable, text, type Columns } from '../../src/main/db/columns';
import { openDatabase } from '../../src/main/db/open-database';
import { tables } from '../../src/main/db/schema';

// The decision log's FTS5 index and its shadow tables are SQLite's own, queried in raw SQL.
const NOT_KYSELY = /^(sqlite_|decisions_fts)/;

interface TableInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

/** Every way the declared columns and the migrated tables differ, in words; empty when they agree. */
function drift(db: Database.Database, declared: Record<string, Columns>): string[] {
  const problems: string[] = [];
  const actual = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((name) => !NOT_KYSELY.test(name));
  for (const table of actual) if (!(table in declared)) problems.push(`${table}: a table the migrations create that schema.ts lacks`);
  for (const [table, columns] of Object.entries(declared)) {
    if (!actual.includes(table)) {
      problems.push(`${table}: declared in schema.ts, but no migration creates it`);
      continue;
    }
    const info = db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(table) as TableInfo[];
    for (const c of info) if (!(c.name in columns)) problems.push(`${table}.${c.name}: a column schema.ts lacks`);
    for (const [name, column] of Object.entries(columns)) {
      const c = info.find((i) => i.name === name);
      if (!c) {
        problems.push(`${table}.${name}: declared, but the table has no such column`);
        continue;
      }
      if (c.type.toUpperCase() !== column.type)
        problems.push(`${table}.${name}: declared ${column.type}, stored as ${c.type || 'no type'}`);
      // A primary key is never null here: ids are always given, and a NULL id would break every join.
      const storedNullable = c.notnull === 0 && c.pk === 0;
      if (storedNullable !== column.nullable) {
        problems.push(
          `${table}.${name}: declared ${column.nullable ? 'nullable' : 'NOT NULL'}, stored ${storedNullable ? 'nullable' : 'NOT NULL'}`,
        );
      }
    }
  }
  return problems;
}

describe('db/schema.ts against the migrated database', () => {
  let dir: string;
  let db: Database.Database;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-schema-'));
    ({ db } = await openDatabase(path.join(dir, 'cadence.sqlite')));
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('declares every table and column with its type and nullability', () => {
    expect(drift(db, tables)).toEqual([]);
  });

  it('names each kind of drift', () => {
    const { archived_at: _gone, ...teams } = tables.teams;
    const { settings: _missing, ...others } = tables;
    const changed: Record<string, Columns> = {
      ...others,
      teams: { ...teams, name: nullable(text()), time_zone: integer(), motto: text() },
      ghosts: { id: text() },
    };
    expect(drift(db, changed)).toEqual([
      'settings: a table the migrations create that schema.ts lacks',
      'teams.archived_at: a column schema.ts lacks',
      'teams.name: declared nullable, stored NOT NULL',
      'teams.time_zone: declared INTEGER, stored as TEXT',
      'teams.motto: declared, but the table has no such column',
      'ghosts: declared in schema.ts, but no migration creates it',
    ]);
  });
});
