import Database from 'better-sqlite3';

/**
 * Makes a Cadence database at the newest schema (26, or 25) into one at schema 24 whose next start has a migration of some
 * seconds to run, as a person's file is when they install a new version: `decisions` extra decisions are added to its
 * first team (plain inserts, text of many different words, so the decision search's index is large), and migration
 * 026 (two columns) and 025 are undone by hand: the search index is built again with migration 024's prefix setting (`'3'`) and
 * user_version set back to 24. The next start backs the file up and migrates it again (rebuilding that index: the
 * time grows with `decisions`). Nothing here sleeps: the migration is slow by its size alone.
 */
export function rollBackToSchema24(file: string, decisions: number): void {
  const db = new Database(file);
  try {
    const version = db.pragma('user_version', { simple: true });
    if (version !== 25 && version !== 26) throw new Error('rollBackToSchema24 needs a file at schema 25 or 26');
    const table = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'decisions_fts'").get() as { sql: string }).sql;
    const triggers = (
      db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'decisions_fts_%'").all() as {
        name: string;
        sql: string;
      }[]
    ).map((t) => t.sql);
    const insert = triggers.find((t) => t.includes('decisions_fts_insert'));
    const older = table.replace("prefix = '3 4 5'", "prefix = '3'");
    if (!insert || older === table || triggers.length !== 4) throw new Error('the decision search index is not migration 025’s');
    // The insert trigger's statement for every decision (its `WHERE d.id = new.id` taken away): how 025 filled the index.
    const fill = /BEGIN([\s\S]*)WHERE d\.id = new\.id;\s*END$/.exec(insert.trim())![1]!;
    db.transaction(() => {
      // Migration 026 undone first: its two columns of the meeting's live state.
      if (version === 26) db.exec('ALTER TABLE meetings DROP COLUMN review_focus_mark; ALTER TABLE meetings DROP COLUMN review_focus_id;');
      for (const name of ['insert', 'update', 'objection_insert', 'objection_update']) db.exec(`DROP TRIGGER decisions_fts_${name}`);
      db.exec('DROP TABLE decisions_fts');
      const team = db.prepare('SELECT id FROM teams ORDER BY created_at LIMIT 1').get() as { id: string };
      // Words of six hex digits drawn at random: thousands of distinct words and prefixes, as a real log has.
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),
           w(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM w WHERE k < 30)
         INSERT INTO decisions (id, team_id, title, context, decision, rationale, status, created_at, updated_at)
         SELECT printf('00000000-0000-7000-8000-%012d', i), ?,
           'Bulk ' || i || ' ' || lower(hex(randomblob(3))) || ' ' || lower(hex(randomblob(3))),
           (SELECT group_concat(lower(hex(randomblob(3))), ' ') FROM w WHERE k <= 30 + 0 * i),
           (SELECT group_concat(lower(hex(randomblob(3))), ' ') FROM w WHERE k <= 12 + 0 * i),
           (SELECT group_concat(lower(hex(randomblob(3))), ' ') FROM w WHERE k <= 12 + 0 * i),
           'accepted', 1700000000000 + i, 1700000000000 + i
         FROM n`,
      ).run(decisions, team.id);
      db.exec(older);
      db.exec(fill);
      for (const trigger of triggers) db.exec(trigger);
      db.pragma('user_version = 24');
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/**
 * A file at schema 24 whose migration 025 fails, as a file another program touched would: one of the decision search's
 * triggers is gone (dropped by hand), so 025's `DROP TRIGGER decisions_fts_objection_update` throws "no such trigger".
 * The file is otherwise sound; the frozen migration is unchanged.
 */
export function breakMigration25(file: string): void {
  const db = new Database(file);
  try {
    if (db.pragma('user_version', { simple: true }) !== 24) throw new Error('breakMigration25 needs a file at schema 24');
    db.exec('DROP TRIGGER decisions_fts_objection_update');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
