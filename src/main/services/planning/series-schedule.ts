import { addDays, daysBetween, daysInMonth, fromZoned, isoWeekday, parseDate, toZoned } from './zoned-time';

export type Cadence = 'weekly' | 'every_n_weeks' | 'monthly';

export interface ScheduleRule {
  cadence: Cadence;
  /** Weeks between meetings for every_n_weeks (1 for weekly). */
  intervalWeeks: number;
  /** ISO weekday 1-7 for weekly, every_n_weeks and monthly-by-weekday. */
  weekday: number | null;
  /** monthly: day of the month 1-31, clamped to the month's last day (31 → 30 Apr, 28/29 Feb). */
  monthDay: number | null;
  /** monthly: the nth weekday (1-4) or the last (-1), when monthDay is null. */
  monthWeek: number | null;
  startTime: string;
  timeZone: string;
  /** The first date the series may meet on; every_n_weeks counts its weeks from here. */
  startsOn: string;
}

function matchesMonthly(date: string, rule: ScheduleRule): boolean {
  const { y, m, d } = parseDate(date);
  if (rule.monthDay !== null) return d === Math.min(rule.monthDay, daysInMonth(y, m));
  if (rule.weekday === null || rule.monthWeek === null || isoWeekday(date) !== rule.weekday) return false;
  if (rule.monthWeek === -1) return d + 7 > daysInMonth(y, m);
  return Math.ceil(d / 7) === rule.monthWeek;
}

export function occursOn(date: string, rule: ScheduleRule): boolean {
  if (daysBetween(rule.startsOn, date) < 0) return false;
  if (rule.cadence === 'monthly') return matchesMonthly(date, rule);
  if (isoWeekday(date) !== rule.weekday) return false;
  if (rule.cadence === 'weekly') return true;
  // Count weeks from the first matching date on or after startsOn.
  const offset = (rule.weekday! - isoWeekday(rule.startsOn) + 7) % 7;
  const first = addDays(rule.startsOn, offset);
  return (daysBetween(first, date) / 7) % Math.max(1, rule.intervalWeeks) === 0;
}

/** The first meeting of the series that starts strictly after `afterMs`. */
export function nextOccurrence(rule: ScheduleRule, afterMs: number): { date: string; startsAt: number } {
  let date = toZoned(afterMs, rule.timeZone).date;
  if (daysBetween(date, rule.startsOn) > 0) date = rule.startsOn;
  // Monthly on the 31st is at most ~62 days away; a year bounds every rule.
  for (let i = 0; i < 400; i++, date = addDays(date, 1)) {
    if (!occursOn(date, rule)) continue;
    const startsAt = fromZoned(date, rule.startTime, rule.timeZone);
    if (startsAt > afterMs) return { date, startsAt };
  }
  throw new Error('This series has no meeting in the coming year; check its cadence.');
}

/** The last meeting of the series that starts at or before `atMs`, if the series had begun by then. */
export function previousOccurrence(rule: ScheduleRule, atMs: number): number | null {
  let date = toZoned(atMs, rule.timeZone).date;
  for (let i = 0; i < 400 && daysBetween(rule.startsOn, date) >= 0; i++, date = addDays(date, -1)) {
    if (!occursOn(date, rule)) continue;
    const startsAt = fromZoned(date, rule.startTime, rule.timeZone);
    if (startsAt <= atMs) return startsAt;
  }
  return null;
}

/**
 * The date on the cadence a meeting used up. A planned one holds its planned date. One started before that was held
 * in place of the cadence date nearest to when it started (never a later one than planned): a meeting planned for
 * next Monday and started this Monday evening was this Monday's, and next Monday still gets its own.
 */
export function dateTaken(rule: ScheduleRule, meeting: { scheduledStart: number | null; startedAt: number | null }): number {
  const { scheduledStart, startedAt } = meeting;
  if (scheduledStart === null) return startedAt ?? 0;
  if (startedAt === null || startedAt >= scheduledStart) return scheduledStart;
  const before = previousOccurrence(rule, startedAt);
  const after = Math.min(scheduledStart, nextOccurrence(rule, startedAt).startsAt);
  return before !== null && startedAt - before <= after - startedAt ? before : after;
}

/** The series' next meeting: the first date on its cadence after now and after every date its meetings took. */
export function nextForSeries(
  rule: ScheduleRule,
  meetings: readonly { scheduledStart: number | null; startedAt: number | null }[],
  now: number,
): { date: string; startsAt: number } {
  let after = now;
  for (const m of meetings) after = Math.max(after, dateTaken(rule, m));
  return nextOccurrence(rule, after);
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** "Every 2 weeks on Monday at 10:00", said the way a person would. */
export function describeRule(rule: ScheduleRule): string {
  const day = rule.weekday ? WEEKDAYS[rule.weekday - 1] : '';
  const at = `at ${rule.startTime}`;
  if (rule.cadence === 'weekly') return `Every ${day} ${at}`;
  if (rule.cadence === 'every_n_weeks') return `Every ${rule.intervalWeeks} weeks on ${day} ${at}`;
  if (rule.monthDay !== null) return `Monthly on day ${rule.monthDay}${rule.monthDay > 28 ? ' (or the month’s last day)' : ''} ${at}`;
  return `Monthly on the ${ORDINALS[rule.monthWeek ?? 1]} ${day} ${at}`;
}
