/**
 * FROZEN once shipped. The undo log (live_actions) is for undo while a meeting runs: once it has ended nothing reads a
 * meeting's actions (undo refuses an ended meeting; the minutes, speaking time and exports read the meeting's own rows;
 * migration 018, the last reader of old steps, has run by now). Measured page by page (issue 14.1), its index on
 * (meeting, id) cost 1.3-1.7 pages a live action: each entry goes in at the running meeting's key, in the middle of
 * the index, and splits its page as it fills. So the log keeps live meetings' actions alone (ending a meeting deletes
 * its own, in the same transaction; an archive import and a sync bring in none of an ended meeting), and it is read
 * without an index: the last step of a meeting is the newest of its rows in the order they were written (by rowid,
 * walked from the end), a step is found again by its rowid, and ending a meeting scans the handful of live meetings'
 * rows. The table stays a rowid table (migration 020: a rowid table appends, an index b-tree splits its last page).
 * Meetings are planned, live or ended (migration 001): a planned meeting has no actions, an ended one keeps none.
 */
export const version = 23;
export const name = 'undo log of live meetings';

export const sql = `
DELETE FROM live_actions WHERE meeting_id NOT IN (SELECT id FROM meetings WHERE status = 'live');
DROP INDEX live_actions_by_meeting;
`;
