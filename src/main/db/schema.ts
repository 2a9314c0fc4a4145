/**
 * Every table's columns as SQLite stores them, stated once as values (columns.ts): kysely's row
 * types are derived from them, and tests/unit/schema-drift.test.ts holds them against the
 * migrated database, so this file and the migrations cannot drift apart.
 */
import { integer, nullable, text, type RowOf } from './columns';
import {
  agreementOnProjectorColumns,
  agreementRevisitsColumns,
  agreementVersionsColumns,
  roleEventsColumns,
  rolesColumns,
} from './schema-agreements';
import {
  syncChangesColumns,
  syncConflictsColumns,
  syncDeviceColumns,
  syncLinksColumns,
  syncMergedColumns,
  syncStampsColumns,
} from './schema-sync';

export const teamsColumns = {
  id: text(),
  name: text(),
  time_zone: text(),
  created_at: integer(),
  updated_at: integer(),
  archived_at: nullable(integer()),
};
export type TeamsTable = RowOf<typeof teamsColumns>;

export const membersColumns = {
  id: text(),
  team_id: text(),
  name: text(),
  role_title: nullable(text()),
  position: integer(),
  joined_at: integer(),
  left_at: nullable(integer()),
  created_at: integer(),
  updated_at: integer(),
};
export type MembersTable = RowOf<typeof membersColumns>;

export const memberEventsColumns = {
  id: text(),
  member_id: text(),
  kind: text<'joined' | 'renamed' | 'role_changed' | 'left' | 'rejoined'>(),
  at: integer(),
  old_value: nullable(text()),
  new_value: nullable(text()),
};
export type MemberEventsTable = RowOf<typeof memberEventsColumns>;

export const settingsColumns = {
  key: text(),
  value_json: text(),
};
export type SettingsTable = RowOf<typeof settingsColumns>;

export const turnsColumns = {
  id: text(),
  agenda_item_id: text(),
  attendee_id: text(),
  position: integer(),
  timebox_ms: integer(),
  status: text<'waiting' | 'speaking' | 'done' | 'passed' | 'skipped' | 'later'>(),
  started_at: nullable(integer()),
  ended_at: nullable(integer()),
  paused_total_ms: integer(),
  notes: text(),
};
export type TurnsTable = RowOf<typeof turnsColumns>;

export const liveActionsColumns = {
  id: text(),
  meeting_id: text(),
  kind: text(),
  label: text(),
  before_json: text(),
  at: integer(),
  undone_at: nullable(integer()),
};
export type LiveActionsTable = RowOf<typeof liveActionsColumns>;

export type AgendaKindColumn =
  | 'check_in'
  | 'round_robin'
  | 'metrics_review'
  | 'commitment_review'
  | 'decision_review'
  | 'discussion'
  | 'proposal'
  | 'recognition'
  | 'check_out';

export const meetingSeriesColumns = {
  id: text(),
  team_id: text(),
  name: text(),
  time_zone: text(),
  cadence: text<'weekly' | 'every_n_weeks' | 'monthly'>(),
  interval_weeks: integer(),
  weekday: nullable(integer()),
  start_time: text(),
  default_length_ms: integer(),
  default_facilitator_id: nullable(text()),
  rotate_facilitator: integer(),
  created_at: integer(),
  updated_at: integer(),
  archived_at: nullable(integer()),
  month_day: nullable(integer()),
  month_week: nullable(integer()),
  starts_on: nullable(text()),
  template_id: nullable(text()),
};
export type MeetingSeriesTable = RowOf<typeof meetingSeriesColumns>;

export const meetingsColumns = {
  id: text(),
  team_id: text(),
  series_id: nullable(text()),
  title: text(),
  status: text<'planned' | 'live' | 'ended'>(),
  scheduled_start: nullable(integer()),
  planned_length_ms: integer(),
  facilitator_id: nullable(text()),
  started_at: nullable(integer()),
  ended_at: nullable(integer()),
  paused_at: nullable(integer()),
  paused_total_ms: integer(),
  /** Written as the meeting starts and ends; a live meeting's current item is its agenda's running one (live-repository). */
  current_item_id: nullable(text()),
  created_at: integer(),
  updated_at: integer(),
  agenda_revision: integer(),
  called_off_at: nullable(integer()),
  called_off_reason: nullable(text()),
};
export type MeetingsTable = RowOf<typeof meetingsColumns>;

