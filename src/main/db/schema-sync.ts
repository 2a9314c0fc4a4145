/** Columns of the git sync's own tables (migration 013); see schema.ts. */
import { integer, text, type RowOf } from './columns';

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
