import type { DecisionLink, Objection, Position } from '@shared/decisions';
import type { Amendment } from '@shared/planning';
import type { AmendmentsTable } from '../schema';
import type { DecisionRow, ObjectionRow, PositionRow } from './decisions-repository';

/** Rows of the decision tables as the domain names them; shared by the per-decision reads and the export's set reads. */
export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
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

export function toLink(row: DecisionRow): DecisionLink {
  return {
    id: row.id,
    number: row.number ?? 0,
    title: row.title,
    status: row.status,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    supersedeKind: row.supersede_kind,
  };
}

export function toAmendment(row: AmendmentsTable): Amendment {
  return { id: row.id, reason: row.reason, changes: parseJson<Amendment['changes']>(row.changes_json, []), at: row.at };
}
