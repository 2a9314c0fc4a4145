import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FutureSchemaError } from '../../src/main/db/migrator';
import { migrations } from '../../src/main/db/migrations';
import { CorruptDatabaseError, openDatabase } from '../../src/main/db/open-database';
import { quickCheck } from '../../src/main/db/side-connection';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-db-'));
  file = path.join(dir, 'cadence.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const tables = (db: Database.Database) =>
  (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('take an empty file to the latest version with every domain table', async () => {
    const { db, appliedMigrations } = await openDatabase(file);
    expect(appliedMigrations).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(tables(db)).toEqual(
      [
        'agenda_items',
        'agenda_template_items',
        'agreement_on_projector',
        'agreement_revisits',
        'agreement_versions',
        'agenda_templates',
        'amendments',
        'attendees',
        'commitment_events',
        'commitments',
        'live_actions',
        'meeting_feedback',
        'decisions',
        'decision_tags',
        'decisions_fts',
        'decisions_fts_config',
        'decisions_fts_content',
        'decisions_fts_data',
        'decisions_fts_docsize',
        'decisions_fts_idx',
        'meeting_series',
        'meetings',
        'member_events',
        'members',
        'objections',
        'old_business',
        'parking_lot_items',
        'positions',
        'role_events',
        'roles',
        'settings',
        'sync_changes',
        'sync_conflicts',
        'sync_device',
        'sync_links',
        'sync_merged',
        'sync_stamps',
        'teams',
        'turns',
      ].sort(),
    );
    db.close();
  });

  it('are frozen: the shipped list and each migration’s checksum never change (add a new migration instead)', () => {
    expect(migrations.map((m) => [m.version, m.name, sha(m.sql)])).toEqual([
      [1, 'initial schema', 'b977a6c80508912214196fe99f6ea8605bd5129de5228378c7fa47d7549f05d4'],
      [2, 'planning: templates, parking lot, old business', '108794ac3270ce2bd252125516f527b39aacc74791cb0930257501e213e845c2'],
      [3, 'live meetings: rounds and undo', '3c28632bd7049f2a4d5d1c2fa01e215f238dadc617219026ef9f6176d2f3edcb'],
      [4, 'decisions: dissent, tags and full-text log', '9bc8afaac6f59c312796ba25a32da85ca8318e8890c17c29141610c9bf66bff0'],
      [5, 'commitments: renegotiation timing and board indexes', 'db078111b562e93fc2c8e46bcba47737a27801d0aa96dceadb2a1153248dde7c'],
      [6, 'commitment events by kind and time', '2987df20c8e3d2a05b374f0c410eecd3e759df5c7cc14b3589d9e0fee12ad50a'],
      [7, 'meeting feedback: check-out ratings', '70dab92ecb4363f5b863da29899e715e563e20933a87f0addb45dbca6f5463b3'],
      [8, 'operating agreements and roles', '6897985130b2c365eeb7af1c0bf16a1acd969146fa688eb2e71c2f483c23266a'],
      [9, 'open commitments indexed', 'be81c79c12d910eacda28a460287833fb1a752ac4dbe2e3f85da38eee8a01fa7'],
      [10, 'decision search: prefix index and date order with ties', 'f3504482fd35ce5bfe23656e7068ba8ee5b45462187211d08e632a4c6b4b9036'],
      [11, 'decision numbers', 'baa40c3c00a5aa2bdc2202290f3d836aee79d907d2312732bf6293af8a96e5de'],
      [12, 'chosen option', '9e4600aa9bfa469d2e80564917c8df799c7bcc5ff63d22870faa4ca174d4c6d1'],
      [13, 'sync stamps and conflicts', '7eb03581ab5bf48a1ca5e21136e65a5b90a427eb83b74a129fe2a1eedf401169'],
      [14, 'sync links', '13295247cd7b7017e3988cb420a21c2e77b9aab6680b0a59273f3fdafab8518a'],
      [15, 'open meetings by team', '90963606739891e2937b4cfddc010ed10735f06f8962c6bfc4ba37130b4767b7'],
      [16, 'lean write indexes', 'c7caa38a3f789cc37f692e6ce17c3f5e35893e059e361df066df702e68858ad4'],
      [17, 'sync changes', 'a7919340ef1d6698f026cdb60cb6b73b758420741d5666788a39f7a63e1c1583'],
      [18, 'agenda item plan', '18b37e271aa5915d24fbbe30f003e12e4dfdcb148c609c05f85984468b23e425'],
      [19, 'lean facilitator writes', 'a7de0bea5121eb97d91e94a56ae44ea96defccc3fbe8b71578ac40db4d147205'],
      [20, 'undo log appends', 'a6245a27335bb413b65dabe80daf3a39eefdb1adcd3e43abcc9f026ca8e40d7e'],
      [21, 'decision search by team', '48c198b0cd3de47d4eff325a78540e88b0ba75f23343be7191cfc0873cbd29ee'],
      [22, 'held meetings by team and series', 'a76bc3bbb10501a375e4269b7e75cd5e2a526f87e283906887d33b157a940770'],
      [23, 'undo log of live meetings', '10726c8c49a4179d14009dfa6ccf45baa050539d17cb4af63901ffb73d74a865'],
      [24, 'called-off meetings', '76493d011391b149eb4a482e452f132f6a0561891a68cf79d2ec041c395e7af5'],
      [25, 'decision search: four- and five-letter prefixes', 'd451d67c81b2333886de18516aaaf5ed32a718036f4b7f65e687ef353946d682'],
    ]);
  });

  it('apply each migration with its version bump atomically: a failing one leaves the file as it was', async () => {
    const first = await openDatabase(file, { migrations: [migrations[0]!] });
    first.db.close();
    const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE y (a); SELECT * FROM no_such_table;' };
    await expect(openDatabase(file, { migrations: [migrations[0]!, broken] })).rejects.toThrow(/no_such_table|no such table/);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('y');
    db.close();
  });

  it('back up the database, verified, before pending migrations run', async () => {
    const first = await openDatabase(file, { migrations: [migrations[0]!], now: () => Date.parse('2026-11-24T10:00:00Z') });
    first.db.prepare("insert into teams values ('t1', 'Ops', 'UTC', 1, 1, null)").run();
    first.db.close();
    const second = await openDatabase(file, { now: () => Date.parse('2026-11-24T10:00:00Z') });
    expect(second.preMigrationBackup).toBe(
      path.join(dir, 'backups', `before-migration-v1-to-v${migrations.at(-1)!.version}-2026-11-24T10-00-00-000Z.sqlite`),
    );
    second.db.close();
    const backup = new Database(second.preMigrationBackup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(quickCheck(backup)).toBe('ok');
    expect(backup.prepare('select name from teams').all()).toEqual([{ name: 'Ops' }]);
    backup.close();
  });

  it('wait for what must come first (the run marker on disk) before they change the file, and only when they will', async () => {
    const first = await openDatabase(file, { migrations: [migrations[0]!] });
    first.db.close();
    let release: () => void = () => {};
    const asked: number[] = [];
    const opening = openDatabase(file, {
      beforeMigrating: () => {
        asked.push(1);
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await expect.poll(() => asked).toEqual([1]);
    const meanwhile = new Database(file, { readonly: true });
    expect(meanwhile.pragma('user_version', { simple: true })).toBe(1);
    meanwhile.close();
    release();
    const second = await opening;
    expect(second.appliedMigrations).toEqual(migrations.slice(1).map((m) => m.version));
    second.db.close();
    // Nothing left to migrate: nothing to wait for.
    const third = await openDatabase(file, { beforeMigrating: () => new Promise<void>(() => {}) });
    expect(third.appliedMigrations).toEqual([]);
    third.db.close();
  });

  it('refuse a database from a newer Cadence before writing anything', async () => {
    const future = new Database(file);
    future.exec('CREATE TABLE teams (id TEXT)');
    future.pragma('user_version = 99');
    future.close();
    const before = sha(fs.readFileSync(file));
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FutureSchemaError);
    expect((error as Error).message).toBe(
      `This database was written by a newer Cadence (schema 99; this version knows up to ${migrations.at(-1)!.version}). Nothing was changed. Update Cadence to open it.`,
    );
    expect(sha(fs.readFileSync(file))).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['cadence.sqlite']); // no -wal, no -shm, no backup
  });
});

describe('opening', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout, read back on every open', async () => {
    for (let round = 0; round < 2; round++) {
      const { db, pragmas } = await openDatabase(file);
      expect(pragmas).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(quickCheck(db)).toBe('ok');
      db.close();
    }
  });

  it('refuses a file that is not a Cadence database and leaves it untouched', async () => {
    fs.writeFileSync(file, 'these are meeting notes, not a database\n'.repeat(200));
    const before = sha(fs.readFileSync(file));
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptDatabaseError);
    expect((error as Error).message).toBe(
      `The database file ${file} is damaged or is not a Cadence database (file is not a database). It was not changed.`,
    );
    expect(sha(fs.readFileSync(file))).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['cadence.sqlite']);
  });

  it('refuses another program’s SQLite file instead of migrating into it', async () => {
    const other = new Database(file);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)');
    other.close();
    const before = sha(fs.readFileSync(file));
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptDatabaseError);
    expect((error as Error).message).toContain('it holds tables of another program');
    expect(sha(fs.readFileSync(file))).toBe(before);
  });

  it('refuses a damaged database with a clear message and does not change it', async () => {
    const { db } = await openDatabase(file);
    db.exec(
      'CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO filler SELECT hex(randomblob(400)) FROM n;',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Overwrite a page in the middle of the file with garbage.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 6);
    fs.closeSync(fd);
    const before = sha(fs.readFileSync(file));
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptDatabaseError);
    expect((error as Error).message).toContain('It was not changed.');
    expect(sha(fs.readFileSync(file))).toBe(before);
  });
});
