import { itemClockOf, type MeetingDetail, type Turn } from '@shared/planning';
import { meetingPace } from '@shared/pace';
import { itemElapsed, itemRemaining, meetingElapsed, type ItemClock } from '@shared/timer';

const MIN = 60_000;

export const itemClock = itemClockOf;

export function turnClock(turn: Turn): ItemClock {
  return { plannedMs: turn.timeboxMs, extraMs: 0, startedAt: turn.startedAt, endedAt: turn.endedAt, pausedTotalMs: turn.pausedTotalMs };
}

/** What the console and the projector both need to know about the moment. */
export function liveView(detail: MeetingDetail) {
  const current = detail.items.find((i) => i.id === detail.currentItemId) ?? null;
  const next = detail.items.find((i) => i.status === 'pending' && (!current || i.position > current.position)) ?? null;
  const turns = current ? detail.turns.filter((t) => t.agendaItemId === current.id) : [];
  const speaking = turns.find((t) => t.status === 'speaking') ?? null;
  const upNext = turns.find((t) => t.status === 'waiting') ?? turns.find((t) => t.status === 'later' && t.id !== speaking?.id) ?? null;
  const schedule = detail.items.map((i) => ({ ...itemClock(i), status: i.status }));
  const pace = (now: number) => meetingPace(schedule, detail.clock, detail.meeting.plannedLengthMin * MIN, now);
  return {
    current,
    next,
    turns,
    speaking,
    upNext,
    paused: detail.clock.pausedAt !== null,
    itemRemaining: (now: number) => (current ? itemRemaining(itemClock(current), detail.clock, now) : null),
    itemElapsed: (now: number) => (current ? itemElapsed(itemClock(current), detail.clock, now) : 0),
    turnRemaining: (now: number) => (speaking ? itemRemaining(turnClock(speaking), detail.clock, now) : null),
    meetingElapsed: (now: number) => meetingElapsed(detail.clock, now),
    pace,
  };
}

/**
 * An agenda row's time: the minutes the item is now allowed (its plan plus time granted, less what a catch-up
 * took), after the minutes it took once it has run; and its plan beside it where the two differ, so a rebalanced
 * agenda reads as it will run, not as it was planned.
 */
export function agendaTime(
  item: { plannedMin: number; extraMs: number },
  actualMin: number | null,
): { allowed: string; plan: string | null } {
  const allowedMin = Math.max(0, Math.round(item.plannedMin + item.extraMs / MIN));
  return {
    allowed: `${actualMin !== null ? `${actualMin}/` : ''}${allowedMin} min`,
    plan: allowedMin === item.plannedMin ? null : `(${item.plannedMin} planned)`,
  };
}

/** A speaker's warning comes at a quarter of their time, at most a minute before the end. */
export function turnWarning(timeboxMs: number): number {
  return Math.min(60_000, Math.round(timeboxMs / 4));
}
