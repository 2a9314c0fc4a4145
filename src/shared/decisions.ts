/** Decisions, positions and objections as they cross the contract. JSON only. */
import type { EpochMs, Id } from './domain';
import type { Amendment } from './planning';

export const STANCES = [
  { stance: 'agree', label: 'Agree', key: 'a' },
  { stance: 'consent', label: 'Consent', key: 'c' },
  { stance: 'stand_aside', label: 'Stand aside', key: 's' },
  { stance: 'disagree', label: 'Disagree', key: 'd' },
  { stance: 'block', label: 'Block', key: 'b' },
] as const;

export type Stance = (typeof STANCES)[number]['stance'];
export const STANCE_IDS = STANCES.map((s) => s.stance) as [Stance, ...Stance[]];

export function stanceLabel(stance: Stance): string {
  return STANCES.find((s) => s.stance === stance)?.label ?? stance;
}

/** Disagree and block are objections: they need a reason and a resolution. */
export function isObjection(stance: Stance): boolean {
  return stance === 'disagree' || stance === 'block';
}

export const DECISION_STATUSES = [
  { status: 'proposed', label: 'Proposed' },
  { status: 'accepted', label: 'Accepted' },
  { status: 'rejected', label: 'Rejected' },
  { status: 'deferred', label: 'Deferred' },
  { status: 'superseded', label: 'Superseded' },
  { status: 'reversed', label: 'Reversed' },
] as const;

export type DecisionStatus = (typeof DECISION_STATUSES)[number]['status'];
export const DECISION_STATUS_IDS = DECISION_STATUSES.map((s) => s.status) as [DecisionStatus, ...DecisionStatus[]];

export function decisionStatusLabel(status: DecisionStatus): string {
  return DECISION_STATUSES.find((s) => s.status === status)?.label ?? status;
}

export const RESOLUTIONS = [
  { resolution: 'integrated', label: 'Integrated', help: 'The proposal changed to meet it' },
  { resolution: 'withdrawn', label: 'Withdrawn', help: 'The objector withdrew it' },
  { resolution: 'overruled', label: 'Overruled', help: 'The decision owner overrules it, with a reason' },
  { resolution: 'escalated', label: 'Escalated', help: 'Taken to whoever the operating agreement names' },
] as const;

export type Resolution = (typeof RESOLUTIONS)[number]['resolution'];
export const RESOLUTION_IDS = RESOLUTIONS.map((r) => r.resolution) as [Resolution, ...Resolution[]];

export function resolutionLabel(resolution: Resolution): string {
  return RESOLUTIONS.find((r) => r.resolution === resolution)?.label ?? resolution;
}

/**
 * The objection a position raised: the member's latest of that stance (a block raised again after one was integrated
 * is a block again); null for a position that raises none.
 */
export function raisedObjection<O extends Pick<Objection, 'memberId' | 'stance' | 'createdAt'>>(
  position: Pick<Position, 'memberId' | 'stance'>,
  objections: readonly O[],
): O | null {
  if (!isObjection(position.stance)) return null;
  return objections
    .filter((o) => o.memberId === position.memberId && o.stance === position.stance)
    .reduce<O | null>((last, o) => (last && last.createdAt > o.createdAt ? last : o), null);
}

/**
 * What a member's position reads as now: their stance, or, for a block or disagreement the proposal was changed to meet
 * (its objection integrated), what it became. One word for every view and record, so none still says "Block".
 */
export function positionStanding(
  position: Pick<Position, 'memberId' | 'stance'>,
  objections: readonly Pick<Objection, 'memberId' | 'stance' | 'resolution' | 'createdAt'>[],
): { kind: Stance | 'integrated'; label: string; detail: string } {
  const integrated = raisedObjection(position, objections)?.resolution === 'integrated';
  const stance = stanceLabel(position.stance);
  if (!integrated) return { kind: position.stance, label: stance, detail: stance };
  return { kind: 'integrated', label: 'Integrated', detail: `${stance}, integrated: the proposal changed to meet it` };
}

/**
 * A position as a record keeps it, once its objection was dealt with: a block met by changing the proposal (or
 * withdrawn) no longer stands, so it does not read "Block"; one overruled or escalated still does, with what was done.
 * The minutes, the MADR records and the decision log's HTML say it alike.
 */
export function positionRecord(
  position: Pick<Position, 'memberId' | 'stance'>,
  objections: readonly Pick<Objection, 'memberId' | 'stance' | 'resolution' | 'createdAt'>[],
): string {
  const stance = stanceLabel(position.stance);
  const resolution = raisedObjection(position, objections)?.resolution;
  if (!resolution) return stance;
  const how = resolutionLabel(resolution);
  if (resolution === 'integrated' || resolution === 'withdrawn') return `${how} (was ${stance.toLowerCase()})`;
  return `${stance}, ${how.toLowerCase()}`;
}

export interface DecisionOption {
  title: string;
  pros: string;
  cons: string;
}

export interface Position {
  id: Id;
  memberId: Id;
  memberName: string;
  stance: Stance;
  reason: string | null;
  recordedAt: EpochMs;
}

