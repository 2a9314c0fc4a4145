/** The physical limits the bench compares Cadence with, measured with SQLite directly (bench only). */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Sqlite } from './sqlite';
import { applyPragmas } from './open-database';

/**
 * A raw insert+commit in a scratch file beside the data (same disk), WAL with synchronous=FULL as Cadence
 * opens its own: the cost of making one row durable, which no facilitator write can beat.
 */
export function rawCommit(dir: string, n = 400): number[] {
  const file = path.join(dir, 'bench-raw-commit.sqlite');
  const db = new Sqlite(file);
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

/** One raw insert+commit, timed, beside the app's own writes (see `rawCommitBeside`). */
export interface RawCommits {
  /** Inserts one row in a transaction of its own and answers how long it took, commit included, in ms. */
  commit(i: number): number;
  /** Removes the table again (untimed). */
  drop(): void;
}

/**
 * A raw insert+commit on the app's own connection, into a table of its own in the same file: the same WAL, the same
 * page cache, the same checkpoints and the same busy moments of the disk as the writes it is compared with. A bench
 * alternates it with a write, sample by sample, so a disk that is slow for a minute is slow for both.
 */
export function rawCommitBeside(db: Database.Database): RawCommits {
  const table = 'bench_raw_commit';
  db.exec(`create table if not exists ${table} (id integer primary key, note text not null, at integer not null)`);
  const insert = db.prepare(`insert into ${table} (note, at) values (?, ?)`);
  const transaction = db.transaction((i: number) => insert.run(`note ${i}`, Date.now()));
  return {
    commit(i) {
      const start = performance.now();
      transaction.immediate(i);
      return performance.now() - start;
    },
    drop: () => db.exec(`drop table if exists ${table}`),
  };
}

/**
 * SQLite's FTS5 answering a search alone, on a connection of its own to the same file: for each query (FTS
 * expressions, as the decision log builds them), the top 50 ranked by bm25 with the matched words of the
 * rationale highlighted. Nothing Cadence adds (counting, filters, rows, marking) is in it. The first
 * `warm` queries are run untimed, so its page cache is as warm as the app's.
 */
export function rawFts(file: string, queries: string[], warm = 10): number[] {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const top = db.prepare(
      `SELECT rowid, highlight(decisions_fts, 3, char(2), char(3)) AS marked FROM decisions_fts
       WHERE decisions_fts MATCH ? ORDER BY rank LIMIT 50`,
    );
    for (const query of queries.slice(0, warm)) top.all(query);
    return queries.map((query) => {
      const start = performance.now();
      top.all(query);
      return performance.now() - start;
    });
  } finally {
    db.close();
  }
}

/** How many decisions each word occurs in, read from the full-text index (bench set-up, untimed). */
export function documentFrequencies(file: string, words: string[]): Map<string, number> {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const count = db.prepare('SELECT count(*) AS n FROM decisions_fts WHERE decisions_fts MATCH ?');
    return new Map(words.map((word) => [word, (count.get(`"${word}"`) as { n: number }).n]));
  } finally {
    db.close();
  }
}
