import type Database from 'better-sqlite3';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import type { DatabaseSchema } from './schema';

/**
 * kysely builds and types the SQL; better-sqlite3 runs it synchronously. Synchronous
 * execution keeps a service's reads and writes inside one better-sqlite3 transaction
 * with no awaits in between, which is what makes each save atomic.
 */
export const qb = new Kysely<DatabaseSchema>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export type QueryBuilder = typeof qb;

/** Statements kept prepared, by SQL text: preparing costs more than running the small queries a live action makes. */
const CACHE_LIMIT = 500;

export class Sql {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  private prepare(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      // Queries built with a variable number of parameters (IN lists) would grow the cache without bound.
      if (this.statements.size >= CACHE_LIMIT) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(text, statement);
    }
    return statement;
  }

  all<R>(query: Compilable<R>): R[] {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).all(...(parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).get(...(parameters as unknown[])) as R | undefined;
  }

  run(query: Compilable<unknown>): number {
    const { sql, parameters } = query.compile();
    return this.prepare(sql).run(...(parameters as unknown[])).changes;
  }

  /** For SQL kysely cannot type (full-text search); repositories only, always with bound parameters. */
  allRaw<R>(text: string, parameters: readonly unknown[]): R[] {
    return this.prepare(text).all(...parameters) as R[];
  }

  /** Runs fn in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
