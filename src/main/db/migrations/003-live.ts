/**
 * FROZEN once shipped. Running meetings: how a round orders its speakers and how long each
 * may speak, and a log of live actions with what each changed, so the last one can be undone.
 */
export const version = 3;
export const name = 'live meetings: rounds and undo';

export const sql = `
ALTER TABLE agenda_items ADD COLUMN round_order TEXT NOT NULL DEFAULT 'team' CHECK (round_order IN ('team','shuffle','rotate'));
ALTER TABLE agenda_items ADD COLUMN turn_timebox_ms INTEGER CHECK (turn_timebox_ms IS NULL OR turn_timebox_ms > 0);

CREATE TABLE live_actions (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  before_json TEXT NOT NULL,
  at INTEGER NOT NULL,
  undone_at INTEGER
) STRICT;
CREATE INDEX live_actions_by_meeting ON live_actions(meeting_id, at);
`;
