import type Database from 'better-sqlite3';
import type { Sql } from '../query';
import type { DecisionsTable } from '../schema';

export interface LogFilter {
  /** An FTS5 query already made safe by the service; null lists without searching. */
  match: string | null;
  /**
   * The part of `match` with the words matched whole (all but a last word matched as a prefix), or null when there are
   * none. Its matches include every match of the search, and counting them reads no prefix's many words.
   */
  wholeWords: string | null;
  teamId: string | null;
  statuses: string[];
  ownerId: string | null;
  tag: string | null;
  fromMs: number | null;
  toMs: number | null;
  hasDissent: boolean;
  /** Accepted decisions with a review date on or before this date. */
  reviewDueBy: string | null;
  sort: 'relevance' | 'newest' | 'oldest';
  offset: number;
  limit: number;
}

export interface LogRow {
  id: string;
  team_id: string;
  team_name: string;
  title: string;
  status: DecisionsTable['status'];
  owner_name: string | null;
  decision_right: string | null;
  logged_at: number;
  review_date: string | null;
  tags: string | null;
  has_dissent: number;
  context: string;
  decision: string;
  rationale: string;
  objection_text: string | null;
  meeting_id: string | null;
  meeting_title: string | null;
  supersedes_id: string | null;
}

export interface LogResult {
  /** The matches counted; when `totalIsExact` is false counting stopped there and there are more. */
  total: number;
  totalIsExact: boolean;
  rows: LogRow[];
  /** relevance: every match scored. recorded: too many to score, the most recently recorded first. date: by date. */
  rankedBy: 'relevance' | 'recorded' | 'date';
}

const LOGGED_AT = 'coalesce(d.decided_at, d.created_at)';
/**
 * Up to this many matches a search counts them exactly and scores them all; past it the count says
 * "more than" and the most recently recorded come first. Counting or scoring 100,000 matches of a common
 * word costs more than anyone gains from the exact figure or the order.
 */
export const RANK_LIMIT = 2000;
// The team's word (migration 021) weighs nothing: only the words typed score.
const SCORE = 'bm25(decisions_fts, 10.0, 3.0, 4.0, 5.0, 2.0, 0.0)';

/** The filters other than the words, as SQL over `decisions d`. */
function conditions(filter: LogFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.teamId) {
    where.push('d.team_id = ?');
    params.push(filter.teamId);
  }
  if (filter.statuses.length > 0) {
    where.push(`d.status IN (${filter.statuses.map(() => '?').join(', ')})`);
    params.push(...filter.statuses);
  }
  if (filter.ownerId) {
    where.push('d.owner_id = ?');
    params.push(filter.ownerId);
  }
  if (filter.tag) {
    where.push('EXISTS (SELECT 1 FROM decision_tags t WHERE t.decision_id = d.id AND t.tag = ?)');
    params.push(filter.tag);
  }
  if (filter.fromMs !== null) {
    where.push(`${LOGGED_AT} >= ?`);
    params.push(filter.fromMs);
  }
  if (filter.toMs !== null) {
    where.push(`${LOGGED_AT} < ?`);
    params.push(filter.toMs);
  }
  if (filter.hasDissent) where.push('EXISTS (SELECT 1 FROM objections o WHERE o.decision_id = d.id)');
  if (filter.reviewDueBy) {
    where.push("d.status = 'accepted' AND d.review_date IS NOT NULL AND d.review_date <= ?");
    params.push(filter.reviewDueBy);
  }
  return { where, params };
}

/**
 * Prepared statements kept per connection: a search runs two or three, and preparing the same text again
 * costs as much as running it on a small log. The texts vary only by which filters are set.
 */
const statements = new WeakMap<Sql, Map<string, Database.Statement>>();
function all<R>(sql: Sql, text: string, params: readonly unknown[]): R[] {
  let cache = statements.get(sql);
  if (!cache) statements.set(sql, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sql.db.prepare(text)));
  return statement.all(...params) as R[];
}

/**
 * A LIMIT or OFFSET bound as a value SQLite cannot read while it plans: SQLite (3.54 here) plans a bare `?` there as the
 * value bound, so every run that binds another value prepares the statement again (80-130 µs more for a search's).
 */
const LIMIT = 'cast(? as integer)';
const PAGE = `LIMIT ${LIMIT} OFFSET ${LIMIT}`;

const whereClause = (parts: string[]) => (parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '');

