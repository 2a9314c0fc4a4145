import type Database from 'better-sqlite3';
import type { Sql } from '../query';

/**
 * How many decisions each searched word (an FTS5 phrase) is in, kept per connection: counting a word in most decisions
 * walks its whole list of rows (7-10 ms on ten years), which bm25() would otherwise do again in every search with it.
 * The counts are exact: they are dropped whenever the full-text index's structure record (`decisions_fts_data` row 10)
 * differs from the one they were counted under. FTS5 rewrites that record at every commit that changes the index (each
 * commit adds a segment), so any write, sync or import, on this connection or another, drops them.
 */
interface Counts {
  structure: Buffer;
  decisions: number;
  newest: number;
  /** Whether each phrase is in at least half of the decisions. */
  byPhrase: Map<string, boolean>;
}

const kept = new WeakMap<Sql, Counts>();
const statements = new WeakMap<Sql, Record<'structure' | 'averages' | 'newest' | 'recent' | 'phrase', Database.Statement>>();
/** A phrase's most recent matches looked at before counting them all (reading them costs 0.2-0.3 ms). */
const RECENT = 1000;
/** Enough for the words of a session's searches; past it the counts start again (they are only a saving). */
const MAX_PHRASES = 512;

function prepared(sql: Sql) {
  let s = statements.get(sql);
  if (!s) {
    s = {
      structure: sql.db.prepare('SELECT block FROM decisions_fts_data WHERE id = 10'),
      // Row 1 holds the index's row count first, the N of bm25's IDF.
      averages: sql.db.prepare('SELECT block FROM decisions_fts_data WHERE id = 1'),
      newest: sql.db.prepare('SELECT coalesce(max(rowid), 0) AS newest FROM decisions'),
      recent: sql.db.prepare(
        `SELECT count(*) AS n, min(rowid) AS oldest FROM (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ? ORDER BY rowid DESC LIMIT ${RECENT})`,
      ),
      phrase: sql.db.prepare('SELECT count(*) AS n FROM decisions_fts WHERE decisions_fts MATCH ?'),
    };
    statements.set(sql, s);
  }
  return s;
}

/** An SQLite varint (FTS5 writes its counts so): big-endian groups of 7 bits, the ninth byte whole. */
function varint(bytes: Buffer): number {
  let value = 0;
  for (let i = 0; i < Math.min(bytes.length, 9); i++) {
    const byte = bytes[i]!;
    if (i === 8) return value * 256 + byte;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) break;
  }
  return value;
}

/** The counts valid now, read again when the index changed since they were kept. */
function current(sql: Sql): Counts {
  const s = prepared(sql);
  const structure = (s.structure.get() as { block: Buffer } | undefined)?.block ?? Buffer.alloc(0);
  const counts = kept.get(sql);
  if (counts && counts.structure.equals(structure) && counts.byPhrase.size < MAX_PHRASES) return counts;
  const averages = (s.averages.get() as { block: Buffer } | undefined)?.block;
  const fresh = {
    structure,
    decisions: averages ? varint(averages) : 0,
    newest: (s.newest.get() as { newest: number }).newest,
    byPhrase: new Map<string, boolean>(),
  };
  kept.set(sql, fresh);
  return fresh;
}

/**
 * Which of these FTS5 queries (one phrase each, as the search writes them) match at least half of all decisions: FTS5's
 * bm25() gives such a word an IDF of log((N - n + 0.5) / (n + 0.5)) <= 0, which it floors at 1e-6, so the word adds
 * next to nothing to any score (under 3e-6 with the log's weights) and can be left out of the scoring. A word is counted
 * in full only when its most recent matches are dense enough (over 40% of the newest decisions they span) for it to
 * be one: counting a word in a third of the log costs as much as bm25's own count. A word left out of the answer is only
 * scored as before, so the answer never names a word in fewer than half.
 */
export function inMostDecisions(sql: Sql, phrases: readonly string[]): Set<string> {
  const counts = current(sql);
  const s = prepared(sql);
  const most = new Set<string>();
  for (const phrase of phrases) {
    let inMost = counts.byPhrase.get(phrase);
    if (inMost === undefined) {
      const recent = s.recent.get(phrase) as { n: number; oldest: number | null };
      if (recent.n < RECENT) inMost = 2 * recent.n >= counts.decisions;
      else if (recent.n / (counts.newest - recent.oldest! + 1) < 0.4) inMost = false;
      else inMost = 2 * (s.phrase.get(phrase) as { n: number }).n >= counts.decisions;
      counts.byPhrase.set(phrase, inMost);
    }
    if (inMost) most.add(phrase);
  }
  return most;
}
