/**
 * An iCalendar VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, derived from the runtime's Intl data rather than a
 * table: every offset change in the years asked for is found by sampling the zone's offset and narrowing to the
 * minute, and changes that recur on the same rule every year ("last Sunday of October, 03:00") become one
 * observance with a yearly RRULE. A rule still in force at the end of those years is left open, as tzdata's own
 * rules are, so a series that runs on keeps its local time.
 */
import { daysInMonth, offsetAt } from './zoned-time';

/** iCalendar weekday codes by ISO weekday 1 (Monday) … 7 (Sunday). */
export const ICS_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const MINUTE = 60_000;
const DAY = 86_400_000;

interface Change {
  at: number;
  from: number;
  to: number;
}

/** Every offset change in [startMs, endMs): sampled daily (no zone changes twice in a day), then narrowed to the minute. */
function changes(timeZone: string, startMs: number, endMs: number): Change[] {
  const out: Change[] = [];
  let before = offsetAt(startMs, timeZone);
  for (let t = startMs + DAY; t < endMs; t += DAY) {
    const now = offsetAt(t, timeZone);
    if (now === before) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(mid, timeZone) === before) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: before, to: now });
    before = now;
  }
  return out;
}

function icsOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.abs(Math.round(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const seconds = total % 60 ? pad(total % 60) : '';
  return `${sign}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}${seconds}`;
}

/** The wall-clock time of an instant at an offset, as an iCalendar local DATE-TIME. */
function localStamp(ms: number, offset: number): string {
  return new Date(ms + offset)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');
}

function utcStamp(ms: number): string {
  return `${localStamp(ms, 0)}Z`;
}

/** The zone's standard offset in a year: the smaller of January's and July's (north or south, DST adds). */
function standardOffset(timeZone: string, year: number): number {
  return Math.min(offsetAt(Date.UTC(year, 0, 1), timeZone), offsetAt(Date.UTC(year, 6, 1), timeZone));
}

interface Onset {
  change: Change;
  year: number;
  kind: 'STANDARD' | 'DAYLIGHT';
  /** What makes two years' changes the same yearly rule: kind, offsets, month, nth (or last) weekday, time. */
  rule: string;
  byRule: string;
}

function onset(timeZone: string, change: Change): Onset {
  const local = new Date(change.at + change.from);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const nth = day + 7 > daysInMonth(year, month) ? -1 : Math.ceil(day / 7);
  const weekday = ICS_DAYS[(local.getUTCDay() + 6) % 7]!;
  const kind = change.to > standardOffset(timeZone, year) ? 'DAYLIGHT' : 'STANDARD';
  const byRule = `FREQ=YEARLY;BYMONTH=${month};BYDAY=${nth}${weekday}`;
  const time = local.toISOString().slice(11, 19);
  return { change, year, kind, byRule, rule: `${kind} ${change.from} ${change.to} ${byRule} ${time}` };
}

function observance(kind: string, start: string, from: number, to: number, rrule: string | null): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${icsOffset(from)}`,
    `TZOFFSETTO:${icsOffset(to)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE lines for `timeZone` from 1 January of `fromYear` to 31 December of `toYear`: the offset in force
 * on the first day, then each change, consecutive years on one rule folded into one RRULE.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const first = offsetAt(start, timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  lines.push(
    ...observance(first > standardOffset(timeZone, fromYear) ? 'DAYLIGHT' : 'STANDARD', localStamp(start, first), first, first, null),
  );

  const onsets = changes(timeZone, start, Date.UTC(toYear + 1, 0, 1)).map((c) => onset(timeZone, c));
  const runs: Onset[][] = [];
  for (const o of onsets) {
    const run = runs.findLast((r) => r[0]!.rule === o.rule);
    if (run && run.at(-1)!.year === o.year - 1 && isLatestOfKind(runs, run, o)) run.push(o);
    else runs.push([o]);
  }
  runs.sort((a, b) => a[0]!.change.at - b[0]!.change.at);
  for (const run of runs) {
    const head = run[0]!;
    const last = run.at(-1)!;
    // A rule seen every year up to the last one asked for is the zone's rule today: it goes on.
    const open = run.length > 1 && last.year === toYear;
    const rrule = run.length === 1 && !open ? null : open ? head.byRule : `${head.byRule};UNTIL=${utcStamp(last.change.at)}`;
    lines.push(...observance(head.kind, localStamp(head.change.at, head.change.from), head.change.from, head.change.to, rrule));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** A run goes on only if no other rule of the same kind took over since its last year. */
function isLatestOfKind(runs: Onset[][], run: Onset[], next: Onset): boolean {
  const lastAt = run.at(-1)!.change.at;
  return !runs.some((r) => r !== run && r.some((o) => o.kind === next.kind && o.change.at > lastAt));
}