export const attendeesColumns = {
  id: text(),
  meeting_id: text(),
  member_id: nullable(text()),
  guest_name: nullable(text()),
  status: text<'expected' | 'present' | 'absent' | 'late' | 'left_early'>(),
  arrived_at: nullable(integer()),
  left_at: nullable(integer()),
};
export type AttendeesTable = RowOf<typeof attendeesColumns>;

export const agendaItemsColumns = {
  id: text(),
  meeting_id: text(),
  position: integer(),
  kind: text<AgendaKindColumn>(),
  title: text(),
  planned_ms: integer(),
  owner_id: nullable(text()),
  notes: text(),
  plan: text(),
  status: text<'pending' | 'active' | 'done' | 'parked' | 'not_reached'>(),
  started_at: nullable(integer()),
  ended_at: nullable(integer()),
  paused_at: nullable(integer()),
  paused_total_ms: integer(),
  extra_ms: integer(),
  carried_from_id: nullable(text()),
  created_at: integer(),
  updated_at: integer(),
  removed_at: nullable(integer()),
  round_order: text<'team' | 'shuffle' | 'rotate'>(),
  turn_timebox_ms: nullable(integer()),
};
export type AgendaItemsTable = RowOf<typeof agendaItemsColumns>;

export const agendaTemplatesColumns = {
  id: text(),
  team_id: nullable(text()),
  builtin_key: nullable(text()),
  name: text(),
  description: text(),
  created_at: integer(),
  archived_at: nullable(integer()),
};
export type AgendaTemplatesTable = RowOf<typeof agendaTemplatesColumns>;

export const agendaTemplateItemsColumns = {
  id: text(),
  template_id: text(),
  position: integer(),
  kind: text<AgendaKindColumn>(),
  title: text(),
  planned_ms: integer(),
  notes: text(),
};
export type AgendaTemplateItemsTable = RowOf<typeof agendaTemplateItemsColumns>;

export const parkingLotItemsColumns = {
  id: text(),
  team_id: text(),
  title: text(),
  notes: text(),
  status: text<'open' | 'discussed' | 'dropped'>(),
  parked_from_meeting_id: nullable(text()),
  parked_from_item_id: nullable(text()),
  closed_at: nullable(integer()),
  closed_in_meeting_id: nullable(text()),
  created_at: integer(),
  updated_at: integer(),
};
export type ParkingLotItemsTable = RowOf<typeof parkingLotItemsColumns>;

export const oldBusinessColumns = {
  id: text(),
  meeting_id: text(),
  source: text(),
  ref_id: text(),
  from_meeting_id: nullable(text()),
  title: text(),
  detail: text(),
  agenda_item_id: nullable(text()),
  created_at: integer(),
};
export type OldBusinessTable = RowOf<typeof oldBusinessColumns>;

export const amendmentsColumns = {
  id: text(),
  entity_type: text(),
  entity_id: text(),
  reason: text(),
  changes_json: text(),
  at: integer(),
};
export type AmendmentsTable = RowOf<typeof amendmentsColumns>;

export type StanceColumn = 'agree' | 'consent' | 'stand_aside' | 'disagree' | 'block';
export type DecisionStatusColumn = 'proposed' | 'accepted' | 'rejected' | 'deferred' | 'superseded' | 'reversed';

export const decisionsColumns = {
  id: text(),
  team_id: text(),
  meeting_id: nullable(text()),
  agenda_item_id: nullable(text()),
  title: text(),
  question: text(),
  context: text(),
  options_json: text(),
  decision: text(),
  rationale: text(),
  proposer_id: nullable(text()),
  owner_id: nullable(text()),
  decision_right: nullable(text()),
  risks: text(),
  timeline: text(),
  review_date: nullable(text()),
  status: text<DecisionStatusColumn>(),
  supersedes_id: nullable(text()),
  supersede_kind: nullable(text<'supersedes' | 'reverses'>()),
  tags_json: text(),
  confirmed_at: nullable(integer()),
  decided_at: nullable(integer()),
  readback_at: nullable(integer()),
  created_at: integer(),
  updated_at: integer(),
  /** The decision's number in its team for life; null only between an insert and its trigger (011). */
  number: nullable(integer()),
  /** The chosen option's title as written among the options; null when none was recorded (012). */
  chosen_option: nullable(text()),
};
export type DecisionsTable = RowOf<typeof decisionsColumns>;

