import type { Attendee, SpeakingTime, Turn } from '@shared/planning';
import { itemElapsed, type MeetingClock } from '@shared/timer';

/** Speaking time per attendee, summed over every turn of every round; a turn runs like an item timer. */
export function speakingTime(turns: Turn[], attendees: Attendee[], clock: MeetingClock, now: number): SpeakingTime[] {
  const totals = new Map<string, number>();
  for (const t of turns) {
    const ms = itemElapsed(
      { plannedMs: t.timeboxMs, extraMs: 0, startedAt: t.startedAt, endedAt: t.endedAt, pausedTotalMs: t.pausedTotalMs },
      clock,
      now,
    );
    totals.set(t.attendeeId, (totals.get(t.attendeeId) ?? 0) + ms);
  }
  return attendees.filter((a) => totals.has(a.id)).map((a) => ({ attendeeId: a.id, name: a.name, ms: totals.get(a.id)! }));
}
