/**
 * FROZEN once shipped. Every page a facilitator's write touches is one more page its commit writes to the WAL and
 * syncs, and every trigger it fires is run inside the write (issue 14.1):
 * - the undo log (live_actions) is keyed by its id itself (WITHOUT ROWID) rather than by a rowid with an index on the
 *   id beside it, and a meeting's actions are found by an index on (meeting, id): ids are time-ordered (UUIDv7, in
 *   creation order within a process), so the last action is the index's last entry. `at` leaves the index: a note
 *   save that extends the last undo step rewrites one row, not a row and an index entry. A live action writes two
 *   pages instead of three, a note saved again one instead of two.
 * - positions are keyed by their id the same way (objections refer to it): a position writes its row and its
 *   decision's index entry, not a rowid row, an id index entry and a decision index entry.
 * - a commitment's events: recognition asks only for done events by time, so that index holds only those; a meeting's
 *   review asks only for the events other than 'created' recorded in it, so that index holds only those (a
 *   commitment made in a meeting, such as a slip's corrective one, no longer writes it). An on-track outcome writes
 *   four pages instead of five.
 * - the sync's change-log triggers (migration 017) run their body only once some team has been merged: on a laptop
 *   with no synced team (or before its first sync) a write pays one lookup in an empty table, not its team's lookup.
 */
import { MARKS, triggers } from './017-sync-changes';

export const version = 19;
export const name = 'lean facilitator writes';

const GUARD = ' WHEN EXISTS (SELECT 1 FROM sync_merged)';
/** Tables made again here: their triggers went with the old table. */
const REBUILT = ['live_actions', 'positions'];

export const sql = `
CREATE TABLE live_actions_019 (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  before_json TEXT NOT NULL,
  at INTEGER NOT NULL,
  undone_at INTEGER
) STRICT, WITHOUT ROWID;
INSERT INTO live_actions_019 (id, meeting_id, kind, label, before_json, at, undone_at)
  SELECT id, meeting_id, kind, label, before_json, at, undone_at FROM live_actions;
DROP TABLE live_actions;
ALTER TABLE live_actions_019 RENAME TO live_actions;
CREATE INDEX live_actions_by_meeting ON live_actions(meeting_id, id);

CREATE TABLE positions_019 (
  id TEXT PRIMARY KEY,
  decision_id TEXT NOT NULL REFERENCES decisions(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  stance TEXT NOT NULL CHECK (stance IN ('agree','consent','stand_aside','disagree','block')),
  reason TEXT,
  recorded_at INTEGER NOT NULL,
  CHECK (stance NOT IN ('disagree','block') OR length(trim(coalesce(reason,''))) > 0)
) STRICT, WITHOUT ROWID;
INSERT INTO positions_019 (id, decision_id, member_id, stance, reason, recorded_at)
  SELECT id, decision_id, member_id, stance, reason, recorded_at FROM positions;
DROP TABLE positions;
ALTER TABLE positions_019 RENAME TO positions;
CREATE INDEX positions_by_decision ON positions(decision_id, member_id, recorded_at);

DROP INDEX commitment_events_by_kind;
CREATE INDEX commitment_events_done ON commitment_events(at) WHERE kind = 'done';
DROP INDEX commitment_events_by_meeting;
CREATE INDEX commitment_events_by_meeting ON commitment_events(meeting_id) WHERE kind != 'created';

${MARKS.filter(([table]) => !REBUILT.includes(table))
  .flatMap(([table]) => ['insert', 'update', 'delete'].map((on) => `DROP TRIGGER sync_changes_${table}_${on};`))
  .join('\n')}
${MARKS.map((entry) => triggers(entry, GUARD)).join('\n')}
`;
