/** The physical limits the bench compares Cadence with, measured with SQLite directly (bench only). */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyPragmas } from './open-database';

/**
 * A raw insert+commit in a scratch file beside the data (same disk), WAL with synchronous=FULL as Cadence
 * opens its own: the cost of making one row durable, which no facilitator write can beat.
 */
export function rawCommit(dir: string, n = 400): number[] {
  const file = path.join(dir, 'bench-raw-commit.sqlite');
  const db = new Database(file);
  try {
    applyPragmas(db);
    db.exec('create table if not exists t (id integer primary key, note text not null, at integer not null)');
    const insert = db.prepare('insert into t (note, at) values (?, ?)');
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      db.transaction(() => insert.run(`note ${i}`, Date.now()))();
      out.push(performance.now() - start);
    }
    return out;
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}
