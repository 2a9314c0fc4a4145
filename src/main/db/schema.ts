/** Row types for kysely; one interface per table, columns as SQLite stores them. */
export interface TeamsTable {
  id: string;
  name: string;
  time_zone: string;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface MembersTable {
  id: string;
  team_id: string;
  name: string;
  role_title: string | null;
  position: number;
  joined_at: number;
  left_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface MemberEventsTable {
  id: string;
  member_id: string;
  kind: 'joined' | 'renamed' | 'role_changed' | 'left' | 'rejoined';
  at: number;
  old_value: string | null;
  new_value: string | null;
}

export interface SettingsTable {
  key: string;
  value_json: string;
}

export interface DatabaseSchema {
  teams: TeamsTable;
  members: MembersTable;
  member_events: MemberEventsTable;
  settings: SettingsTable;
}
