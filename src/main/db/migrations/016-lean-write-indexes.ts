/**
 * FROZEN once shipped. Every index a write updates is one more page its commit writes to the WAL; these the
 * facilitator's writes paid for and no read uses, or a read used badly:
 * - commitments by owner and by team and owner: no read asks for an owner's commitments in SQL (the board filters
 *   one person's in memory); a team's are found by commitments_by_due (team first) or the open ones' partial index.
 * - positions by member: no read asks for a member's positions; a decision's are read by positions_by_decision.
 * - attendees by meeting now holds the member too, so taking a position finds the member's attendance directly
 *   rather than reading every attendee of the meeting.
 * - the live actions of a meeting are kept in the order the undo reads them (instant, then id), so the last action
 *   is the index's last entry rather than a sort of every action of the meeting.
 */
export const version = 16;
export const name = 'lean write indexes';

export const sql = `
DROP INDEX commitments_by_owner;
DROP INDEX commitments_by_team;
DROP INDEX positions_by_member;
DROP INDEX attendees_by_meeting;
CREATE INDEX attendees_by_meeting ON attendees(meeting_id, member_id);
DROP INDEX live_actions_by_meeting;
CREATE INDEX live_actions_by_meeting ON live_actions(meeting_id, at, id);
`;
