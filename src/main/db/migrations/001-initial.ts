/**
 * FROZEN: shipped migrations never change (a test checks their checksums); add a new one instead.
 * Imports nothing from the app. Rules of DOMAIN.md: UUIDv7 text ids, INTEGER epoch-ms instants,
 * TEXT 'YYYY-MM-DD' dates, IANA time zones, nothing hard-deleted by normal use.
 */
export const version = 1;
export const name = 'initial schema';

export const sql = `
CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  time_zone TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  archived_at INTEGER
) STRICT;

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  role_title TEXT,
  position INTEGER NOT NULL,
  joined_at INTEGER NOT NULL,
  left_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX members_by_team ON members(team_id, position);

CREATE TABLE member_events (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id),
  kind TEXT NOT NULL CHECK (kind IN ('joined','renamed','role_changed','left','rejoined')),
  at INTEGER NOT NULL,
  old_value TEXT,
  new_value TEXT
) STRICT;
CREATE INDEX member_events_by_member ON member_events(member_id, at);

CREATE TABLE meeting_series (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  cadence TEXT NOT NULL CHECK (cadence IN ('weekly','every_n_weeks','monthly')),
  interval_weeks INTEGER NOT NULL DEFAULT 1 CHECK (interval_weeks BETWEEN 1 AND 52),
  weekday INTEGER CHECK (weekday BETWEEN 1 AND 7),
  start_time TEXT NOT NULL,
  default_length_ms INTEGER NOT NULL CHECK (default_length_ms > 0),
  default_facilitator_id TEXT REFERENCES members(id),
  rotate_facilitator INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  archived_at INTEGER
) STRICT;
CREATE INDEX meeting_series_by_team ON meeting_series(team_id);

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  series_id TEXT REFERENCES meeting_series(id),
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned','live','ended')),
  scheduled_start INTEGER,
  planned_length_ms INTEGER NOT NULL CHECK (planned_length_ms > 0),
  facilitator_id TEXT REFERENCES members(id),
  started_at INTEGER,
  ended_at INTEGER,
  paused_at INTEGER,
  paused_total_ms INTEGER NOT NULL DEFAULT 0,
  current_item_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX meetings_by_team ON meetings(team_id, scheduled_start);
CREATE INDEX meetings_by_series ON meetings(series_id, scheduled_start);

CREATE TABLE attendees (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  member_id TEXT REFERENCES members(id),
  guest_name TEXT,
  status TEXT NOT NULL CHECK (status IN ('expected','present','absent','late','left_early')),
  arrived_at INTEGER,
  left_at INTEGER,
  CHECK ((member_id IS NULL) <> (guest_name IS NULL))
) STRICT;
CREATE INDEX attendees_by_meeting ON attendees(meeting_id);

CREATE TABLE agenda_items (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('check_in','round_robin','metrics_review','commitment_review',
    'decision_review','discussion','proposal','recognition','check_out')),
  title TEXT NOT NULL,
  planned_ms INTEGER NOT NULL CHECK (planned_ms > 0),
  owner_id TEXT REFERENCES members(id),
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','active','done','parked','not_reached')),
  started_at INTEGER,
  ended_at INTEGER,
  paused_at INTEGER,
  paused_total_ms INTEGER NOT NULL DEFAULT 0,
  extra_ms INTEGER NOT NULL DEFAULT 0,
  carried_from_id TEXT REFERENCES agenda_items(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX agenda_items_by_meeting ON agenda_items(meeting_id, position);

CREATE TABLE turns (
  id TEXT PRIMARY KEY,
  agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id),
  attendee_id TEXT NOT NULL REFERENCES attendees(id),
  position INTEGER NOT NULL,
  timebox_ms INTEGER NOT NULL CHECK (timebox_ms > 0),
  status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','speaking','done','passed','skipped','later')),
  started_at INTEGER,
  ended_at INTEGER,
  paused_total_ms INTEGER NOT NULL DEFAULT 0,
  notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX turns_by_item ON turns(agenda_item_id, position);

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  meeting_id TEXT REFERENCES meetings(id),
  agenda_item_id TEXT REFERENCES agenda_items(id),
  title TEXT NOT NULL,
  question TEXT NOT NULL DEFAULT '',
  context TEXT NOT NULL DEFAULT '',
  options_json TEXT NOT NULL DEFAULT '[]',
  decision TEXT NOT NULL DEFAULT '',
  rationale TEXT NOT NULL DEFAULT '',
  proposer_id TEXT REFERENCES members(id),
  owner_id TEXT REFERENCES members(id),
  decision_right TEXT,
  risks TEXT NOT NULL DEFAULT '',
  timeline TEXT NOT NULL DEFAULT '',
  review_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('proposed','accepted','rejected','deferred','superseded','reversed')),
  supersedes_id TEXT REFERENCES decisions(id),
  tags_json TEXT NOT NULL DEFAULT '[]',
  confirmed_at INTEGER,
  decided_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX decisions_by_team ON decisions(team_id, decided_at);
CREATE INDEX decisions_by_supersedes ON decisions(supersedes_id);

CREATE TABLE positions (
  id TEXT PRIMARY KEY,
  decision_id TEXT NOT NULL REFERENCES decisions(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  stance TEXT NOT NULL CHECK (stance IN ('agree','consent','stand_aside','disagree','block')),
  reason TEXT,
  recorded_at INTEGER NOT NULL,
  CHECK (stance NOT IN ('disagree','block') OR length(trim(coalesce(reason,''))) > 0)
) STRICT;
CREATE INDEX positions_by_decision ON positions(decision_id, member_id, recorded_at);

CREATE TABLE objections (
  id TEXT PRIMARY KEY,
  decision_id TEXT NOT NULL REFERENCES decisions(id),
  position_id TEXT NOT NULL REFERENCES positions(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  reason TEXT NOT NULL,
  resolution TEXT CHECK (resolution IN ('integrated','withdrawn','overruled','escalated')),
  resolution_note TEXT,
  escalated_to TEXT,
  resolved_by_id TEXT REFERENCES members(id),
  resolved_at INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX objections_by_decision ON objections(decision_id);

CREATE TABLE commitments (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  owner_id TEXT NOT NULL REFERENCES members(id),
  outcome TEXT NOT NULL,
  original_due_date TEXT NOT NULL,
  meeting_id TEXT REFERENCES meetings(id),
  agenda_item_id TEXT REFERENCES agenda_items(id),
  decision_id TEXT REFERENCES decisions(id),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX commitments_by_team ON commitments(team_id, owner_id);

CREATE TABLE commitment_events (
  id TEXT PRIMARY KEY,
  commitment_id TEXT NOT NULL REFERENCES commitments(id),
  kind TEXT NOT NULL CHECK (kind IN ('created','status','renegotiated','slipped','done','dropped','reassigned')),
  status TEXT CHECK (status IN ('open','on_track','at_risk','done','dropped')),
  at INTEGER NOT NULL,
  meeting_id TEXT REFERENCES meetings(id),
  old_due_date TEXT,
  new_due_date TEXT,
  reason TEXT,
  root_cause TEXT CHECK (root_cause IN ('wrong_assumption','missing_resource','other')),
  corrective_action TEXT,
  corrective_commitment_id TEXT REFERENCES commitments(id),
  new_owner_id TEXT REFERENCES members(id)
) STRICT;
CREATE INDEX commitment_events_by_commitment ON commitment_events(commitment_id, at);

CREATE TABLE amendments (
  id TEXT PRIMARY KEY,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  changes_json TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX amendments_by_entity ON amendments(entity_type, entity_id, at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
) STRICT;
`;
