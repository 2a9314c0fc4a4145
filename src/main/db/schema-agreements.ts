/** Row types of the operating agreement and role tables (migration 007). */
export interface AgreementVersionsTable {
  id: string;
  team_id: string;
  version: number;
  body_json: string;
  change_note: string;
  revisit_by: string;
  starter: string | null;
  created_at: number;
}

export interface AgreementRevisitsTable {
  id: string;
  version_id: string;
  meeting_id: string | null;
  note: string;
  next_revisit_by: string;
  at: number;
}

export interface AgreementOnProjectorTable {
  meeting_id: string;
  version_id: string | null;
  shown_at: number | null;
  updated_at: number;
}

export interface RolesTable {
  id: string;
  team_id: string;
  name: string;
  purpose: string;
  holder_id: string | null;
  created_at: number;
  updated_at: number;
  retired_at: number | null;
}

export interface RoleEventsTable {
  id: string;
  role_id: string;
  kind: 'created' | 'assigned' | 'unassigned' | 'renamed' | 'purpose_changed' | 'retired';
  member_id: string | null;
  old_value: string | null;
  new_value: string | null;
  at: number;
}
