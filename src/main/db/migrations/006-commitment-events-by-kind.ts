/**
 * FROZEN once shipped. Recognition asks "what was done since the last meeting?" of every
 * meeting view: an index on the events' kind and instant answers it without reading them all.
 */
export const version = 6;
export const name = 'commitment events by kind and time';

export const sql = `
CREATE INDEX commitment_events_by_kind ON commitment_events(kind, at);
`;
