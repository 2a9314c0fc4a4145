/**
 * FROZEN once shipped. The decision log's search at the speed of the index. The full-text table is
 * rebuilt with an index of three-letter prefixes: a word still being typed ("roa*") otherwise makes
 * FTS5 merge the posting lists of every word it starts before it can answer, which took 100 ms on ten
 * years of decisions. The log's date order gains the id that breaks its ties, so a deep page walks the
 * index alone instead of reading each row to sort equal dates, and a team's log has a date order of its own
 * (its first page was a sort of all its decisions); a team's decisions of some statuses are read from an index alone.
 */
export const version = 10;
export const name = 'decision search: prefix index and date order with ties';

export const sql = `
DROP TABLE decisions_fts;
CREATE VIRTUAL TABLE decisions_fts USING fts5(
  title, context, decision, rationale, objections,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);
INSERT INTO decisions_fts(rowid, title, context, decision, rationale, objections)
  SELECT d.rowid, d.title, trim(d.question || ' ' || d.context), d.decision, d.rationale,
    coalesce((SELECT group_concat(o.reason || ' ' || coalesce(o.resolution_note, ''), ' ') FROM objections o WHERE o.decision_id = d.id), '')
  FROM decisions d;

DROP INDEX decisions_by_log_date;
CREATE INDEX decisions_by_log_date ON decisions(coalesce(decided_at, created_at), id);
CREATE INDEX decisions_by_team_log_date ON decisions(team_id, coalesce(decided_at, created_at), id);
CREATE INDEX decisions_by_team_status ON decisions(team_id, status);
`;
