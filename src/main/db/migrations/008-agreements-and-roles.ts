/**
 * FROZEN once shipped. Operating agreements and roles. An agreement version is written once and
 * never changed (a trigger refuses UPDATE; only a restore replaces whole tables): editing adds
 * the next version. A "still stands" revisit is a row of its own. Roles keep their holder on the
 * row for quick reads and every assignment and hand-over as an event.
 */
export const version = 8;
export const name = 'operating agreements and roles';

export const sql = `
CREATE TABLE agreement_versions (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  change_note TEXT NOT NULL CHECK (length(trim(change_note)) > 0),
  revisit_by TEXT NOT NULL,
  starter TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (team_id, version)
) STRICT;

CREATE TRIGGER agreement_versions_never_change BEFORE UPDATE ON agreement_versions BEGIN
  SELECT RAISE(ABORT, 'An agreement version is never changed: add a new version');
END;

CREATE TABLE agreement_revisits (
  id TEXT PRIMARY KEY,
  version_id TEXT NOT NULL REFERENCES agreement_versions(id),
  meeting_id TEXT REFERENCES meetings(id),
  note TEXT NOT NULL,
  next_revisit_by TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX agreement_revisits_by_version ON agreement_revisits(version_id, at);

CREATE TABLE agreement_on_projector (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
  version_id TEXT REFERENCES agreement_versions(id),
  shown_at INTEGER,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  holder_id TEXT REFERENCES members(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  retired_at INTEGER
) STRICT;
CREATE UNIQUE INDEX roles_name_per_team ON roles(team_id, lower(name)) WHERE retired_at IS NULL;
CREATE INDEX roles_by_holder ON roles(holder_id);

CREATE TABLE role_events (
  id TEXT PRIMARY KEY,
  role_id TEXT NOT NULL REFERENCES roles(id),
  kind TEXT NOT NULL CHECK (kind IN ('created','assigned','unassigned','renamed','purpose_changed','retired')),
  member_id TEXT REFERENCES members(id),
  old_value TEXT,
  new_value TEXT,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX role_events_by_role ON role_events(role_id, at);
`;
