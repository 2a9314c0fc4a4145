/**
 * FROZEN once shipped. The commitment the facilitator's console is on in the review, as the meeting's live state: the
 * projector and a second console showed the one the shared rule (reviewUpNext) puts up next, so a commitment reached
 * with ↓ before any outcome was talked about while the room read another. Two columns of the meeting's row, written
 * by one small UPDATE as the console's focus moves (live.reviewFocus): the commitment, and a mark of when it was put
 * there (a UUIDv7, made as the outcome events' ids are, so the two order even within one millisecond or on a clock
 * that stands still), so an outcome recorded after it moves the review on by the shared rule as before. Older archives and sync trees lack
 * them: their meetings import with no focus, and the rule alone decides, as it did.
 */
export const version = 26;
export const name = 'commitment review focus';

export const sql = `
ALTER TABLE meetings ADD COLUMN review_focus_id TEXT;
ALTER TABLE meetings ADD COLUMN review_focus_mark TEXT;
`;
