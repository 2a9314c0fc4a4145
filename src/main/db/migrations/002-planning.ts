/**
 * FROZEN once shipped. Planning: monthly rules and a template for series, agenda templates,
 * the parking lot, removable (never deleted) agenda items, an agenda revision for two
 * windows editing one agenda, and the old business a meeting inherited.
 */
export const version = 2;
export const name = 'planning: templates, parking lot, old business';

export const sql = `
CREATE TABLE agenda_templates (
  id TEXT PRIMARY KEY,
  team_id TEXT REFERENCES teams(id),
  builtin_key TEXT UNIQUE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  archived_at INTEGER
) STRICT;

CREATE TABLE agenda_template_items (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES agenda_templates(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('check_in','round_robin','metrics_review','commitment_review',
    'decision_review','discussion','proposal','recognition','check_out')),
  title TEXT NOT NULL,
  planned_ms INTEGER NOT NULL CHECK (planned_ms > 0),
  notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX agenda_template_items_by_template ON agenda_template_items(template_id, position);

ALTER TABLE meeting_series ADD COLUMN month_day INTEGER CHECK (month_day BETWEEN 1 AND 31);
ALTER TABLE meeting_series ADD COLUMN month_week INTEGER CHECK (month_week IN (1,2,3,4,-1));
ALTER TABLE meeting_series ADD COLUMN starts_on TEXT;
ALTER TABLE meeting_series ADD COLUMN template_id TEXT REFERENCES agenda_templates(id);

ALTER TABLE meetings ADD COLUMN agenda_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agenda_items ADD COLUMN removed_at INTEGER;

CREATE TABLE parking_lot_items (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','discussed','dropped')),
  parked_from_meeting_id TEXT REFERENCES meetings(id),
  parked_from_item_id TEXT REFERENCES agenda_items(id),
  closed_at INTEGER,
  closed_in_meeting_id TEXT REFERENCES meetings(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX parking_lot_by_team ON parking_lot_items(team_id, status, created_at);

CREATE TABLE old_business (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  source TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  from_meeting_id TEXT REFERENCES meetings(id),
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  agenda_item_id TEXT REFERENCES agenda_items(id),
  created_at INTEGER NOT NULL,
  UNIQUE (meeting_id, source, ref_id)
) STRICT;
CREATE INDEX old_business_by_meeting ON old_business(meeting_id);
`;
