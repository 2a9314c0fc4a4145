import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FutureSchemaError, latestVersion, migrate } from '../../src/main/db/migrator';
import { migrations, type Migration } from '../../src/main/db/migrations';
import { openDatabase, quickCheck } from '../../src/main/db/open-database';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-migrations-'));
  file = path.join(dir, 'cadence.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const m001 = migrations[0]!;
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;
const tables = (db: Database.Database) =>
  (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name);

/** Opens a file with plain better-sqlite3, runs fn and closes it, so the check never goes through the code under test. */
function inspect<T>(target: string, fn: (db: Database.Database) => T): T {
  const db = new Database(target, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const TABLES_OF_001 = [
  'agenda_items',
  'amendments',
  'attendees',
  'commitment_events',
  'commitments',
  'decisions',
  'meeting_series',
  'meetings',
  'member_events',
  'members',
  'objections',
  'positions',
  'settings',
  'teams',
  'turns',
];

describe('a new database', () => {
  it('migration 001 alone takes an empty file to user_version 1 with exactly its tables', async () => {
    const { db, appliedMigrations, preMigrationBackup } = await openDatabase(file, { migrations: [m001] });
    try {
      expect(appliedMigrations).toEqual([1]);
      expect(userVersion(db)).toBe(1);
      expect(tables(db)).toEqual(TABLES_OF_001);
      // Nothing to protect in a file that was just created.
      expect(preMigrationBackup).toBeNull();
    } finally {
      db.close();
    }
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('the shipped list takes an empty file to the latest version and keeps every table of 001', async () => {
    const { db, appliedMigrations } = await openDatabase(file);
    try {
      expect(appliedMigrations).toEqual([1, 2, 3]);
      expect(userVersion(db)).toBe(latestVersion(migrations));
      expect(userVersion(db)).toBe(3);
      expect(tables(db)).toEqual(expect.arrayContaining(TABLES_OF_001));
    } finally {
      db.close();
    }
  });

  it('reopening an up-to-date database applies nothing and makes no backup', async () => {
    (await openDatabase(file)).db.close();
    const again = await openDatabase(file);
    again.db.close();
    expect(again.appliedMigrations).toEqual([]);
    expect(again.preMigrationBackup).toBeNull();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });
});

describe('shipped migrations', () => {
  it('are frozen: versions, names and the checksum of each sql never change', () => {
    // Shipped migrations are frozen: a user's database already ran them. Add a new migration instead of editing one.
    expect(migrations.map((m) => ({ version: m.version, name: m.name, sha256: sha256(m.sql) }))).toEqual([
      { version: 1, name: 'initial schema', sha256: 'b977a6c80508912214196fe99f6ea8605bd5129de5228378c7fa47d7549f05d4' },
      {
        version: 2,
        name: 'planning: templates, parking lot, old business',
        sha256: '108794ac3270ce2bd252125516f527b39aacc74791cb0930257501e213e845c2',
      },
      { version: 3, name: 'live meetings: rounds and undo', sha256: '3c28632bd7049f2a4d5d1c2fa01e215f238dadc617219026ef9f6176d2f3edcb' },
    ]);
  });

  it('are numbered 1..n without gaps, in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
});

describe('a database from a newer Cadence', () => {
  function writeFutureFile(journal: 'delete' | 'wal'): void {
    const db = new Database(file);
    db.pragma(`journal_mode = ${journal}`);
    db.exec("CREATE TABLE teams (id TEXT); INSERT INTO teams VALUES ('from the future');");
    db.pragma('user_version = 99');
    db.close();
  }

  it('is refused with FutureSchemaError naming both versions, and its bytes are unchanged', async () => {
    writeFutureFile('delete');
    const before = sha256(fs.readFileSync(file));
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FutureSchemaError);
    expect(error).toMatchObject({ found: 99, supported: 3 });
    expect((error as Error).message).toContain('schema 99; this version knows up to 3');
    expect((error as Error).message).toContain('Nothing was changed');
    expect(sha256(fs.readFileSync(file))).toBe(before);
    // No -wal or -shm beside it: the refusal came before journal_mode = WAL.
    expect(fs.readdirSync(dir)).toEqual(['cadence.sqlite']);
  });

  it('is refused without change when the newer Cadence left it in WAL mode, as Cadence itself does', async () => {
    writeFutureFile('wal');
    const before = sha256(fs.readFileSync(file));
    await expect(openDatabase(file)).rejects.toBeInstanceOf(FutureSchemaError);
    expect(sha256(fs.readFileSync(file))).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(inspect(file, (db) => db.prepare('select id from teams').all())).toEqual([{ id: 'from the future' }]);
  });

  it('is also refused by migrate() on its own, before any migration runs', () => {
    const db = new Database(file);
    try {
      db.pragma('user_version = 7');
      expect(() => migrate(db, migrations)).toThrow(FutureSchemaError);
      expect(tables(db)).toEqual([]);
      expect(userVersion(db)).toBe(7);
    } finally {
      db.close();
    }
  });
});

describe('upgrading an existing database', () => {
  const NOW = Date.parse('2026-11-24T10:00:00.000Z');
  const m002x: Migration = { version: 2, name: 'x', sql: 'CREATE TABLE x(a);' };

  async function createV1WithATeam(): Promise<void> {
    const { db } = await openDatabase(file, { migrations: [m001] });
    db.prepare("insert into teams values ('t1', 'Ops', 'UTC', 1, 1, null)").run();
    db.close();
  }

  it('makes a verified backup of the old version under backups/ first', async () => {
    await createV1WithATeam();
    const opened = await openDatabase(file, { migrations: [m001, m002x], now: () => NOW });
    try {
      expect(opened.appliedMigrations).toEqual([2]);
      expect(userVersion(opened.db)).toBe(2);
      expect(tables(opened.db)).toContain('x');
    } finally {
      opened.db.close();
    }
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'));
    expect(backups).toEqual(['before-migration-v1-to-v2-2026-11-24T10-00-00-000Z.sqlite']);
    expect(backups[0]).toMatch(/^before-migration-v1-to-v2-.*\.sqlite$/);
    expect(opened.preMigrationBackup).toBe(path.join(dir, 'backups', backups[0]!));
    inspect(opened.preMigrationBackup!, (backup) => {
      expect(userVersion(backup)).toBe(1);
      expect(quickCheck(backup)).toBe('ok');
      expect(tables(backup)).not.toContain('x');
      expect(backup.prepare('select id, name from teams').all()).toEqual([{ id: 't1', name: 'Ops' }]);
    });
  });

  it('applies a migration and its version bump atomically: a failing one leaves version 1 and no half-made table', async () => {
    await createV1WithATeam();
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE y(a); SELECT * FROM no_such_table;' };
    await expect(openDatabase(file, { migrations: [m001, broken], now: () => NOW })).rejects.toThrow(/no such table: no_such_table/);
    inspect(file, (db) => {
      expect(userVersion(db)).toBe(1);
      expect(tables(db)).not.toContain('y');
      expect(db.prepare('select name from teams').all()).toEqual([{ name: 'Ops' }]);
    });
  });

  it('rolls back a migration that would leave a dangling foreign key', async () => {
    await createV1WithATeam();
    const dangling: Migration = {
      version: 2,
      name: 'dangling',
      sql: "INSERT INTO members VALUES ('m1', 'no-such-team', 'Ana', NULL, 0, 1, NULL, 1, 1);",
    };
    await expect(openDatabase(file, { migrations: [m001, dangling] })).rejects.toThrow('Migration 2 (dangling) broke 1 foreign keys');
    inspect(file, (db) => {
      expect(userVersion(db)).toBe(1);
      expect(db.prepare('select count(*) as n from members').get()).toEqual({ n: 0 });
    });
  });
});

describe('foreign keys around a migration', () => {
  it('are ON after openDatabase migrates, and enforced', async () => {
    const { db } = await openDatabase(file);
    try {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() => db.prepare("insert into members values ('m1', 'no-such-team', 'Ana', null, 0, 1, null, 1, 1)").run()).toThrow(
        /FOREIGN KEY constraint failed/,
      );
    } finally {
      db.close();
    }
  });

  it('are turned back ON by migrate() even when a migration fails', () => {
    const db = new Database(file);
    try {
      db.pragma('foreign_keys = ON');
      expect(migrate(db, [m001])).toEqual([1]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const broken: Migration = { version: 2, name: 'broken', sql: 'SELECT * FROM no_such_table;' };
      expect(() => migrate(db, [m001, broken])).toThrow(/no such table/);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(userVersion(db)).toBe(1);
    } finally {
      db.close();
    }
  });
});
