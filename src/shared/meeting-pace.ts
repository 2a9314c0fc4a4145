/**
 * The meeting's pace, worked out once for every screen that shows it (the console's header, its
 * rebalance banner, the projector): time used against the meeting's length, and how far it runs
 * behind or ahead, in whole minutes, so no two places can round the same moment differently.
 */
import { itemClockOf, type MeetingDetail } from './planning';
import { formatCountdown, meetingElapsed, scheduleDrift } from './timer';

const MIN = 60_000;

export type PaceState = 'behind' | 'ahead' | 'on-time';

export interface MeetingPace {
  elapsedMs: number;
  lengthMs: number;
  /** Behind (+) or ahead (-) of the length, to the millisecond. */
  driftMs: number;
  /** The drift in whole minutes, rounded to the nearest: what every screen says and what a rebalance wins back. */
  minutes: number;
  state: PaceState;
  /** "12:05 of 45:00": both in the clock's one unit. */
  clockText: string;
  /** "5 min behind", "3 min ahead", "on time". */
  driftText: string;
}

/** The pace of a meeting as read by `meetings.live` (or any part carrying its items, clock and length) at `now`. */
export function meetingPace(
  detail: Pick<MeetingDetail, 'items' | 'clock'> & { meeting: { plannedLengthMin: number } },
  now: number,
): MeetingPace {
  const { items, clock } = detail;
  const plannedLengthMs = detail.meeting.plannedLengthMin * MIN;
  const elapsedMs = meetingElapsed(clock, now);
  const schedule = items.map((i) => ({ ...itemClockOf(i), status: i.status }));
  const driftMs = scheduleDrift(schedule, clock, plannedLengthMs, now);
  const minutes = Math.round(Math.abs(driftMs) / MIN);
  const state: PaceState = minutes === 0 ? 'on-time' : driftMs > 0 ? 'behind' : 'ahead';
  return {
    elapsedMs,
    lengthMs: plannedLengthMs,
    driftMs,
    minutes,
    state,
    clockText: `${formatCountdown(elapsedMs)} of ${formatCountdown(plannedLengthMs)}`,
    driftText: state === 'on-time' ? 'on time' : `${minutes} min ${state}`,
  };
}
