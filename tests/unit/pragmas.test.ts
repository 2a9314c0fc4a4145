import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptDatabaseError, openDatabase, quickCheck } from '../../src/main/db/open-database';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-pragmas-'));
  file = path.join(dir, 'cadence.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const readBack = (db: Database.Database) => ({
  journalMode: db.pragma('journal_mode', { simple: true }),
  synchronous: db.pragma('synchronous', { simple: true }),
  foreignKeys: db.pragma('foreign_keys', { simple: true }),
  busyTimeout: db.pragma('busy_timeout', { simple: true }),
});
const REQUIRED = { journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeout: 5000 };

describe('connection settings', () => {
  it('are WAL, synchronous FULL, foreign keys on and a 5 s busy timeout, on the handle and in the report', async () => {
    const { db, pragmas } = await openDatabase(file);
    try {
      expect(readBack(db)).toEqual(REQUIRED);
      expect(pragmas).toEqual(REQUIRED);
    } finally {
      db.close();
    }
  });

  it('are set again on every new connection: synchronous and foreign keys are not stored in the file', async () => {
    (await openDatabase(file)).db.close();
    const again = await openDatabase(file);
    try {
      expect(again.appliedMigrations).toEqual([]);
      expect(readBack(again.db)).toEqual(REQUIRED);
      expect(again.pragmas).toEqual(REQUIRED);
    } finally {
      again.db.close();
    }
  });

  it('leave the file in WAL mode, so a -wal file appears beside it while open', async () => {
    const { db } = await openDatabase(file);
    try {
      db.prepare("insert into settings values ('k', '1')").run();
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('quickCheck says ok for a freshly migrated database', async () => {
    const { db } = await openDatabase(file);
    try {
      expect(quickCheck(db)).toBe('ok');
    } finally {
      db.close();
    }
  });
});

describe('a file that is not a database', () => {
  // Startup shows only the error's message; SQLite's bare 'file is not a database' names no file and does not say
  // the file was left alone, which CorruptDatabaseError (the type the browser server reports by name) does.
  async function expectRefusedUnchanged(content: Buffer | string): Promise<void> {
    fs.writeFileSync(file, content);
    const before = sha256(fs.readFileSync(file));
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(fs.readdirSync(dir)).toEqual(['cadence.sqlite']);
    expect(sha256(fs.readFileSync(file))).toBe(before);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/not a database/i);
    expect(error).toBeInstanceOf(CorruptDatabaseError);
    expect((error as Error).message).toContain(file);
  }

  it('random bytes are refused with a clear error and left as they were', async () => {
    await expectRefusedUnchanged(randomBytes(8192));
  });

  it('a text file named cadence.sqlite is refused with a clear error and left as it was', async () => {
    await expectRefusedUnchanged('Agenda for Monday\n- metrics\n- commitments\n'.repeat(100));
  });
});
