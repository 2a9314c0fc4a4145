/**
 * FROZEN once shipped. Decisions in the room and the offline log: how a decision replaced an
 * earlier one, the read-back shown on the projector, the proposal text an integrated objection
 * changed, tags as rows (so the log filters by index), and full-text search kept current by
 * triggers, so no write path can forget it.
 */
export const version = 4;
export const name = 'decisions: dissent, tags and full-text log';

const ftsRow = (d: string) => `
  INSERT INTO decisions_fts(rowid, title, context, decision, rationale, objections)
  SELECT ${d}.rowid, ${d}.title, trim(${d}.question || ' ' || ${d}.context), ${d}.decision, ${d}.rationale,
    coalesce((SELECT group_concat(o.reason || ' ' || coalesce(o.resolution_note, ''), ' ') FROM objections o WHERE o.decision_id = ${d}.id), '')`;

export const sql = `
ALTER TABLE decisions ADD COLUMN supersede_kind TEXT CHECK (supersede_kind IN ('supersedes','reverses'));
ALTER TABLE decisions ADD COLUMN readback_at INTEGER;
ALTER TABLE objections ADD COLUMN text_before TEXT;
ALTER TABLE objections ADD COLUMN text_after TEXT;

CREATE INDEX decisions_by_log_date ON decisions(coalesce(decided_at, created_at));
CREATE INDEX decisions_by_meeting ON decisions(meeting_id);
CREATE INDEX decisions_by_item ON decisions(agenda_item_id);
CREATE INDEX decisions_by_owner ON decisions(owner_id);
CREATE INDEX decisions_by_review ON decisions(review_date) WHERE review_date IS NOT NULL;
CREATE INDEX positions_by_member ON positions(member_id);

CREATE TABLE decision_tags (
  decision_id TEXT NOT NULL REFERENCES decisions(id),
  tag TEXT NOT NULL,
  PRIMARY KEY (decision_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX decision_tags_by_tag ON decision_tags(tag, decision_id);

CREATE VIRTUAL TABLE decisions_fts USING fts5(
  title, context, decision, rationale, objections,
  tokenize = 'unicode61 remove_diacritics 2'
);

${ftsRow('d')} FROM decisions d;

CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
  ${ftsRow('d')} FROM decisions d WHERE d.id = new.id;
END;
CREATE TRIGGER decisions_fts_update AFTER UPDATE OF title, question, context, decision, rationale ON decisions BEGIN
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
