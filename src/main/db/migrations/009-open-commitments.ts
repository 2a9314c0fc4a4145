/**
 * FROZEN once shipped. Every meeting view and the board list a team's OPEN commitments; finding them meant
 * looking for a done or dropped event under each of the team's commitments (ten thousand probes after ten
 * years). `closed_at` is the instant of the first done or dropped event, kept by a trigger so no writer (the
 * service, an archive import, a sync) can forget it, and a partial index holds only the open ones.
 */
export const version = 9;
export const name = 'open commitments indexed';

export const sql = `
ALTER TABLE commitments ADD COLUMN closed_at INTEGER;
UPDATE commitments SET closed_at = (
  SELECT min(e.at) FROM commitment_events e WHERE e.commitment_id = commitments.id AND e.kind IN ('done', 'dropped')
);
CREATE INDEX commitments_open_by_team ON commitments(team_id, original_due_date) WHERE closed_at IS NULL;
CREATE TRIGGER commitment_closed AFTER INSERT ON commitment_events
WHEN NEW.kind IN ('done', 'dropped')
BEGIN
  UPDATE commitments SET closed_at = NEW.at WHERE id = NEW.commitment_id AND (closed_at IS NULL OR closed_at > NEW.at);
END;
`;
