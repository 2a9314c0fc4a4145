/**
 * Meeting and item timers, derived from stored instants only (never a ticking counter).
 * `now` is the wall clock: time while the laptop slept or the app was down counts, as it
 * did in the room; only an explicit pause stops the clock. Shared by main and both views.
 */
export interface MeetingClock {
  startedAt: number | null;
  endedAt: number | null;
  pausedAt: number | null;
  pausedTotalMs: number;
}

export interface ItemClock {
  plannedMs: number;
  extraMs: number;
  startedAt: number | null;
  endedAt: number | null;
  pausedTotalMs: number;
}

/** Paused time not yet folded into the totals: the pause still running, if any. */
function openPause(meeting: MeetingClock, now: number): number {
  return meeting.pausedAt !== null ? Math.max(0, now - meeting.pausedAt) : 0;
}

export function meetingElapsed(meeting: MeetingClock, now: number): number {
  if (meeting.startedAt === null) return 0;
  const end = meeting.endedAt ?? now;
  return Math.max(0, end - meeting.startedAt - meeting.pausedTotalMs - (meeting.endedAt === null ? openPause(meeting, now) : 0));
}

/** An item's running time; a running meeting pause also pauses the item that is current. */
export function itemElapsed(item: ItemClock, meeting: MeetingClock, now: number): number {
  if (item.startedAt === null) return 0;
  if (item.endedAt !== null) return Math.max(0, item.endedAt - item.startedAt - item.pausedTotalMs);
  return Math.max(0, now - item.startedAt - item.pausedTotalMs - openPause(meeting, now));
}

/** Planned plus granted extra, minus elapsed: negative means overtime. */
export function itemRemaining(item: ItemClock, meeting: MeetingClock, now: number): number {
  return item.plannedMs + item.extraMs - itemElapsed(item, meeting, now);
}

export type TimerPhase = 'normal' | 'warning' | 'overtime';

export const WARNING_MS = 60_000;

export function phaseOf(remainingMs: number, warningMs = WARNING_MS): TimerPhase {
  if (remainingMs < 0) return 'overtime';
  if (remainingMs <= warningMs) return 'warning';
  return 'normal';
}

/** "12:05", "-1:30" (overtime), "1:02:00" past an hour; whole seconds, rounded towards the start. */
export function formatCountdown(ms: number): string {
  // Up before the end, towards zero after it (-6.4 s reads -0:06): always what the plan leaves once the whole seconds
  // spent are taken off, so a countdown and its time spent add up, in overtime too.
  const seconds = Math.ceil(ms / 1000);
  const negative = seconds < 0;
  const total = Math.abs(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return negative && total > 0 ? `-${body}` : body;
}

/**
 * Time spent ("0:02", "1:02:00"): whole seconds gone, as a stopwatch shows them. Beside a countdown (rounded up)
 * the two add up to the plan: 2.3 s into ten minutes reads "0:02" spent and "9:58" left.
 */
export function formatElapsed(ms: number): string {
  return formatCountdown(Math.floor(Math.max(0, ms) / 1000) * 1000);
}

/** Time spoken or taken, in whole minutes; "under a minute" rather than a "0 min" that reads as nothing. */
export function durationWords(ms: number): string {
  return ms < 60_000 ? 'under a minute' : `${Math.round(ms / 60_000)} min`;
}

export interface ScheduleItem extends ItemClock {
  status: 'pending' | 'active' | 'done' | 'parked' | 'not_reached';
}

/**
 * How far the meeting runs behind (+) or ahead (-) of its length: time used so far, plus
 * what the current item still needs, plus what is still planned, against the planned length.
 */
export function scheduleDrift(items: ScheduleItem[], meeting: MeetingClock, plannedLengthMs: number, now: number): number {
  const used = meetingElapsed(meeting, now);
  let still = 0;
  for (const item of items) {
    if (item.status === 'active') still += Math.max(0, itemRemaining(item, meeting, now));
    if (item.status === 'pending') still += item.plannedMs + item.extraMs;
  }
  return used + still - plannedLengthMs;
}
