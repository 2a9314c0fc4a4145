/**
 * FROZEN once shipped. The home screen's "Next up" reads each team's first meeting not yet ended; meetings_by_team
 * walked every meeting a team ever held to find it (10 to 30 ms on a fresh connection after ten years, on the
 * first screen). A partial index holds only the meetings not ended, in the order the read wants.
 */
export const version = 15;
export const name = 'open meetings by team';

export const sql = `
CREATE INDEX meetings_open_by_team ON meetings(team_id, scheduled_start, created_at DESC) WHERE status != 'ended';
`;
