import { meetingElapsed, scheduleDrift, type MeetingClock, type ScheduleItem } from './timer';

const MIN = 60_000;

export type PaceState = 'on-time' | 'behind' | 'ahead';

/** Where a meeting stands against its length, in the one form every view shows it. */
export interface MeetingPace {
  elapsedMs: number;
  plannedMs: number;
  /** Where the meeting will end against its length (+ late, - early), from the agenda still to run; see scheduleDrift. */
  driftMs: number;
  /** The end's drift in whole minutes, rounded once here: what a catch-up or give-back must absorb. */
  driftMin: number;
  /** How much longer than the meeting the plan itself is, while the meeting would end late (else 0): known before anything ran late. */
  overPlanMs: number;
  overPlanMin: number;
  /** How much shorter than the meeting the plan as made is, while the meeting would end early (else 0): spare from the start, not time gained. */
  underPlanMs: number;
  underPlanMin: number;
  /** Time actually lost (+) or gained (-) against the plan: the end's drift less what was planned over. */
  behindMs: number;
  behindMin: number;
  /** Behind or ahead of the plan, never because the plan itself is over. */
  state: PaceState;
  /** "on time", "3 min behind", "planned 10 min over the meeting's length", "3 min behind · planned 10 min over…". */
  words: string;
}

/**
 * The plan the room agreed to: each item's planned minutes, less what a catch-up took from it (negative extra
 * time). Time granted with +1/+5 is not plan: it is the meeting running over, so it shows as behind.
 * Parked and cut items have left this meeting's plan.
 */
function plannedTotal(items: ScheduleItem[]): number {
  let total = 0;
  for (const item of items) {
    if (item.status === 'parked' || item.status === 'not_reached') continue;
    total += item.plannedMs + Math.min(0, item.extraMs);
  }
  return total;
}

/**
 * The plan as it was made: every item's planned minutes, parked and cut ones included, before any catch-up.
 * Time the room gains against it (an item parked or cut, a catch-up, an item ended early) shows as ahead.
 */
function madeTotal(items: ScheduleItem[]): number {
  return items.reduce((total, item) => total + item.plannedMs, 0);
}

/** The meeting's elapsed time, its length, how far its plan runs over that length, and how far behind or ahead of the plan it runs. */
export function meetingPace(items: ScheduleItem[], meeting: MeetingClock, plannedLengthMs: number, now: number): MeetingPace {
  const driftMs = scheduleDrift(items, meeting, plannedLengthMs, now);
  const driftMin = Math.round(Math.abs(driftMs) / MIN);
  // A plan over the length matters only while the meeting would end late: time given back after a catch-up
  // makes the plan long again, yet if the meeting ends on time there is nothing to explain.
  const overPlanMs = driftMs > 0 && driftMin > 0 ? Math.max(0, plannedTotal(items) - plannedLengthMs) : 0;
  // A plan shorter than the meeting ends early from its first minute: that is spare time, not time gained.
  const underPlanMs = driftMs < 0 ? Math.min(-driftMs, Math.max(0, plannedLengthMs - madeTotal(items))) : 0;
  const behindMs = driftMs - overPlanMs + underPlanMs;
  const behindMin = Math.round(Math.abs(behindMs) / MIN);
  const overPlanMin = Math.round(overPlanMs / MIN);
  const underPlanMin = Math.round(underPlanMs / MIN);
  const state: PaceState = behindMin === 0 ? 'on-time' : behindMs > 0 ? 'behind' : 'ahead';
  const paceWords = state === 'on-time' ? 'on time' : `${behindMin} min ${state}`;
  const planWords =
    overPlanMin > 0
      ? `planned ${overPlanMin} min over the meeting's length`
      : underPlanMin > 0
        ? `${underPlanMin} min spare in the plan`
        : '';
  return {
    elapsedMs: meetingElapsed(meeting, now),
    plannedMs: plannedLengthMs,
    driftMs,
    driftMin,
    overPlanMs,
    overPlanMin,
    underPlanMs,
    underPlanMin,
    behindMs,
    behindMin,
    state,
    words: planWords === '' ? paceWords : state === 'on-time' && overPlanMin > 0 ? planWords : `${paceWords} · ${planWords}`,
  };
}
