/**
 * FROZEN once shipped. Check-out feedback: a 1-10 rating and one optional sentence per attendee
 * and meeting. An anonymous entry has no attendee and no instant (its id is random, not time
 * ordered), so nothing stored ties it to a person or to a moment in the round. Rows are clustered
 * by meeting; within a meeting they sort by id, which for anonymous ones is random.
 */
export const version = 7;
export const name = 'meeting feedback: check-out ratings';

export const sql = `
CREATE TABLE meeting_feedback (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  id TEXT NOT NULL,
  attendee_id TEXT REFERENCES attendees(id),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 10),
  better TEXT NOT NULL DEFAULT '',
  at INTEGER,
  CHECK ((attendee_id IS NULL) = (at IS NULL)),
  PRIMARY KEY (meeting_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX meeting_feedback_one_per_attendee ON meeting_feedback(meeting_id, attendee_id) WHERE attendee_id IS NOT NULL;
`;
