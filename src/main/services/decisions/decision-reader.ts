import type { Decision, DecisionDetail, DecisionLink, Objection, Position } from '@shared/decisions';
import type { Amendment } from '@shared/planning';
import type { Repositories } from '../../db/repositories';
import { toLink } from '../../db/repositories/decision-domain';
import type { DecisionRecord } from '../../db/repositories/decisions-repository';

const CHAIN_LIMIT = 500;

/**
 * What a decision's record is made of besides its own row. The reader reads them one decision at
 * a time; an export reads them for thousands at once (decision-export-parts.ts) and composes the
 * same records with the same code.
 */
export interface DecisionParts {
  find(id: string): DecisionRecord | null;
  /** Decisions that name this one as what they supersede or reverse, oldest first. */
  replacements(id: string): DecisionRecord[];
  positions(id: string): Position[];
  objections(id: string): Objection[];
  /** Newest first. */
  amendments(id: string): Amendment[];
  /** An open proposal taken over by a live meeting other than its own is still edited there. */
  isCarriedIntoLive(row: DecisionRecord): boolean;
}

/** Reads a decision as the views show it: positions, objections, history, its place in a supersede chain. */
export class DecisionReader implements DecisionParts {
  constructor(private readonly repos: Repositories) {}

  find(id: string): DecisionRecord | null {
    return this.repos.decisions.find(id);
  }

  replacements(id: string): DecisionRecord[] {
    return this.repos.decisions.replacements(id);
  }

  positions(id: string): Position[] {
    return this.repos.decisions.positions(id);
  }

  objections(id: string): Objection[] {
    return this.repos.decisions.objections(id);
  }

  amendments(id: string): Amendment[] {
    return this.repos.meetings.amendments('decision', id);
  }

  isCarriedIntoLive(row: DecisionRecord): boolean {
    return this.carriedIntoLive(row) !== null;
  }

  /** The full record: the decision and its supersede chain. */
  detail(row: DecisionRecord, parts: DecisionParts = this): DecisionDetail {
    return { ...this.toDecision(row, parts), chain: this.chain(row, parts) };
  }

  toDecision(row: DecisionRecord, parts: DecisionParts = this): Decision {
    const history = parts.positions(row.id);
    const latest = new Map<string, Position>();
    for (const p of history) latest.set(p.memberId, p);
    const objections = parts.objections(row.id);
    const supersedes = row.supersedesId ? parts.find(row.supersedesId) : null;
    const replacements = parts.replacements(row.id);
    const replacedBy = replacements.find((r) => r.status === 'accepted') ?? replacements.at(-1) ?? null;
    const amendments = parts.amendments(row.id);
    return {
      id: row.id,
      number: row.number,
      teamId: row.teamId,
      teamName: row.teamName,
      meetingId: row.meetingId,
      meetingTitle: row.meetingTitle,
      meetingStart: row.meetingStart,
      meetingEnded: row.meetingStatus === 'ended',
      agendaItemId: row.agendaItemId,
      title: row.title,
      question: row.question,
      context: row.context,
      options: row.options,
      chosenOption: row.chosenOption,
      decision: row.decision,
      rationale: row.rationale,
      proposerId: row.proposerId,
      proposerName: row.proposerName,
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      decisionRight: row.decisionRight,
      risks: row.risks,
      timeline: row.timeline,
      reviewDate: row.reviewDate,
      status: row.status,
      supersedes: supersedes ? toLink(supersedes) : null,
      supersedeKind: row.supersedeKind,
      replacedBy: replacedBy ? toLink(replacedBy) : null,
      tags: row.tags,
      confirmedAt: row.confirmedAt,
      decidedAt: row.decidedAt,
      readbackAt: row.readbackAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      positions: [...latest.values()],
      positionHistory: history,
      objections,
      openObjections: objections.filter((o) => o.resolution === null).length,
      amendments,
      changesBy: row.meetingStatus === 'ended' && !parts.isCarriedIntoLive(row) ? 'amendment' : 'edit',
    };
  }

  /** Oldest first: back along what each one superseded, then forward along what replaced it. */
  chain(row: DecisionRecord, parts: DecisionParts = this): DecisionLink[] {
    const back: DecisionLink[] = [];
    const seen = new Set([row.id]);
    let cursor = row;
    while (cursor.supersedesId && back.length < CHAIN_LIMIT) {
      const older = parts.find(cursor.supersedesId);
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

  carriedIntoLive(row: DecisionRecord): { meeting: { id: string; title: string }; itemId: string | null } | null {
    if (row.status !== 'proposed' && row.status !== 'deferred') return null;
    for (const entry of this.repos.oldBusiness.referencing('open_proposal', row.id)) {
      const meeting = this.repos.meetings.find(entry.meetingId);
      if (meeting && meeting.status === 'live' && meeting.id !== row.meetingId) return { meeting, itemId: entry.agendaItemId };
    }
    return null;
  }
}
