/** Operating agreements and roles as they cross the contract, and the schema of an agreement's parts. */
import { z } from 'zod';
import type { EpochMs, Id } from './domain';
import { id, longText, name } from './validation';

/** A row's identity across versions, so a diff can say "changed" rather than "removed and added". */
const rowId = z
  .string({ message: 'A row id must be text' })
  .regex(/^[A-Za-z0-9-]{1,40}$/, { message: 'A row id is letters, digits and dashes' });

export const PARTY_TYPES = ['member', 'role', 'team'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** Who decides: one member, whoever holds a role, or the whole team by consent. */
export const party = z
  .object({
    type: z.enum(PARTY_TYPES, { message: 'Who decides is a member, a role or the whole team' }),
    id: id.nullable().default(null),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.type !== 'team' && !p.id)
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: p.type === 'member' ? 'Choose the member who decides' : 'Choose the role that decides',
      });
  });
export type Party = z.output<typeof party>;

const decisionRight = z
  .object({
    id: rowId.optional(),
    kind: name('Kind of decision', 120),
    decider: party,
    consulted: longText('Consulted', 300).default(''),
    informed: longText('Informed', 300).default(''),
  })
  .strict();

const escalationPath = z
  .object({
    id: rowId.optional(),
    when: name('When to escalate', 300),
    to: name('To whom', 200),
  })
  .strict();

/**
 * Built on first use (z.lazy), like the contract's inputs: the contract names it, and every window loads the
 * contract for its first screen, which never parses an agreement.
 */
export const agreementBody = z.lazy(() =>
  z
    .object({
      decisionRights: z.array(decisionRight).max(40, { message: 'At most 40 decision rights' }),
      escalationPaths: z.array(escalationPath).max(20, { message: 'At most 20 escalation paths' }),
      checkInCadence: longText('Check-in cadence', 500).default(''),
      norms: z
        .object({
          communication: longText('Communication quality', 3000).default(''),
          responseTimes: longText('Response times', 3000).default(''),
          documentation: longText('Documentation', 3000).default(''),
        })
        .strict(),
      freeText: longText('Free text', 20_000).default(''),
    })
    .strict()
    .superRefine((body, ctx) => {
      const seen = new Map<string, number>();
      body.decisionRights.forEach((r, i) => {
        const key = r.kind.toLocaleLowerCase();
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['decisionRights', i, 'kind'],
            message: `“${r.kind}” is listed twice in the decision rights: each kind of decision once`,
          });
        seen.set(key, i);
      });
    }),
);

export type AgreementBodyInput = z.input<typeof agreementBody>;
export type DecisionRightRow = z.output<typeof decisionRight> & { id: string };
export type EscalationRow = z.output<typeof escalationPath> & { id: string };
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
