import type Database from 'better-sqlite3';
import type { Compilable } from 'kysely';
import type { Sql } from './query';

/**
 * A statement of a hot path, built with kysely (so it is typed against the schema) but compiled once and kept
 * prepared: compiling costs 20-40 us at every call, more than running a small indexed statement. The values it was
 * built with are placeholders; each call binds its own, in the order the query takes its parameters. The query is
 * built at its first call, not with its repository: building a repository's statements when the core starts cost the
 * start some 2 ms of CPU (kysely's builders, cold) for statements its first screen never runs.
 */
export class Prepared<R> {
  private statement: Database.Statement | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly query: () => Compilable<R>,
  ) {}

  private get prepared(): Database.Statement {
    return (this.statement ??= this.sql.db.prepare(this.query().compile().sql));
  }

  get(...parameters: unknown[]): R | undefined {
    return this.prepared.get(...parameters) as R | undefined;
  }

  all(...parameters: unknown[]): R[] {
    return this.prepared.all(...parameters) as R[];
  }

  run(...parameters: unknown[]): number {
    return this.prepared.run(...parameters).changes;
  }
}
