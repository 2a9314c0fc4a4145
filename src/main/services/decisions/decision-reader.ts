import type { Decision, DecisionDetail, DecisionLink, DecisionOption, Objection, Position } from '@shared/decisions';
import type { Amendment } from '@shared/planning';
import type { Repositories } from '../../db/repositories';
import { parseJson, toAmendment, toLink, toObjection, toPosition } from '../../db/repositories/decision-domain';
import type { DecisionRow } from '../../db/repositories/decisions-repository';
import type { MeetingsTable } from '../../db/schema';

const CHAIN_LIMIT = 500;

/**
 * What a decision's record is made of besides its own row. The reader reads them one decision at
 * a time; an export reads them for thousands at once (decision-export-parts.ts) and composes the
 * same records with the same code.
 */
export interface DecisionParts {
  find(id: string): DecisionRow | null;
  /** Decisions that name this one as what they supersede or reverse, oldest first. */
  replacements(id: string): DecisionRow[];
  positions(id: string): Position[];
  objections(id: string): Objection[];
  /** Newest first. */
  amendments(id: string): Amendment[];
  /** An open proposal taken over by a live meeting other than its own is still edited there. */
  isCarriedIntoLive(row: DecisionRow): boolean;
}

/** Reads a decision as the views show it: positions, objections, history, its place in a supersede chain. */
export class DecisionReader implements DecisionParts {
  constructor(private readonly repos: Repositories) {}

  find(id: string): DecisionRow | null {
    return this.repos.decisions.find(id);
  }

  replacements(id: string): DecisionRow[] {
    return this.repos.decisions.replacements(id);
  }

  positions(id: string): Position[] {
    return this.repos.decisions.positions(id).map(toPosition);
  }

  objections(id: string): Objection[] {
    return this.repos.decisions.objections(id).map(toObjection);
  }

  amendments(id: string): Amendment[] {
    return this.repos.meetings.amendments('decision', id).map(toAmendment);
  }

  isCarriedIntoLive(row: DecisionRow): boolean {
    return this.carriedIntoLive(row) !== null;
  }

  /** The full record: the decision and its supersede chain. */
  detail(row: DecisionRow, parts: DecisionParts = this): DecisionDetail {
    return { ...this.toDecision(row, parts), chain: this.chain(row, parts) };
  }

  toDecision(row: DecisionRow, parts: DecisionParts = this): Decision {
    const history = parts.positions(row.id);
    const latest = new Map<string, Position>();
    for (const p of history) latest.set(p.memberId, p);
    const objections = parts.objections(row.id);
    const supersedes = row.supersedes_id ? parts.find(row.supersedes_id) : null;
    const replacements = parts.replacements(row.id);
    const replacedBy = replacements.find((r) => r.status === 'accepted') ?? replacements.at(-1) ?? null;
    const amendments = parts.amendments(row.id);
    return {
      id: row.id,
      number: row.number ?? 0,
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
      changesBy: row.meeting_status === 'ended' && !parts.isCarriedIntoLive(row) ? 'amendment' : 'edit',
    };
  }

  /** Oldest first: back along what each one superseded, then forward along what replaced it. */
  chain(row: DecisionRow, parts: DecisionParts = this): DecisionLink[] {
    const back: DecisionLink[] = [];
    const seen = new Set([row.id]);
    let cursor = row;
    while (cursor.supersedes_id && back.length < CHAIN_LIMIT) {
      const older = parts.find(cursor.supersedes_id);
      if (!older || seen.has(older.id)) break;
      seen.add(older.id);
      back.unshift(toLink(older));
      cursor = older;
    }
    const forward: DecisionLink[] = [];
    cursor = row;
    while (forward.length < CHAIN_LIMIT) {
      const replacements = parts.replacements(cursor.id).filter((r) => !seen.has(r.id));
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
