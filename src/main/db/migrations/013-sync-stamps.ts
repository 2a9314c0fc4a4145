/**
 * FROZEN once shipped. What a team's git sync (issue 19) keeps beside the team's rows: this
 * database's device id and the last hybrid-logical-clock stamp it gave (so its stamps only grow),
 * each synced row's stamp (written when a sync finds the row changed since the last synced tree;
 * the higher stamp wins when two laptops changed one field), and the conflicts found so far, which
 * travel in the tree so every laptop lists the same ones.
 */
export const version = 13;
export const name = 'sync stamps and conflicts';

export const sql = `
CREATE TABLE sync_device (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  device_id TEXT NOT NULL CHECK (length(device_id) = 16),
  last_stamp TEXT NOT NULL
) STRICT;
INSERT INTO sync_device (only, device_id, last_stamp) VALUES (1, lower(hex(randomblob(8))), '');

CREATE TABLE sync_stamps (
  team_id TEXT NOT NULL REFERENCES teams(id),
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  stamp TEXT NOT NULL,
  PRIMARY KEY (table_name, row_key)
) STRICT;
CREATE INDEX sync_stamps_by_team ON sync_stamps(team_id);

CREATE TABLE sync_conflicts (
  team_id TEXT NOT NULL REFERENCES teams(id),
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  kept_json TEXT NOT NULL,
  other_json TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (team_id, entity, row_id, field, kept_json, other_json)
) STRICT;
`;
