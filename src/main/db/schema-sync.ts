/** Columns of the git sync's own tables (migrations 013, 014 and 017); see schema.ts. */
import { integer, nullable, text, type RowOf } from './columns';

export const syncDeviceColumns = {
  only: integer<1>(),
  device_id: text(),
  last_stamp: text(),
};
export type SyncDeviceTable = RowOf<typeof syncDeviceColumns>;

export const syncStampsColumns = {
  team_id: text(),
  table_name: text(),
  row_key: text(),
  stamp: text(),
};
export type SyncStampsTable = RowOf<typeof syncStampsColumns>;

export const syncConflictsColumns = {
  team_id: text(),
  entity: text(),
  row_id: text(),
  field: text(),
  kept_json: text(),
  other_json: text(),
  at: integer(),
};
export type SyncConflictsTable = RowOf<typeof syncConflictsColumns>;

export const syncLinksColumns = {
  team_id: text(),
  url: text(),
  linked_at: integer(),
  last_commit: nullable(text()),
  pushed: integer<0 | 1>(),
  last_sync_at: nullable(integer()),
  last_attempt_at: nullable(integer()),
  last_error: nullable(text()),
  last_error_kind: nullable(text()),
  incoming: integer(),
  outgoing: integer(),
  conflicts_json: text(),
};
export type SyncLinksTable = RowOf<typeof syncLinksColumns>;

/** Which files of a linked team's sync tree changed since its last merge (migration 017; triggers write it). */
export const syncChangesColumns = {
  team_id: text(),
  folder: text(),
  id: text(),
};
export type SyncChangesTable = RowOf<typeof syncChangesColumns>;

export const syncMergedColumns = {
  team_id: text(),
  merge_id: text(),
};
export type SyncMergedTable = RowOf<typeof syncMergedColumns>;
