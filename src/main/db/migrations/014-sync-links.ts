/**
 * FROZEN once shipped. A team linked to a git repository (issue 19): where it syncs, the last commit this laptop
 * synced (made or adopted), and how the last attempt went, so the team page shows it after a restart. No foreign
 * key to teams: a laptop joining a team links it before the team's rows arrive with the first sync.
 * `conflicts_json` holds the last merge's conflicts as the merge listed them.
 */
export const version = 14;
export const name = 'sync links';

export const sql = `
CREATE TABLE sync_links (
  team_id TEXT PRIMARY KEY,
  url TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
  linked_at INTEGER NOT NULL,
  last_commit TEXT,
  pushed INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1)),
  last_sync_at INTEGER,
  last_attempt_at INTEGER,
  last_error TEXT,
  last_error_kind TEXT,
  incoming INTEGER NOT NULL DEFAULT 0,
  outgoing INTEGER NOT NULL DEFAULT 0,
  conflicts_json TEXT NOT NULL DEFAULT '[]'
) STRICT;
`;