/** One page of the decision log and how many match, counted exactly or up to a bound. */
export function searchLog(sql: Sql, filter: LogFilter): LogResult {
  const { where, params } = conditions(filter);
  // The id breaks ties in the same direction, so the date index (date, id) serves the order as it is.
  const direction = filter.sort === 'oldest' ? 'ASC' : 'DESC';
  const byDate = `ORDER BY ${LOGGED_AT} ${direction}, d.id ${direction}`;
  const page = [filter.limit, filter.offset];
  if (filter.match === null) {
    // Listing without words: counting over the indexes is cheap, so the count stays exact.
    const total = all<{ n: number }>(sql, `SELECT count(*) AS n FROM decisions d ${whereClause(where)}`, params)[0]?.n ?? 0;
    const ids = all<{ rowid: number }>(sql, `SELECT d.rowid FROM decisions d ${whereClause(where)} ${byDate} ${PAGE}`, [
      ...params,
      ...page,
    ]);
    return { total, totalIsExact: true, rows: readRows(sql, ids), rankedBy: 'date' };
  }

  // The matches, most recently recorded first, read from the index only as far as needed: at least
  // RANK_LIMIT, and as far as the page asked for. One more than that says "there are more".
  const cap = Math.max(RANK_LIMIT, filter.offset + filter.limit);
  const words = ftsMatch(filter.match, filter.teamId);
  // The team is in the FTS query itself (migration 021); the other filters are checked on each match's row.
  // CROSS JOIN keeps the full-text index the outer loop: driven from a decisions index instead, SQLite
  // would ask FTS5 about each row in turn, thousands of lookups for one search.
  const rest = filter.teamId ? conditions({ ...filter, teamId: null }) : { where, params };
  const join = rest.where.length > 0 ? 'CROSS JOIN decisions d ON d.rowid = f.rowid' : '';
  const every = (columns: string) =>
    `SELECT ${columns} FROM decisions_fts f ${join} ${whereClause(['decisions_fts MATCH ?', ...rest.where])}`;
  const matches = (columns: string) => `${every(columns)} ORDER BY f.rowid DESC LIMIT ${LIMIT}`;
  const matchParams = [words, ...rest.params, cap + 1];
  const bounded = (n: number) => ({ total: Math.min(n, cap), totalIsExact: n <= cap });

  // When the words matched whole (the team's word with them) match RANK_LIMIT decisions or fewer, so does the search:
  // it is scored and counted in one pass. Counting those first reads neither a prefix's many words nor the rows the
  // other filters check, so it costs a fraction of counting the search itself, which it spares.
  if (filter.sort === 'relevance' && fewWholeWordMatches(sql, filter, rest.where.length > 0)) {
    const ranked = all<{ rowid: number; n: number }>(
      sql,
      `SELECT rowid, count(*) OVER () AS n FROM (${every(`f.rowid AS rowid, ${SCORE} AS score`)}) ORDER BY score, rowid DESC ${PAGE}`,
      [words, ...rest.params, ...page],
    );
    const n = ranked[0]?.n ?? countMatches(sql, matches, matchParams);
    return { total: n, totalIsExact: true, rows: readRows(sql, ranked), rankedBy: 'relevance' };
  }

  // One pass gives the count (up to the bound) and the page in the index's order, most recently recorded first.
  // It reads no scores: bm25() counts every row of each word in the whole log before it scores the first (its
  // IDF), 10 ms for a word in most decisions, so it runs only when the matches are few enough to be ranked.
  const recent = all<{ rowid: number; n: number }>(
    sql,
    `SELECT rowid, count(*) OVER () AS n FROM (${matches('f.rowid AS rowid')}) ${PAGE}`,
    [...matchParams, ...page],
  );
  const n = recent[0]?.n ?? (filter.offset > 0 ? countMatches(sql, matches, matchParams) : 0);
  if (filter.sort === 'relevance' && n <= RANK_LIMIT) {
    // Few enough to score them all, as FTS5's own ranking does; equal scores, the most recently recorded first.
    const ranked =
      n === 0
        ? []
        : all<{ rowid: number }>(
            sql,
            `SELECT rowid FROM (${matches(`f.rowid AS rowid, ${SCORE} AS score`)}) ORDER BY score, rowid DESC ${PAGE}`,
            [...matchParams, ...page],
          );
    return { ...bounded(n), rows: readRows(sql, ranked), rankedBy: 'relevance' };
  }
  // Too many to score: they stay most recently recorded first.
  if (filter.sort === 'relevance') return { ...bounded(n), rows: readRows(sql, recent), rankedBy: 'recorded' };
  const ids =
    n <= cap
      ? // Few enough to sort by date as they are.
        all<{ rowid: number }>(
          sql,
          `SELECT d.rowid FROM (${matches('f.rowid AS rowid')}) m JOIN decisions d ON d.rowid = m.rowid ${byDate} ${PAGE}`,
          [...matchParams, ...page],
        )
      : // Walking the date index and stopping at the page beats sorting tens of thousands of matches.
        all<{ rowid: number }>(
          sql,
          `SELECT d.rowid FROM decisions d INDEXED BY ${filter.teamId ? 'decisions_by_team_log_date' : 'decisions_by_log_date'}
           ${whereClause(['d.rowid IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ?)', ...where])} ${byDate} ${PAGE}`,
          [words, ...params, ...page],
        );
  return { ...bounded(n), rows: readRows(sql, ids), rankedBy: 'date' };
}

