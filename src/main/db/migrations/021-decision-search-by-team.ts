/**
 * FROZEN once shipped. A team's decision search at the speed of the index (issue 14.3). The full-text table gains a
 * column holding one word per decision, its team's (`t` and the hex of the team id: one token, whatever the id
 * holds), so a team's search is the team's word AND the words typed, and FTS5 intersects the two lists of rows, skipping
 * through the long one by its doclist index. Before, a team was a rowid range and a set of the team's rowids: FTS5
 * walks a common word's rows one by one to reach the start of a range (10 ms on ten years when the team's decisions
 * are far from the newest) and finds nothing to skip when teams' decisions interleave, as they do in a real log.
 * The words typed are searched in the other five columns only (the repository's column filter), so no word typed
 * can match a team's word. The triggers write the new column; a decision's team changing (a sync taking another
 * side's row) rewrites its row as its text changing does.
 */
export const version = 21;
export const name = 'decision search by team';

const ftsRow = (d: string) => `
  INSERT INTO decisions_fts(rowid, title, context, decision, rationale, objections, team)
  SELECT ${d}.rowid, ${d}.title, trim(${d}.question || ' ' || ${d}.context), ${d}.decision, ${d}.rationale,
    coalesce((SELECT group_concat(o.reason || ' ' || coalesce(o.resolution_note, ''), ' ') FROM objections o WHERE o.decision_id = ${d}.id), ''),
    't' || lower(hex(${d}.team_id))`;

export const sql = `
DROP TRIGGER decisions_fts_insert;
DROP TRIGGER decisions_fts_update;
DROP TRIGGER decisions_fts_objection_insert;
DROP TRIGGER decisions_fts_objection_update;
DROP TABLE decisions_fts;
CREATE VIRTUAL TABLE decisions_fts USING fts5(
  title, context, decision, rationale, objections, team,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);
${ftsRow('d')} FROM decisions d;

CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
  ${ftsRow('d')} FROM decisions d WHERE d.id = new.id;
END;
CREATE TRIGGER decisions_fts_update AFTER UPDATE OF title, question, context, decision, rationale, team_id ON decisions BEGIN
  DELETE FROM decisions_fts WHERE rowid = old.rowid;
  ${ftsRow('d')} FROM decisions d WHERE d.id = new.id;
END;
CREATE TRIGGER decisions_fts_objection_insert AFTER INSERT ON objections BEGIN
  DELETE FROM decisions_fts WHERE rowid = (SELECT rowid FROM decisions WHERE id = new.decision_id);
  ${ftsRow('d')} FROM decisions d WHERE d.id = new.decision_id;
END;
CREATE TRIGGER decisions_fts_objection_update AFTER UPDATE OF reason, resolution_note ON objections BEGIN
  DELETE FROM decisions_fts WHERE rowid = (SELECT rowid FROM decisions WHERE id = new.decision_id);
  ${ftsRow('d')} FROM decisions d WHERE d.id = new.decision_id;
END;
`;
