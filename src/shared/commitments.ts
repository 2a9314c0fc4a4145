/** Commitments, their events and follow-through as they cross the contract. JSON only. */
import type { EpochMs, Id } from './domain';

export type CommitmentStatus = 'open' | 'on_track' | 'at_risk' | 'done' | 'dropped';
export type CommitmentEventKind = 'created' | 'status' | 'renegotiated' | 'slipped' | 'done' | 'dropped' | 'reassigned';
export type RootCause = 'wrong_assumption' | 'missing_resource' | 'other';

export const ROOT_CAUSES: { cause: RootCause; label: string }[] = [
  { cause: 'wrong_assumption', label: 'A wrong assumption' },
  { cause: 'missing_resource', label: 'A missing resource' },
  { cause: 'other', label: 'Something else' },
];

export function rootCauseLabel(cause: RootCause): string {
  return ROOT_CAUSES.find((c) => c.cause === cause)?.label ?? cause;
}

/**
 * The follow-through's "Slips and causes" in words. `slipped` counts commitments and the causes count slips, so a
 * commitment that slipped twice read "1: a missing resource ×1, a wrong assumption ×1" (walk20): the two are named.
 */
export function slipsWords(f: { slipped: number; slipCauses: { cause: RootCause; count: number }[] }): string {
  if (f.slipped === 0) return '0';
  const slips = f.slipCauses.reduce((n, c) => n + c.count, 0);
  const causes = f.slipCauses.map((c) => `${rootCauseLabel(c.cause).toLowerCase()} ×${c.count}`).join(', ');
  const head = slips > f.slipped ? `${f.slipped} commitment${f.slipped === 1 ? '' : 's'}, ${slips} slips` : String(f.slipped);
  return causes ? `${head}: ${causes}` : head;
}

export const STATUS_LABELS: Record<CommitmentStatus, string> = {
  open: 'Open',
  on_track: 'On track',
  at_risk: 'At risk',
  done: 'Done',
  dropped: 'Dropped',
};

/** What can happen to a commitment in a review; each is an event kept forever. */
export const REVIEW_OUTCOMES = ['done', 'on_track', 'at_risk', 'slipped', 'renegotiated', 'dropped'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface CommitmentEvent {
  id: Id;
  kind: CommitmentEventKind;
  status: CommitmentStatus | null;
  at: EpochMs;
  meetingId: Id | null;
  oldDueDate: string | null;
  newDueDate: string | null;
  reason: string | null;
  rootCause: RootCause | null;
  correctiveAction: string | null;
  correctiveCommitmentId: Id | null;
  newOwnerName: string | null;
  /** For a renegotiation: whether it came before the date it replaced. */
  inAdvance: boolean | null;
}

export interface Commitment {
  id: Id;
  teamId: Id;
  teamName: string;
  ownerId: Id;
  ownerName: string;
  /** Who made the commitment; follow-through counts it for them, even after a hand-over. */
  originalOwnerId: Id;
  /** The owner has left the team: the commitment waits for someone to take it over. */
  needsReassignment: boolean;
  outcome: string;
  originalDueDate: string;
  dueDate: string;
  status: CommitmentStatus;
  overdue: boolean;
  meetingId: Id | null;
  meetingTitle: string | null;
  agendaItemId: Id | null;
  decisionId: Id | null;
  createdAt: EpochMs;
  events: CommitmentEvent[];
}

/** The end of an open commitment’s old business detail while the owner has left. */
export const REASSIGN = ' · owner has left: reassign';

/** An open commitment's detail in old business: its due date, the first where it was given a new one, an owner who has left. */
export function commitmentDueDetail(c: Pick<Commitment, 'dueDate' | 'originalDueDate' | 'needsReassignment'>): string {
  return `Due ${c.dueDate}${c.dueDate !== c.originalDueDate ? ` (first due ${c.originalDueDate})` : ''}${c.needsReassignment ? REASSIGN : ''}`;
}

export interface CommitmentBoard {
  today: string;
  open: Commitment[];
}

export interface FollowThroughFigures {
  /** Commitments whose original due date fell in the period and has passed. */
  due: number;
  doneOnTime: number;
  renegotiatedInAdvance: number;
  renegotiatedLate: number;
  slipped: number;
  dropped: number;
  slipCauses: { cause: RootCause; count: number }[];
  /** Shares of `due`, 0..1; null when nothing was due. */
  doneOnTimeShare: number | null;
  renegotiatedInAdvanceShare: number | null;
}

export interface FollowThrough {
  from: string;
  to: string;
  team: FollowThroughFigures;
  members: { memberId: Id; name: string; left: boolean; figures: FollowThroughFigures }[];
  /** One point per held meeting: commitments due since the one before, and the share done by their date. */
  trend: { meetingId: Id; date: string; due: number; doneOnTimeShare: number | null }[];
}