/** The columns a person's words are searched in: every one but the team's word (migration 021). */
const TEXT_COLUMNS = '{title context decision rationale objections}';

/** A team's word in the full-text index, as migration 021's triggers write it: `t` and the hex of the id's UTF-8. */
function teamWord(teamId: string): string {
  return `t${Buffer.from(teamId, 'utf8').toString('hex')}`;
}

/** A term of the FTS query that could be (the start of) a team's word: `t` and hex digits. */
const TEAM_LIKE = /"t[0-9a-f]+"/i;

/**
 * The FTS5 query: the words typed, and the team's word when one team is asked for. A column filter keeps the words
 * typed out of the team's column, but it costs (bm25 reads each row's columns: 25% more on two words), and only a
 * word like a team's (`t3031`, or `t30` as a prefix) could match there, so only such a word gets it.
 */
function ftsMatch(match: string, teamId: string | null): string {
  // Folded as the tokenizer folds (remove_diacritics 2): a typed 'ť30' is the index's 't30'.
  const folded = match.normalize('NFD').replace(/\p{M}/gu, '');
  const typed = TEAM_LIKE.test(folded) ? `${TEXT_COLUMNS} : (${match})` : match;
  return teamId ? `team : "${teamWord(teamId)}" AND (${typed})` : typed;
}

/**
 * Whether the search's matches are RANK_LIMIT or fewer because its words matched whole (with the team's word) are: then
 * it is ranked in one pass. Asked only where counting those is cheaper than counting the search: a last word matched
 * as a prefix (FTS5 merges the lists of every word it starts) or filters checked on each match's row.
 */
function fewWholeWordMatches(sql: Sql, filter: LogFilter, rowFilters: boolean): boolean {
  if (filter.wholeWords === null || (filter.wholeWords === filter.match && !rowFilters)) return false;
  const n = all<{ n: number }>(sql, `SELECT count(*) AS n FROM (SELECT 1 FROM decisions_fts WHERE decisions_fts MATCH ? LIMIT ${LIMIT})`, [
    ftsMatch(filter.wholeWords, filter.teamId),
    RANK_LIMIT + 1,
  ])[0]!.n;
  return n <= RANK_LIMIT;
}

function countMatches(sql: Sql, matches: (columns: string) => string, params: unknown[]): number {
  return all<{ n: number }>(sql, `SELECT count(*) AS n FROM (${matches('1')})`, params)[0]?.n ?? 0;
}

/** The page's rows with what the log shows of each, in the order of `ids`. */
function readRows(sql: Sql, ids: { rowid: number }[]): LogRow[] {
  if (ids.length === 0) return [];
  const rows = all<LogRow & { rowid: number }>(
    sql,
    `SELECT d.rowid AS rowid, d.id, d.team_id, t.name AS team_name, d.title, d.status, o.name AS owner_name, d.decision_right,
       ${LOGGED_AT} AS logged_at, d.review_date, d.meeting_id, m.title AS meeting_title, d.supersedes_id,
       trim(d.question || ' ' || d.context) AS context, d.decision, d.rationale,
       (SELECT group_concat(x.reason || ' ' || coalesce(x.resolution_note, ''), ' ') FROM objections x WHERE x.decision_id = d.id) AS objection_text,
       (SELECT group_concat(tag, char(31)) FROM decision_tags WHERE decision_id = d.id) AS tags,
       EXISTS (SELECT 1 FROM objections x WHERE x.decision_id = d.id) AS has_dissent
     FROM decisions d JOIN teams t ON t.id = d.team_id
     LEFT JOIN members o ON o.id = d.owner_id LEFT JOIN meetings m ON m.id = d.meeting_id
     WHERE d.rowid IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids.map((i) => i.rowid))],
  );
  const byRowid = new Map(rows.map(({ rowid, ...row }) => [rowid, row]));
  return ids.flatMap((i) => byRowid.get(i.rowid) ?? []);
}
