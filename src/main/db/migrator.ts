import type Database from 'better-sqlite3';
import type { Migration } from './migrations';

export class FutureSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer Cadence (schema ${found}; this version knows up to ${supported}). ` +
        `Nothing was changed. Update Cadence to open it.`,
    );
    this.name = 'FutureSchemaError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(list: readonly Migration[]): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Throws before anything is written when the file comes from a newer Cadence. */
export function assertNotFuture(db: Database.Database, list: readonly Migration[]): void {
  const found = schemaVersion(db);
  const supported = latestVersion(list);
  if (found > supported) throw new FutureSchemaError(found, supported);
}

export function pendingMigrations(db: Database.Database, list: readonly Migration[]): Migration[] {
  const current = schemaVersion(db);
  return list.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
}

/**
 * Applies each pending migration with its user_version bump in one transaction, so a crash
 * leaves the file at the old or the new version, never between. Foreign keys are off for the
 * duration (a table rebuild with them on would cascade) and checked before each commit.
 */
export function migrate(db: Database.Database, list: readonly Migration[]): number[] {
  assertNotFuture(db, list);
  const applied: number[] = [];
  const pending = pendingMigrations(db, list);
  if (pending.length === 0) return applied;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        const problems = db.pragma('foreign_key_check') as unknown[];
        if (problems.length > 0) {
          throw new Error(`Migration ${migration.version} (${migration.name}) broke ${problems.length} foreign keys`);
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
      applied.push(migration.version);
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return applied;
}
