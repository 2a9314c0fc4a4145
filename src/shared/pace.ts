import { meetingElapsed, scheduleDrift, type MeetingClock, type ScheduleItem } from './timer';

const MIN = 60_000;

export type PaceState = 'on-time' | 'behind' | 'ahead';

/** Where a meeting stands against its length, in the one form every view shows it. */
export interface MeetingPace {
  elapsedMs: number;
  plannedMs: number;
  /** Behind (+) or ahead (-), from the agenda still to run; see scheduleDrift. */
  driftMs: number;
  /** The drift in whole minutes, rounded once here so no two views disagree by a minute. */
  driftMin: number;
  state: PaceState;
  /** "on time", "3 min behind", "2 min ahead". */
  words: string;
}

/** The meeting's elapsed time, its length, and how far behind or ahead the agenda left to run puts it. */
export function meetingPace(items: ScheduleItem[], meeting: MeetingClock, plannedLengthMs: number, now: number): MeetingPace {
  const driftMs = scheduleDrift(items, meeting, plannedLengthMs, now);
  const driftMin = Math.round(Math.abs(driftMs) / MIN);
  const state: PaceState = driftMin === 0 ? 'on-time' : driftMs > 0 ? 'behind' : 'ahead';
  return {
    elapsedMs: meetingElapsed(meeting, now),
    plannedMs: plannedLengthMs,
    driftMs,
    driftMin,
    state,
    words: state === 'on-time' ? 'on time' : `${driftMin} min ${state}`,
  };
}
