/** Planning shapes: series, templates, meetings, agenda, attendance, parking lot. JSON only. */
import type { Commitment } from './commitments';
import type { Decision } from './decisions';
import type { EpochMs, Id, Member } from './domain';
import type { MeetingFeedback } from './feedback';
import type { ItemClock } from './timer';

export const AGENDA_KINDS = [
  { kind: 'check_in', label: 'Check-in round' },
  { kind: 'round_robin', label: 'Round-robin updates' },
  { kind: 'metrics_review', label: 'Metrics review' },
  { kind: 'commitment_review', label: 'Commitment review' },
  { kind: 'decision_review', label: 'Decision review' },
  { kind: 'discussion', label: 'Discussion' },
  { kind: 'proposal', label: 'Proposal' },
  { kind: 'recognition', label: 'Recognition' },
  { kind: 'check_out', label: 'Check-out round' },
] as const;

export type AgendaKind = (typeof AGENDA_KINDS)[number]['kind'];
export const AGENDA_KIND_IDS = AGENDA_KINDS.map((k) => k.kind) as [AgendaKind, ...AgendaKind[]];

export function kindLabel(kind: AgendaKind): string {
  return AGENDA_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

export type Cadence = 'weekly' | 'every_n_weeks' | 'monthly';

export interface Series {
  id: Id;
  teamId: Id;
  name: string;
  cadence: Cadence;
  intervalWeeks: number;
  weekday: number | null;
  monthDay: number | null;
  monthWeek: number | null;
  startTime: string;
  timeZone: string;
  startsOn: string;
  defaultLengthMin: number;
  defaultFacilitatorId: Id | null;
  rotateFacilitator: boolean;
  templateId: Id | null;
  /** "Every Monday at 10:00". */
  ruleText: string;
  /** When the next meeting would start if created now. */
  nextStartsAt: EpochMs;
}

export interface TemplateItem {
  kind: AgendaKind;
  title: string;
  plannedMin: number;
  notes: string;
}

export interface AgendaTemplate {
  id: Id;
  teamId: Id | null;
  builtin: boolean;
  name: string;
  description: string;
  items: TemplateItem[];
  totalMin: number;
}

export type MeetingStatus = 'planned' | 'live' | 'ended';
export type AgendaItemStatus = 'pending' | 'active' | 'done' | 'parked' | 'not_reached';
export type AttendanceStatus = 'expected' | 'present' | 'absent' | 'late' | 'left_early';

export interface MeetingSummary {
  id: Id;
  teamId: Id;
  teamName: string;
  seriesId: Id | null;
  seriesName: string | null;
  title: string;
  status: MeetingStatus;
  scheduledStart: EpochMs | null;
  timeZone: string;
  plannedLengthMin: number;
  facilitatorId: Id | null;
  facilitatorName: string | null;
  itemCount: number;
  plannedTotalMin: number;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
  agendaRevision: number;
  /** Leftovers this meeting inherited from earlier ones. */
  oldBusinessCount: number;
  /** A planned meeting called off: still 'planned', held nowhere, kept in the record until restored. */
  calledOff: { at: EpochMs; reason: string | null } | null;
}

export interface AgendaItem {
  id: Id;
  meetingId: Id;
  position: number;
  kind: AgendaKind;
  title: string;
  plannedMin: number;
  ownerId: Id | null;
  /** What the room wrote while the item ran (the console's notes box, the minutes). */
  notes: string;
  /** What the facilitator planned the item to be ("One sentence each: how are you arriving?"): planning and the console show it; it is never a note. */
  plan: string;
  status: AgendaItemStatus;
  carriedFromId: Id | null;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
  extraMs: number;
  pausedTotalMs: number;
  roundOrder: 'team' | 'shuffle' | 'rotate';
  /** Per-speaker timebox for a round; null shares the item's time among the speakers. */
  turnTimeboxMs: number | null;
}

export interface Attendee {
  id: Id;
  memberId: Id | null;
  guestName: string | null;
  name: string;
  status: AttendanceStatus;
}

export type OldBusinessSource =
  'not_reached' | 'parking_lot' | 'open_commitment' | 'open_proposal' | 'objection' | 'decision_review' | 'agreement_revisit';

export interface OldBusinessEntry {
  id: Id;
  source: OldBusinessSource;
  refId: Id;
  fromMeetingId: Id | null;
  title: string;
  detail: string;
  agendaItemId: Id | null;
  /** Still open now (a parking-lot item not yet discussed or dropped). */
  open: boolean;
  /**
   * An open commitment's detail names its due date as it is now (a meeting not yet ended), so the commitment read
   * again rewrites it; an ended meeting's names the date as it held at its end, and keeps it.
   */
  dueNow?: boolean;
}

export interface Amendment {
  id: Id;
  reason: string;
  changes: { field: string; from: string; to: string }[];
  at: EpochMs;
}

export interface MeetingDetail {
  meeting: MeetingSummary;
  items: AgendaItem[];
  attendees: Attendee[];
  oldBusiness: OldBusinessEntry[];
  amendments: Amendment[];
  members: Member[];
  /** The meeting's stored instants; every view derives its timers from these. */
  clock: { startedAt: EpochMs | null; endedAt: EpochMs | null; pausedAt: EpochMs | null; pausedTotalMs: number };
  currentItemId: Id | null;
  turns: Turn[];
  speakingTime: SpeakingTime[];
  /** The main side's clock when this was read, so views can correct for their own clock. */
  serverNow: EpochMs;
  /** What Ctrl+Z would undo, if anything. */
  undoLabel: string | null;
  /** Which action that is: an undo names it, so two windows pressing Ctrl+Z at once undo it once, not it and the one before. */
  undoActionId: Id | null;
  /** Proposals and decisions made here, and open ones this meeting took over. */
  decisions: Decision[];
  commitments: {
    /** Promised in this meeting. */
    made: Commitment[];
    /** The team's open commitments in review order (due by this meeting's day first), and those closed here. */
    review: Commitment[];
    /** Done since the series' previous meeting: what recognition can celebrate. */
    doneSinceLast: Commitment[];
    /** The meeting's day in its zone: commitments due by it are walked first. */
    reviewDate: string;
    /** When `doneSinceLast` starts (the previous meeting's end); null when the team held none before. */
    doneSince: EpochMs | null;
  };
  /** Check-out ratings; anonymous entries carry no name. */
  feedback: MeetingFeedback;
}

/**
 * The parts a meeting is read in (see MeetingPart in events.ts): each changes with different writes, so a
 * view re-reads only the part a change touched. MeetingDetail is all of them together.
 */
export type MeetingLive = Pick<
  MeetingDetail,
  'meeting' | 'items' | 'attendees' | 'clock' | 'currentItemId' | 'turns' | 'speakingTime' | 'serverNow' | 'undoLabel' | 'undoActionId'
>;
export type MeetingContext = Pick<MeetingDetail, 'members' | 'oldBusiness' | 'amendments'>;
export type MeetingCommitments = MeetingDetail['commitments'];

/** What a live action answers: the meeting whose live part it changed (the change event says the same). */
export interface LiveChange {
  meetingId: Id;
  teamId: Id;
}

export interface MeetingLists {
  upcoming: MeetingSummary[];
  past: MeetingSummary[];
}

/**
 * The home screen's "Next up": each team's next meeting, and the teams with none planned, read together so the two
 * can never disagree (read apart, a team just made showed "No meeting planned yet" until its meetings arrived).
 */
export interface NextUp {
  meetings: MeetingSummary[];
  unplanned: { teamId: Id; teamName: string }[];
}

export type ParkingLotStatus = 'open' | 'discussed' | 'dropped';

export interface ParkingLotItem {
  id: Id;
  teamId: Id;
  title: string;
  notes: string;
  status: ParkingLotStatus;
  parkedFromMeetingId: Id | null;
  createdAt: EpochMs;
  closedAt: EpochMs | null;
}

export interface ExportedFile {
  suggestedName: string;
  content: string;
}

export type TurnStatus = 'waiting' | 'speaking' | 'done' | 'passed' | 'skipped' | 'later';

export interface Turn {
  id: Id;
  agendaItemId: Id;
  attendeeId: Id;
  name: string;
  position: number;
  timeboxMs: number;
  status: TurnStatus;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
  pausedTotalMs: number;
  notes: string;
}

export const ROUND_KINDS: readonly AgendaKind[] = ['check_in', 'round_robin', 'check_out'];

export interface SpeakingTime {
  attendeeId: Id;
  name: string;
  ms: number;
}

/** An agenda item's stored instants, as the timer math takes them. */
export function itemClockOf(item: Pick<AgendaItem, 'plannedMin' | 'extraMs' | 'startedAt' | 'endedAt' | 'pausedTotalMs'>): ItemClock {
  return {
    plannedMs: item.plannedMin * 60_000,
    extraMs: item.extraMs,
    startedAt: item.startedAt,
    endedAt: item.endedAt,
    pausedTotalMs: item.pausedTotalMs,
  };
}
