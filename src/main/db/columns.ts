/**
 * A table's columns as a value, so the one declaration serves twice: kysely's row types are
 * derived from it (RowOf), and a test holds it against the migrated database's PRAGMA table_info.
 */
export interface Column<T> {
  readonly type: 'TEXT' | 'INTEGER';
  readonly nullable: boolean;
  /** Never set: carries the column's TypeScript type for RowOf. */
  readonly value?: T;
}

/** A text column; a union of literals where the code only ever writes those. */
export const text = <T extends string = string>(): Column<T> => ({ type: 'TEXT', nullable: false });

/** An integer column: instants in epoch ms, durations in ms, positions, counts, 0/1 flags. */
export const integer = <T extends number = number>(): Column<T> => ({ type: 'INTEGER', nullable: false });

export const nullable = <T>(column: Column<T>): Column<T | null> => ({ ...column, nullable: true });

export type Columns = Record<string, Column<unknown>>;

/** The row type kysely works with: each column's TypeScript type. */
export type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends Column<infer T> ? T : never };
