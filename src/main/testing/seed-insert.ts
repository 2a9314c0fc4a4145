import type { DatabaseSchema } from '../db/schema';

interface Preparer {
  prepare(sql: string): { run(values: object): unknown };
}

/**
 * A prepared insert that names its columns and binds them by name, checked against the table's
 * row type: a migration that adds or reorders columns cannot shift a value into the wrong one.
 */
export function namedInsert<T extends keyof DatabaseSchema, C extends keyof DatabaseSchema[T] & string>(
  db: Preparer,
  table: T,
  columns: readonly C[],
): (row: Pick<DatabaseSchema[T], C>) => void {
  const statement = db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
  return (row) => void statement.run(row);
}
