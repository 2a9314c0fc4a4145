/** Row types for kysely; one interface per table, columns as SQLite stores them. */
import type {
  AgreementOnProjectorTable,
  AgreementRevisitsTable,
  AgreementVersionsTable,
  RoleEventsTable,
  RolesTable,
} from './schema-agreements';

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

export interface TurnsTable {
  id: string;
  agenda_item_id: string;
  attendee_id: string;
  position: number;
  timebox_ms: number;
  status: 'waiting' | 'speaking' | 'done' | 'passed' | 'skipped' | 'later';
  started_at: number | null;
  ended_at: number | null;
  paused_total_ms: number;
  notes: string;
}

export interface LiveActionsTable {
  id: string;
  meeting_id: string;
  kind: string;
  label: string;
  before_json: string;
  at: number;
  undone_at: number | null;
}

export interface DatabaseSchema {
  turns: TurnsTable;
  live_actions: LiveActionsTable;
  teams: TeamsTable;
  members: MembersTable;
  member_events: MemberEventsTable;
  settings: SettingsTable;
  meeting_series: MeetingSeriesTable;
  meetings: MeetingsTable;
  attendees: AttendeesTable;
  agenda_items: AgendaItemsTable;
  agenda_templates: AgendaTemplatesTable;
  agenda_template_items: AgendaTemplateItemsTable;
  parking_lot_items: ParkingLotItemsTable;
  old_business: OldBusinessTable;
  amendments: AmendmentsTable;
  decisions: DecisionsTable;
  positions: PositionsTable;
  objections: ObjectionsTable;
  decision_tags: DecisionTagsTable;
  commitments: CommitmentsTable;
  commitment_events: CommitmentEventsTable;
  meeting_feedback: MeetingFeedbackTable;
  agreement_versions: AgreementVersionsTable;
  agreement_revisits: AgreementRevisitsTable;
  agreement_on_projector: AgreementOnProjectorTable;
  roles: RolesTable;
  role_events: RoleEventsTable;
}

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

export interface MeetingSeriesTable {
  id: string;
  team_id: string;
  name: string;
  time_zone: string;
  cadence: 'weekly' | 'every_n_weeks' | 'monthly';
  interval_weeks: number;
  weekday: number | null;
  start_time: string;
  default_length_ms: number;
  default_facilitator_id: string | null;
  rotate_facilitator: number;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  month_day: number | null;
  month_week: number | null;
  starts_on: string | null;
  template_id: string | null;
}

export interface MeetingsTable {
  id: string;
  team_id: string;
  series_id: string | null;
  title: string;
  status: 'planned' | 'live' | 'ended';
  scheduled_start: number | null;
  planned_length_ms: number;
  facilitator_id: string | null;
  started_at: number | null;
  ended_at: number | null;
  paused_at: number | null;
  paused_total_ms: number;
  current_item_id: string | null;
  created_at: number;
  updated_at: number;
  agenda_revision: number;
}

export interface AttendeesTable {
  id: string;
  meeting_id: string;
  member_id: string | null;
  guest_name: string | null;
  status: 'expected' | 'present' | 'absent' | 'late' | 'left_early';
  arrived_at: number | null;
  left_at: number | null;
}

export interface AgendaItemsTable {
  id: string;
  meeting_id: string;
  position: number;
  kind: AgendaKindColumn;
  title: string;
  planned_ms: number;
  owner_id: string | null;
  notes: string;
  status: 'pending' | 'active' | 'done' | 'parked' | 'not_reached';
  started_at: number | null;
  ended_at: number | null;
  paused_at: number | null;
  paused_total_ms: number;
  extra_ms: number;
  carried_from_id: string | null;
  created_at: number;
  updated_at: number;
  removed_at: number | null;
  round_order: 'team' | 'shuffle' | 'rotate';
  turn_timebox_ms: number | null;
}

export interface AgendaTemplatesTable {
  id: string;
  team_id: string | null;
  builtin_key: string | null;
  name: string;
  description: string;
  created_at: number;
  archived_at: number | null;
}

export interface AgendaTemplateItemsTable {
  id: string;
  template_id: string;
  position: number;
  kind: AgendaKindColumn;
  title: string;
  planned_ms: number;
  notes: string;
}

export interface ParkingLotItemsTable {
  id: string;
  team_id: string;
  title: string;
  notes: string;
  status: 'open' | 'discussed' | 'dropped';
  parked_from_meeting_id: string | null;
  parked_from_item_id: string | null;
  closed_at: number | null;
  closed_in_meeting_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface OldBusinessTable {
  id: string;
  meeting_id: string;
  source: string;
  ref_id: string;
  from_meeting_id: string | null;
  title: string;
  detail: string;
  agenda_item_id: string | null;
  created_at: number;
}

export interface AmendmentsTable {
  id: string;
  entity_type: string;
  entity_id: string;
  reason: string;
  changes_json: string;
  at: number;
}

export type StanceColumn = 'agree' | 'consent' | 'stand_aside' | 'disagree' | 'block';
export type DecisionStatusColumn = 'proposed' | 'accepted' | 'rejected' | 'deferred' | 'superseded' | 'reversed';

export interface DecisionsTable {
  id: string;
  team_id: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  title: string;
  question: string;
  context: string;
  options_json: string;
  decision: string;
  rationale: string;
  proposer_id: string | null;
  owner_id: string | null;
  decision_right: string | null;
  risks: string;
  timeline: string;
  review_date: string | null;
  status: DecisionStatusColumn;
  supersedes_id: string | null;
  supersede_kind: 'supersedes' | 'reverses' | null;
  tags_json: string;
  confirmed_at: number | null;
  decided_at: number | null;
  readback_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface PositionsTable {
  id: string;
  decision_id: string;
  member_id: string;
  stance: StanceColumn;
  reason: string | null;
  recorded_at: number;
}

export interface ObjectionsTable {
  id: string;
  decision_id: string;
  position_id: string;
  member_id: string;
  reason: string;
  resolution: 'integrated' | 'withdrawn' | 'overruled' | 'escalated' | null;
  resolution_note: string | null;
  escalated_to: string | null;
  resolved_by_id: string | null;
  resolved_at: number | null;
  created_at: number;
  text_before: string | null;
  text_after: string | null;
}

export interface DecisionTagsTable {
  decision_id: string;
  tag: string;
}

export interface CommitmentsTable {
  id: string;
  team_id: string;
  owner_id: string;
  outcome: string;
  original_due_date: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  decision_id: string | null;
  created_at: number;
  /** The first done or dropped event's instant, kept by a trigger (migration 009); null while open. */
  closed_at: number | null;
}

export interface CommitmentEventsTable {
  id: string;
  commitment_id: string;
  kind: 'created' | 'status' | 'renegotiated' | 'slipped' | 'done' | 'dropped' | 'reassigned';
  status: 'open' | 'on_track' | 'at_risk' | 'done' | 'dropped' | null;
  at: number;
  meeting_id: string | null;
  old_due_date: string | null;
  new_due_date: string | null;
  reason: string | null;
  root_cause: 'wrong_assumption' | 'missing_resource' | 'other' | null;
  corrective_action: string | null;
  corrective_commitment_id: string | null;
  new_owner_id: string | null;
  in_advance: number | null;
}

/** Null attendee and instant: an anonymous entry. */
export interface MeetingFeedbackTable {
  meeting_id: string;
  id: string;
  attendee_id: string | null;
  rating: number;
  better: string;
  at: number | null;
}
