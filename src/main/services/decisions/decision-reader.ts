import type { Decision, DecisionLink, DecisionOption, Objection, Position } from '@shared/decisions';
import type { Amendment } from '@shared/planning';
import type { Repositories } from '../../db/repositories';
import type { DecisionRow, ObjectionRow, PositionRow } from '../../db/repositories/decisions-repository';
import type { MeetingsTable } from '../../db/schema';

const CHAIN_LIMIT = 500;

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function toPosition(row: PositionRow): Position {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    stance: row.stance,
    reason: row.reason,
    recordedAt: row.recorded_at,
  };
}

function toObjection(row: ObjectionRow): Objection {
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

function toLink(row: DecisionRow): DecisionLink {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    supersedeKind: row.supersede_kind,
  };
}

/** Reads a decision as the views show it: positions, objections, history, its place in a supersede chain. */
export class DecisionReader {
  constructor(private readonly repos: Repositories) {}

  toDecision(row: DecisionRow): Decision {
    const history = this.repos.decisions.positions(row.id).map(toPosition);
    const latest = new Map<string, Position>();
    for (const p of history) latest.set(p.memberId, p);
    const objections = this.repos.decisions.objections(row.id).map(toObjection);
    const supersedes = row.supersedes_id ? this.repos.decisions.find(row.supersedes_id) : null;
    const replacements = this.repos.decisions.replacements(row.id);
    const replacedBy = replacements.find((r) => r.status === 'accepted') ?? replacements.at(-1) ?? null;
    const amendments: Amendment[] = this.repos.meetings.amendments('decision', row.id).map((a) => ({
      id: a.id,
      reason: a.reason,
      changes: parseJson<Amendment['changes']>(a.changes_json, []),
      at: a.at,
    }));
    return {
      id: row.id,
      teamId: row.team_id,
      teamName: row.team_name,
      meetingId: row.meeting_id,
      meetingTitle: row.meeting_title,
      meetingStart: row.meeting_start,
      meetingEnded: row.meeting_status === 'ended',
      agendaItemId: row.agenda_item_id,
      title: row.title,
      question: row.question,
      context: row.context,
      options: parseJson<DecisionOption[]>(row.options_json, []),
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
      supersedes: supersedes ? toLink(supersedes) : null,
      supersedeKind: row.supersede_kind,
      replacedBy: replacedBy ? toLink(replacedBy) : null,
      tags: parseJson<string[]>(row.tags_json, []),
      confirmedAt: row.confirmed_at,
      decidedAt: row.decided_at,
      readbackAt: row.readback_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      positions: [...latest.values()],
      positionHistory: history,
      objections,
      openObjections: objections.filter((o) => o.resolution === null).length,
      amendments,
      changesBy: row.meeting_status === 'ended' && !this.carriedIntoLive(row) ? 'amendment' : 'edit',
    };
  }

  /** Oldest first: back along what each one superseded, then forward along what replaced it. */
  chain(row: DecisionRow): DecisionLink[] {
    const back: DecisionLink[] = [];
    const seen = new Set([row.id]);
    let cursor = row;
    while (cursor.supersedes_id && back.length < CHAIN_LIMIT) {
      const older = this.repos.decisions.find(cursor.supersedes_id);
      if (!older || seen.has(older.id)) break;
      seen.add(older.id);
      back.unshift(toLink(older));
      cursor = older;
    }
    const forward: DecisionLink[] = [];
    cursor = row;
    while (forward.length < CHAIN_LIMIT) {
      const replacements = this.repos.decisions.replacements(cursor.id).filter((r) => !seen.has(r.id));
      const next = replacements.find((r) => r.status !== 'rejected' && r.status !== 'proposed') ?? replacements[0];
      if (!next) break;
      seen.add(next.id);
      forward.push(toLink(next));
      cursor = next;
    }
    return [...back, toLink(row), ...forward];
  }

  carriedIntoLive(row: DecisionRow): { meeting: MeetingsTable; itemId: string | null } | null {
    if (row.status !== 'proposed' && row.status !== 'deferred') return null;
    for (const entry of this.repos.oldBusiness.referencing('open_proposal', row.id)) {
      const meeting = this.repos.meetings.find(entry.meetingId);
      if (meeting && meeting.status === 'live' && meeting.id !== row.meeting_id) return { meeting, itemId: entry.agendaItemId };
    }
    return null;
  }
}
