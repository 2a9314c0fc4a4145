import { Sqlite } from './sqlite';
import { applyPragmas } from './open-database';
import { Sql } from './query';

/**
 * A connection of its own that may write (a sync's merge in the worker thread), with the app's settings: WAL,
 * synchronous=FULL, foreign keys and the busy timeout, so its write waits for the app's and the app's for its.
 */
export function withWriteConnection<T>(file: string, fn: (sql: Sql) => T): T {
  const db = new Sqlite(file, { fileMustExist: true });
  try {
    applyPragmas(db);
    return fn(new Sql(db));
  } finally {
    db.close();
  }
}
