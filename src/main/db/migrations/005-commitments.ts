/**
 * FROZEN once shipped. Commitments: whether a renegotiation came before the date it replaced
 * (recorded when it happens, so a later change of time zone cannot rewrite it), and the indexes
 * the board, the review walk and follow-through read by.
 */
export const version = 5;
export const name = 'commitments: renegotiation timing and board indexes';

export const sql = `
ALTER TABLE commitment_events ADD COLUMN in_advance INTEGER CHECK (in_advance IN (0, 1));
CREATE INDEX commitments_by_meeting ON commitments(meeting_id);
CREATE INDEX commitments_by_owner ON commitments(owner_id);
CREATE INDEX commitments_by_due ON commitments(team_id, original_due_date);
CREATE INDEX commitment_events_by_meeting ON commitment_events(meeting_id);
`;
