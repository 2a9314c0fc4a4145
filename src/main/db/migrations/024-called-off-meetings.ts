/**
 * FROZEN once shipped. A planned meeting can be called off (made by mistake, or a week the team does not meet) and
 * restored. It is kept as two columns beside a status that stays 'planned', not as a fourth status:
 * - every reader of held meetings (previous meeting, old business, health, follow-through, minutes, the partial
 *   indexes of migration 022) asks for status = 'ended' or 'live'; a meeting called off is neither, so none of them
 *   can count it, and none needed a change;
 * - a status value means rebuilding `meetings` for its CHECK constraint, with the foreign keys of a dozen tables, the
 *   sync-change triggers of migrations 017 and 019 and its indexes, and every `status !== 'ended'` in the
 *   code and in archives and sync trees written before would read a called-off meeting as upcoming or live;
 * - older archives and sync trees simply lack the columns: their meetings import as not called off.
 * Restoring clears both columns, so the reason is kept only while it is called off (the sync tree keeps its history).
 * "Next up" reads each team's first planned meeting not called off: its partial index (migration 015) leaves those
 * out, so the first screen stays one step per team however many were called off.
 */
export const version = 24;
export const name = 'called-off meetings';

export const sql = `
ALTER TABLE meetings ADD COLUMN called_off_at INTEGER;
ALTER TABLE meetings ADD COLUMN called_off_reason TEXT;
DROP INDEX meetings_open_by_team;
CREATE INDEX meetings_open_by_team ON meetings(team_id, scheduled_start, created_at DESC) WHERE status != 'ended' AND called_off_at IS NULL;
`;
