/** Columns of the operating agreement and role tables (migration 008); see schema.ts. */
import { integer, nullable, text, type RowOf } from './columns';

export const agreementVersionsColumns = {
  id: text(),
  team_id: text(),
  version: integer(),
  body_json: text(),
  change_note: text(),
  revisit_by: text(),
  starter: nullable(text()),
  created_at: integer(),
};
export type AgreementVersionsTable = RowOf<typeof agreementVersionsColumns>;

export const agreementRevisitsColumns = {
  id: text(),
  version_id: text(),
  meeting_id: nullable(text()),
  note: text(),
  next_revisit_by: text(),
  at: integer(),
};
export type AgreementRevisitsTable = RowOf<typeof agreementRevisitsColumns>;

export const agreementOnProjectorColumns = {
  meeting_id: text(),
  version_id: nullable(text()),
  shown_at: nullable(integer()),
  updated_at: integer(),
};
export type AgreementOnProjectorTable = RowOf<typeof agreementOnProjectorColumns>;

export const rolesColumns = {
  id: text(),
  team_id: text(),
  name: text(),
  purpose: text(),
  holder_id: nullable(text()),
  created_at: integer(),
  updated_at: integer(),
  retired_at: nullable(integer()),
};
export type RolesTable = RowOf<typeof rolesColumns>;

export const roleEventsColumns = {
  id: text(),
  role_id: text(),
  kind: text<'created' | 'assigned' | 'unassigned' | 'renamed' | 'purpose_changed' | 'retired'>(),
  member_id: nullable(text()),
  old_value: nullable(text()),
  new_value: nullable(text()),
  at: integer(),
};
export type RoleEventsTable = RowOf<typeof roleEventsColumns>;
