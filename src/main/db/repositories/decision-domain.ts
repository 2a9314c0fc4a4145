import type { DecisionLink, DecisionOption, DecisionStatus, Objection, Position, Resolution, Stance } from '@shared/decisions';
import type { EpochMs, Id } from '@shared/domain';
import type { Amendment, MeetingStatus } from '@shared/planning';
import type { AmendmentsTable, DecisionsTable, ObjectionsTable } from '../schema';
import type { DecisionRow, ObjectionRow, PositionRow } from './decisions-repository';

/** A decision as stored, in the domain's names; options and tags parsed. */
export interface StoredDecision {
  id: Id;
  /** The decision's number in its team for life; migration 011's trigger gives the next one when it is absent. */
  number?: number | null;
  teamId: Id;
  meetingId: Id | null;
  agendaItemId: Id | null;
  title: string;
  question: string;
  context: string;
  options: DecisionOption[];
  /** The chosen option's title as written among `options`, or null (migration 012). */
  chosenOption: string | null;
  decision: string;
  rationale: string;
  proposerId: Id | null;
  ownerId: Id | null;
  decisionRight: string | null;
  risks: string;
  timeline: string;
  reviewDate: string | null;
  status: DecisionStatus;
  supersedesId: Id | null;
  supersedeKind: 'supersedes' | 'reverses' | null;
  tags: string[];
  confirmedAt: EpochMs | null;
  decidedAt: EpochMs | null;
  readbackAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** A stored decision with the names the views show beside it. */
export interface DecisionRecord extends StoredDecision {
  number: number;
  teamName: string;
  meetingTitle: string | null;
  meetingStart: EpochMs | null;
  meetingStatus: MeetingStatus | null;
  proposerName: string | null;
  ownerName: string | null;
}

/** An objection with the decision it is raised on. */
export type ObjectionRecord = Objection & { decisionId: Id };

export interface NewPosition {
  id: Id;
  decisionId: Id;
  memberId: Id;
  stance: Stance;
  reason: string | null;
  recordedAt: EpochMs;
}

export interface NewObjection {
  id: Id;
  decisionId: Id;
  positionId: Id;
  memberId: Id;
  reason: string;
  createdAt: EpochMs;
}

/** How an objection was resolved; `textBefore`/`textAfter` only when the proposal was changed to integrate it. */
export interface ObjectionResolution {
  resolution: Resolution;
  resolutionNote: string | null;
  resolvedById: Id | null;
  resolvedAt: EpochMs;
  escalatedTo?: string | null;
  textBefore?: string;
  textAfter?: string;
}

/** Rows of the decision tables as the domain names them; shared by the per-decision reads and the export's set reads. */
export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toDecisionRecord(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    number: row.number ?? 0,
    teamId: row.team_id,
    teamName: row.team_name,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    meetingStart: row.meeting_start,
    meetingStatus: row.meeting_status,
    agendaItemId: row.agenda_item_id,
    title: row.title,
    question: row.question,
    context: row.context,
    options: parseJson<DecisionOption[]>(row.options_json, []),
    chosenOption: row.chosen_option,
    decision: row.decision,
    rationale: row.rationale,
    proposerId: row.proposer_id,
    proposerName: row.proposer_name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    decisionRight: row.decision_right,
    risks: row.risks,
    timeline: row.timeline,
    reviewDate: row.review_date,
    status: row.status,
    supersedesId: row.supersedes_id,
    supersedeKind: row.supersede_kind,
    tags: parseJson<string[]>(row.tags_json, []),
    confirmedAt: row.confirmed_at,
    decidedAt: row.decided_at,
    readbackAt: row.readback_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const DECISION_COLUMNS = {
  id: 'id',
  number: 'number',
  teamId: 'team_id',
  meetingId: 'meeting_id',
  agendaItemId: 'agenda_item_id',
  title: 'title',
  question: 'question',
  context: 'context',
  chosenOption: 'chosen_option',
  decision: 'decision',
  rationale: 'rationale',
  proposerId: 'proposer_id',
  ownerId: 'owner_id',
  decisionRight: 'decision_right',
  risks: 'risks',
  timeline: 'timeline',
  reviewDate: 'review_date',
  status: 'status',
  supersedesId: 'supersedes_id',
  supersedeKind: 'supersede_kind',
  confirmedAt: 'confirmed_at',
  decidedAt: 'decided_at',
  readbackAt: 'readback_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies Record<Exclude<keyof StoredDecision, 'options' | 'tags'>, keyof DecisionsTable>;

/** The columns for the fields given (options and tags as the JSON they are stored as). */
export function decisionColumns(fields: Partial<StoredDecision>): Partial<DecisionsTable> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === 'options') out.options_json = JSON.stringify(value);
    else if (key === 'tags') out.tags_json = JSON.stringify(value);
    else out[DECISION_COLUMNS[key as keyof typeof DECISION_COLUMNS]] = value;
  }
  return out as Partial<DecisionsTable>;
}

/**
 * The columns resolving an objection writes. An unresolved objection has no note: a resolution without one leaves
 * the column out, so the full-text trigger that rewrites the decision's search row when a note changes does not run.
 */
export function resolutionColumns(r: ObjectionResolution): Partial<ObjectionsTable> {
  return {
    resolution: r.resolution,
    ...(r.resolutionNote !== null ? { resolution_note: r.resolutionNote } : {}),
    resolved_by_id: r.resolvedById,
    resolved_at: r.resolvedAt,
    ...(r.escalatedTo !== undefined ? { escalated_to: r.escalatedTo } : {}),
    ...(r.textBefore !== undefined ? { text_before: r.textBefore, text_after: r.textAfter ?? null } : {}),
  };
}

export function toPosition(row: PositionRow): Position {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    stance: row.stance,
    reason: row.reason,
    recordedAt: row.recorded_at,
  };
}

export function toObjection(row: ObjectionRow): Objection {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    stance: row.stance,
    reason: row.reason,
    resolution: row.resolution,
    resolutionNote: row.resolution_note,
    escalatedTo: row.escalated_to,
    resolvedById: row.resolved_by_id,
    resolvedByName: row.resolved_by_name,
    resolvedAt: row.resolved_at,
    createdAt: row.created_at,
    textBefore: row.text_before,
    textAfter: row.text_after,
  };
}

export function toLink(d: DecisionRecord): DecisionLink {
  return {
    id: d.id,
    number: d.number,
    title: d.title,
    status: d.status,
    decidedAt: d.decidedAt,
    createdAt: d.createdAt,
    meetingId: d.meetingId,
    meetingTitle: d.meetingTitle,
    supersedeKind: d.supersedeKind,
  };
}

export function toAmendment(row: AmendmentsTable): Amendment {
  return { id: row.id, reason: row.reason, changes: parseJson<Amendment['changes']>(row.changes_json, []), at: row.at };
}
