import type Database from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type Compilable,
  type Expression,
  type SqlBool,
} from 'kysely';
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

/**
 * Whether a column's value is in a list bound as one JSON text (`JSON.stringify(ids)`, or a prepared statement's
 * argument): the statement's text is the same for any number of values, so it is compiled and prepared once.
 */
export function inJsonList(column: string, list: unknown): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} IN (SELECT value FROM json_each(${list}))`;
}

/**
 * A text bound where the query planner cannot look at it: `cast(? as text)`, not a bare `?`. In a statement whose plan
 * has a choice to make (an ORDER BY, a join, a LIMIT), this SQLite build marks a bare `?` compared with an indexed
 * column (or a bound LIMIT) as a value that could change the plan, and prepares the statement again every time it is
 * bound: 25-35 us a call where the read costs 5-12 (measured on the ten-year file), for the same plan. Bound this way
 * the index is still used. Write such a statement's LIMIT as a literal (`sql.lit`).
 */
export function planned(value: unknown): Expression<string> {
  return sql<string>`cast(${value} as text)`;
}

/** Statements kept prepared, by SQL text: preparing costs more than running the small queries a live action makes. */
const CACHE_LIMIT = 500;

/** Where a named argument of a statement compiled once goes (see `Sql.prepared`). */
class Slot {
  constructor(readonly name: string) {}
}

/** The argument a `Sql.updates` statement finds its row by. */
const KEY = '@key';

/**
 * A statement compiled by kysely once, on first use, and kept prepared: a hot write then costs running its SQL
 * (compiling a statement takes kysely 20-40 us, more than running the small ones a live action makes).
 * Its arguments are bound by name in the order the SQL names them; values written in the query stay as they are.
 */
export class Prepared<P, R> {
  private compiled: { statement: Database.Statement; order: unknown[] } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly build: (args: P) => Compilable<R>,
  ) {}

  get(args: P): R | undefined {
    const { statement, values } = this.bind(args);
    return statement.get(...values) as R | undefined;
  }

  all(args: P): R[] {
    const { statement, values } = this.bind(args);
    return statement.all(...values) as R[];
  }

  run(args: P): number {
    const { statement, values } = this.bind(args);
    return statement.run(...values).changes;
  }

  private bind(args: P): { statement: Database.Statement; values: unknown[] } {
    this.compiled ??= this.compile();
    const { statement, order } = this.compiled;
    const values = new Array<unknown>(order.length);
    for (let i = 0; i < order.length; i++) {
      const value = order[i];
      values[i] = value instanceof Slot ? (args as Record<string, unknown>)[value.name] : value;
    }
    return { statement, values };
  }

  private compile(): { statement: Database.Statement; order: unknown[] } {
    // Each argument read while the query is built stands for itself; the compiled parameters say where it goes.
    const slots = new Proxy(
      {},
      {
        get: (_, name) => new Slot(String(name)),
        ownKeys: () => {
          // A builder that spreads or walks the arguments would silently compile a statement without them.
          throw new Error('A prepared statement reads its arguments one by one (name each column)');
        },
      },
    ) as P;
    const { sql, parameters } = this.build(slots).compile();
    return { statement: this.db.prepare(sql), order: [...parameters] };
  }
}

export class Sql {
  private readonly statements = new Map<string, Database.Statement>();
  /** One wrapper for every outermost call (see `transaction`). */
  private readonly transact: (fn: () => unknown) => unknown;
  private readonly readTransact: (fn: () => unknown) => unknown;

  constructor(readonly db: Database.Database) {
    const wrapped = db.transaction((fn: () => unknown) => fn());
    // A transaction that may write takes the write lock as it begins (BEGIN IMMEDIATE): while another connection holds
    // it (a sync's merge in the worker thread) it waits for it (busy_timeout), where one that had read first could not
    // wait and would fail. A read-only connection never writes.
    this.transact = db.readonly ? wrapped : wrapped.immediate;
    this.readTransact = wrapped;
  }

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

  /** A statement compiled once and kept prepared, for the hot paths (see Prepared). */
  prepared<P extends object, R>(build: (args: P) => Compilable<R>): Prepared<P, R> {
    return new Prepared(this.db, build);
  }

  /**
   * An update that writes only the columns given (so undo puts back exactly what an action changed) of the row
   * `key` names: one prepared statement per set of columns, compiled the first time that set is written.
   */
  updates<C extends object>(build: (set: C, key: string) => Compilable<unknown>): (key: string, set: C) => number {
    const byColumns = new Map<string, Prepared<Record<string, unknown>, unknown>>();
    return (key, set) => {
      const columns = Object.keys(set);
      const shape = columns.join(',');
      let statement = byColumns.get(shape);
      if (!statement) {
        statement = this.prepared((args: Record<string, unknown>) =>
          build(Object.fromEntries(columns.map((c) => [c, args[c]])) as C, args[KEY] as string),
        );
        byColumns.set(shape, statement);
      }
      return statement.run({ ...set, [KEY]: key });
    };
  }

  /**
   * Runs fn in one transaction. Called inside one already (a service's own, inside the dispatcher's), fn simply runs
   * in it: a savepoint would cost two more statements at every write, and nothing catches a failure inside a
   * transaction to carry on with it, so a failure rolls the whole of it back either way.
   */
  transaction<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : (this.transact(fn) as T);
  }

  /** Runs fn, which only reads, in one transaction: a snapshot that never waits for a writer (WAL). */
  readTransaction<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : (this.readTransact(fn) as T);
  }
}
