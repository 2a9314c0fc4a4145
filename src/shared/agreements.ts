/**
 * Operating agreements and roles as they cross the contract; the schema of an agreement's parts is in
 * ./agreement-schema (zod, which the renderer's views that import this file need not load).
 */
import type { AgreementBodyInput, DecisionRightRow, EscalationRow, Party } from './agreement-schema';
import type { EpochMs, Id } from './domain';

export type { AgreementBodyInput, DecisionRightRow, EscalationRow, Party };

export const PARTY_TYPES = ['member', 'role', 'team'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

export interface AgreementBody {
  decisionRights: DecisionRightRow[];
  escalationPaths: EscalationRow[];
  checkInCadence: string;
  norms: { communication: string; responseTimes: string; documentation: string };
  freeText: string;
}

/** A decision right with its decider named, and whom to suggest as the decision owner. */
export interface ResolvedDecisionRight extends DecisionRightRow {
  /** The member's name, the role's name, or "The whole team". */
  deciderName: string;
  /** For a role: who holds it now (null when vacant). */
  holderName: string | null;
  /** The member, or the role's current holder; null for the whole team or a vacant role. */
  suggestedOwnerId: Id | null;
}

export interface AgreementVersion {
  id: Id;
  teamId: Id;
  version: number;
  body: AgreementBody;
  rights: ResolvedDecisionRight[];
  changeNote: string;
  revisitBy: string;
  starter: string | null;
  createdAt: EpochMs;
}

export interface AgreementRevisit {
  id: Id;
  versionId: Id;
  version: number;
  meetingId: Id | null;
  note: string;
  nextRevisitBy: string;
  at: EpochMs;
}

export interface AgreementVersionSummary {
  id: Id;
  version: number;
  changeNote: string;
  revisitBy: string;
  createdAt: EpochMs;
}

export interface TeamAgreement {
  teamId: Id;
  current: AgreementVersion | null;
  /** The current version's revisit date, moved by "still stands" revisits. */
  revisitBy: string | null;
  revisitDue: boolean;
  /** The team's calendar day on the main side's clock, so forms propose dates from the same day. */
  today: string;
  versions: AgreementVersionSummary[];
  revisits: AgreementRevisit[];
}

export interface TextPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
  /** Word by word, for text. */
  parts: TextPart[];
}

export interface RowChange {
  section: 'Decision rights' | 'Escalation paths';
  change: 'added' | 'removed' | 'changed';
  /** The row as a person names it: the kind of decision, or when to escalate. */
  label: string;
  fields: FieldChange[];
}

export interface AgreementDiff {
  from: AgreementVersionSummary;
  to: AgreementVersionSummary;
  fields: FieldChange[];
  rows: RowChange[];
}

export interface ProjectedAgreement {
  meetingId: Id;
  shown: boolean;
  teamName: string;
  agreement: AgreementVersion | null;
}

export const ROLE_EVENT_KINDS = ['created', 'assigned', 'unassigned', 'renamed', 'purpose_changed', 'retired'] as const;
export type RoleEventKind = (typeof ROLE_EVENT_KINDS)[number];

export interface RoleEvent {
  id: Id;
  kind: RoleEventKind;
  memberId: Id | null;
  memberName: string | null;
  oldValue: string | null;
  newValue: string | null;
  at: EpochMs;
}

export interface Role {
  id: Id;
  teamId: Id;
  name: string;
  purpose: string;
  holderId: Id | null;
  holderName: string | null;
  createdAt: EpochMs;
  retiredAt: EpochMs | null;
  /** Oldest first: every assignment and hand-over, never rewritten. */
  history: RoleEvent[];
}

/** A calendar date moved by whole days. */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