export interface Objection {
  id: Id;
  memberId: Id;
  memberName: string;
  stance: Stance;
  reason: string;
  resolution: Resolution | null;
  resolutionNote: string | null;
  escalatedTo: string | null;
  resolvedById: Id | null;
  resolvedByName: string | null;
  resolvedAt: EpochMs | null;
  createdAt: EpochMs;
  /** For an integrated objection: the proposal before and after it changed. */
  textBefore: string | null;
  textAfter: string | null;
}

export interface DecisionLink {
  id: Id;
  /** Its number in its team, kept for life (ADR-0007). */
  number: number;
  title: string;
  status: DecisionStatus;
  decidedAt: EpochMs | null;
  createdAt: EpochMs;
  meetingId: Id | null;
  meetingTitle: string | null;
  /** How this one replaced the one before it in a chain. */
  supersedeKind: 'supersedes' | 'reverses' | null;
}

export interface Decision {
  id: Id;
  /** Its number in its team, given when it is created and kept for life: the MADR file's number. */
  number: number;
  teamId: Id;
  teamName: string;
  meetingId: Id | null;
  meetingTitle: string | null;
  meetingStart: EpochMs | null;
  meetingEnded: boolean;
  agendaItemId: Id | null;
  title: string;
  question: string;
  context: string;
  options: DecisionOption[];
  /** The title of the option chosen, as written among `options`; null when none was recorded. */
  chosenOption: string | null;
  /** The proposal while proposed; what was decided once accepted. */
  decision: string;
  rationale: string;
  proposerId: Id | null;
  proposerName: string | null;
  ownerId: Id | null;
  ownerName: string | null;
  decisionRight: string | null;
  risks: string;
  timeline: string;
  reviewDate: string | null;
  status: DecisionStatus;
  supersedes: DecisionLink | null;
  supersedeKind: 'supersedes' | 'reverses' | null;
  replacedBy: DecisionLink | null;
  tags: string[];
  confirmedAt: EpochMs | null;
  decidedAt: EpochMs | null;
  readbackAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  /** Each member's current stance (their latest). */
  positions: Position[];
  /** Every stance recorded, oldest first: a changed mind stays visible. */
  positionHistory: Position[];
  objections: Objection[];
  openObjections: number;
  amendments: Amendment[];
  /** After its meeting has ended a decision changes only by amendment. */
  changesBy: 'edit' | 'amendment';
  /**
   * Set only in the record of a meeting that left this proposal open: the later meeting that took it up. The rest
   * of the record then shows the proposal as it stood when that meeting ended (its status, positions, objections).
   */
  takenUpIn?: { meetingId: Id; title: string; start: EpochMs | null };
}

export interface DecisionDetail extends Decision {
  /** The supersede chain it belongs to, oldest first (this one included). */
  chain: DecisionLink[];
}

export type DecisionSort = 'relevance' | 'newest' | 'oldest';

export interface DecisionLogRow {
  id: Id;
  teamId: Id;
  teamName: string;
  title: string;
  /** The title with matched words between MARK_START and MARK_END. */
  titleMarked: string;
  /** A stretch of the best matching field, marked the same way; empty without a search. */
  snippet: string;
  status: DecisionStatus;
  ownerName: string | null;
  decisionRight: string | null;
  loggedAt: EpochMs;
  reviewDate: string | null;
  tags: string[];
  hasDissent: boolean;
  meetingId: Id | null;
  meetingTitle: string | null;
  supersedesId: Id | null;
}

export interface DecisionLogPage {
  /** How many decisions match: exactly, or when `totalIsExact` is false, a bound counting stopped at (there are more). */
  total: number;
  /** False when a search matched more than it was worth counting: show "more than {total}". Listing without words counts exactly. */
  totalIsExact: boolean;
  offset: number;
  rows: DecisionLogRow[];
  /** Said when the search text was read differently from how it was typed. */
  notice: string | null;
  /** The words searched for, as the search understood them. */
  terms: string[];
}

export interface DecisionFacets {
  teams: { id: Id; name: string }[];
  owners: { id: Id; name: string; teamName: string }[];
  tags: string[];
  total: number;
}

/** A log's count as a person reads it: "1 decision", "2,345 decisions", "More than 2,000 decisions". */
export function decisionCount(page: Pick<DecisionLogPage, 'total' | 'totalIsExact'>): string {
  const figure = page.total.toLocaleString('en-US');
  if (!page.totalIsExact) return `More than ${figure} decisions`;
  return `${figure} ${page.total === 1 ? 'decision' : 'decisions'}`;
}

/**
 * Marker characters around matched words. They are control characters the input rules
 * refuse, so they cannot come from anything a person typed.
 */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Splits marked text into plain and matched runs; a view renders the matched ones as <mark>. */
export function splitMarked(text: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  let run = '';
  for (const ch of text) {
    if (ch === MARK_START || ch === MARK_END) {
      if (run) parts.push({ text: run, marked });
      run = '';
      marked = ch === MARK_START;
      continue;
    }
    run += ch;
  }
  if (run) parts.push({ text: run, marked });
  return parts;
}

/**
 * What a go-round write answers: the decision it changed (whose id, team and meeting its change event names) and
 * the rows it wrote, not the whole record: every window showing the decision re-reads it on the change event.
 */
export interface DecisionChange {
  id: Id;
  teamId: Id;
  meetingId: Id | null;
  /** The position taken, or null for an objection resolved. */
  positionId: Id | null;
  /** The objection raised (a disagree or block) or resolved; null for a position that is not one. */
  objectionId: Id | null;
}
