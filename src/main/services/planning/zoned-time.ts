/**
 * Calendar dates ('YYYY-MM-DD'), wall-clock times ('HH:MM') and IANA zones, with Intl only.
 * Meetings are scheduled in the series' zone: "Mondays 10:00 Berlin" stays 10:00 across DST.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface ZonedParts {
  date: string;
  time: string;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
}

function partsOf(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(ms: number, timeZone: string): number {
  const p = partsOf(ms, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function toZoned(ms: number, timeZone: string): ZonedParts {
  const p = partsOf(ms, timeZone);
  const date = `${pad(p.year!, 4)}-${pad(p.month!)}-${pad(p.day!)}`;
  return { date, time: `${pad(p.hour! % 24)}:${pad(p.minute!)}`, weekday: isoWeekday(date) };
}

/**
 * The instant a wall-clock time happens in a zone. A time that does not exist (the hour
 * skipped when clocks go forward) moves forward by the gap, as calendars do; a time that
 * happens twice (clocks go back) resolves to the later one.
 */
export function fromZoned(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, h, min);
  let guess = naive - offsetAt(naive, timeZone);
  guess = naive - offsetAt(guess, timeZone);
  const back = toZoned(guess, timeZone);
  if (back.date !== date || back.time !== time) {
    // In the gap: use the offset from before the transition, which lands just after it.
    guess = naive - offsetAt(naive - 6 * 3600_000, timeZone);
  }
  return guess;
}

export function parseDate(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

export function formatDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function isoWeekday(date: string): number {
  const { y, m, d } = parseDate(date);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const pa = parseDate(a);
  const pb = parseDate(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86_400_000);
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const { y, m, d } = parseDate(date);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
