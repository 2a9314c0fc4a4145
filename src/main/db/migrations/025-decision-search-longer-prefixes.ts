/**
 * FROZEN once shipped. A word still being typed past its third letter found from an index of its own (issue 14.3).
 * FTS5 answers a prefix it has no index for by merging the lists of every word that starts with it, and a ranked search
 * does that three times (counting the matches, ranking them, and bm25() counting the prefix's rows for its weight):
 * "quin" merges 97,000 decisions' entries on the ten-year bench, 30-60 ms a search. Prefixes of three letters had their
 * index (migration 010); this adds four and five letters, the ones typed on the way to most words, so only longer
 * prefixes, which start few words, are merged. The index grows (45 to 83 MB on the ten-year bench) and is rebuilt
 * once here from the decisions, as migration 021 built it; the table, its columns and its triggers are otherwise
 * unchanged.
 */
export const version = 25;
export const name = 'decision search: four- and five-letter prefixes';

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
  prefix = '3 4 5'
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
