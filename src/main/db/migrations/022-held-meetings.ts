/**
 * FROZEN once shipped. "The previous meeting" (recognition's "since", the items a meeting did not reach) is the one
 * held last, by when it started: a meeting started a week early or days late sits where it happened, not where it
 * was planned. meetings_by_team and meetings_by_series are ordered by the planned start, so that read sorted every
 * meeting the team ever held (16 ms p95 on ten years, each time a meeting's commitments are read). A partial index
 * per team and per series holds the ended meetings in the order they were held: the read is one step into it.
 */
export const version = 22;
export const name = 'held meetings by team and series';

export const sql = `
CREATE INDEX meetings_held_by_team ON meetings(team_id, started_at) WHERE status = 'ended';
CREATE INDEX meetings_held_by_series ON meetings(series_id, started_at) WHERE status = 'ended';
`;