export const positionsColumns = {
  id: text(),
  decision_id: text(),
  member_id: text(),
  stance: text<StanceColumn>(),
  reason: nullable(text()),
  recorded_at: integer(),
};
export type PositionsTable = RowOf<typeof positionsColumns>;

export const objectionsColumns = {
  id: text(),
  decision_id: text(),
  position_id: text(),
  member_id: text(),
  reason: text(),
  resolution: nullable(text<'integrated' | 'withdrawn' | 'overruled' | 'escalated'>()),
  resolution_note: nullable(text()),
  escalated_to: nullable(text()),
  resolved_by_id: nullable(text()),
  resolved_at: nullable(integer()),
  created_at: integer(),
  text_before: nullable(text()),
  text_after: nullable(text()),
};
export type ObjectionsTable = RowOf<typeof objectionsColumns>;

export const decisionTagsColumns = {
  decision_id: text(),
  tag: text(),
};
export type DecisionTagsTable = RowOf<typeof decisionTagsColumns>;

export const commitmentsColumns = {
  id: text(),
  team_id: text(),
  owner_id: text(),
  outcome: text(),
  original_due_date: text(),
  meeting_id: nullable(text()),
  agenda_item_id: nullable(text()),
  decision_id: nullable(text()),
  created_at: integer(),
  /** The first done or dropped event's instant, kept by a trigger (migration 009); null while open. */
  closed_at: nullable(integer()),
};
export type CommitmentsTable = RowOf<typeof commitmentsColumns>;

export const commitmentEventsColumns = {
  id: text(),
  commitment_id: text(),
  kind: text<'created' | 'status' | 'renegotiated' | 'slipped' | 'done' | 'dropped' | 'reassigned'>(),
  status: nullable(text<'open' | 'on_track' | 'at_risk' | 'done' | 'dropped'>()),
  at: integer(),
  meeting_id: nullable(text()),
  old_due_date: nullable(text()),
  new_due_date: nullable(text()),
  reason: nullable(text()),
  root_cause: nullable(text<'wrong_assumption' | 'missing_resource' | 'other'>()),
  corrective_action: nullable(text()),
  corrective_commitment_id: nullable(text()),
  new_owner_id: nullable(text()),
  in_advance: nullable(integer()),
};
export type CommitmentEventsTable = RowOf<typeof commitmentEventsColumns>;

/** Null attendee and instant: an anonymous entry. */
export const meetingFeedbackColumns = {
  meeting_id: text(),
  id: text(),
  attendee_id: nullable(text()),
  rating: integer(),
  better: text(),
  at: nullable(integer()),
};
export type MeetingFeedbackTable = RowOf<typeof meetingFeedbackColumns>;

/** Every table kysely may query, by name. The decision log's FTS5 index is queried in raw SQL and is not here. */
export const tables = {
  turns: turnsColumns,
  live_actions: liveActionsColumns,
  teams: teamsColumns,
  members: membersColumns,
  member_events: memberEventsColumns,
  settings: settingsColumns,
  meeting_series: meetingSeriesColumns,
  meetings: meetingsColumns,
  attendees: attendeesColumns,
  agenda_items: agendaItemsColumns,
  agenda_templates: agendaTemplatesColumns,
  agenda_template_items: agendaTemplateItemsColumns,
  parking_lot_items: parkingLotItemsColumns,
  old_business: oldBusinessColumns,
  amendments: amendmentsColumns,
  decisions: decisionsColumns,
  positions: positionsColumns,
  objections: objectionsColumns,
  decision_tags: decisionTagsColumns,
  commitments: commitmentsColumns,
  commitment_events: commitmentEventsColumns,
  meeting_feedback: meetingFeedbackColumns,
  agreement_versions: agreementVersionsColumns,
  agreement_revisits: agreementRevisitsColumns,
  agreement_on_projector: agreementOnProjectorColumns,
  roles: rolesColumns,
  role_events: roleEventsColumns,
  sync_device: syncDeviceColumns,
  sync_stamps: syncStampsColumns,
  sync_conflicts: syncConflictsColumns,
  sync_links: syncLinksColumns,
  sync_changes: syncChangesColumns,
  sync_merged: syncMergedColumns,
};

export type DatabaseSchema = { [K in keyof typeof tables]: RowOf<(typeof tables)[K]> };
