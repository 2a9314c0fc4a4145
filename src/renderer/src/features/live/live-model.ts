import { itemClockOf, type AgendaItem, type MeetingDetail, type Turn } from '@shared/planning';
import { meetingPace } from '@shared/pace';
import { itemElapsed, itemRemaining, type ItemClock } from '@shared/timer';

const MIN = 60_000;

export const itemClock = itemClockOf;

function turnClock(turn: Turn): ItemClock {
  return { plannedMs: turn.timeboxMs, extraMs: 0, startedAt: turn.startedAt, endedAt: turn.endedAt, pausedTotalMs: turn.pausedTotalMs };
}

type Clock = MeetingDetail['clock'];

/** An agenda item as the clock, the agenda's progress and the panels read it: everything but its notes. */
export type ScheduledItem = Omit<AgendaItem, 'notes'>;

type Schedule = { items: ScheduledItem[]; clock: Clock; plannedLengthMin: number };

/** How far behind or ahead the meeting runs at a moment, from its agenda and clock alone. */
export function paceOf({ items, clock, plannedLengthMin }: Schedule) {
  const schedule = items.map((i) => ({ ...itemClock(i), status: i.status }));
  return (now: number) => meetingPace(schedule, clock, plannedLengthMin * MIN, now);
}

/** What the console and the projector both need to know about the moment. */
export function liveView(detail: MeetingDetail) {
  const current = detail.items.find((i) => i.id === detail.currentItemId) ?? null;
  const next = detail.items.find((i) => i.status === 'pending' && (!current || i.position > current.position)) ?? null;
  const turns = current ? detail.turns.filter((t) => t.agendaItemId === current.id) : [];
  const speaking = turns.find((t) => t.status === 'speaking') ?? null;
  const upNext = turns.find((t) => t.status === 'waiting') ?? turns.find((t) => t.status === 'later' && t.id !== speaking?.id) ?? null;
  return {
    current,
    next,
    turns,
    speaking,
    upNext,
    paused: detail.clock.pausedAt !== null,
  };
}

/**
 * The current item's countdowns, made from the item and the clock alone: both keep their identity across a turn
 * or a note (the cache shares unchanged parts of a new answer), so a view that memoises these on them does not
 * restart its countdowns on every live action.
 */
export function itemTimers(current: ScheduledItem | null, clock: Clock | undefined, now: () => number) {
  return {
    remaining: () => (current && clock ? itemRemaining(itemClock(current), clock, now()) : null),
    elapsed: () => (current && clock ? itemElapsed(itemClock(current), clock, now()) : null),
  };
}

/** The speaker's countdown, likewise from the turn and the clock alone. */
export function turnTimer(speaking: Turn | null, clock: Clock | undefined, now: () => number) {
  return () => (speaking && clock ? itemRemaining(turnClock(speaking), clock, now()) : null);
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
    // An item taken says so in words ("took 1 of 5 min"): "1/5 min" read as a fraction or a date.
    allowed: `${actualMin !== null ? `took ${actualMin} of ` : ''}${allowedMin} min`,
    plan: allowedMin === item.plannedMin ? null : `(${item.plannedMin} planned)`,
  };
}

/** A speaker's warning comes at a quarter of their time, at most a minute before the end. */
export function turnWarning(timeboxMs: number): number {
  return Math.min(60_000, Math.round(timeboxMs / 4));
}
