import type { SeriesRecord } from '../../db/repositories/series-repository';
import type { ScheduleRule } from './series-schedule';
import { nextOccurrence } from './series-schedule';
import { ICS_DAYS as DAYS, vtimezone } from './vtimezone';
import { toZoned } from './zoned-time';

/** Years of the zone's rules written beyond the series' start (or today): enough to show the rule now in force. */
const ZONE_YEARS_AHEAD = 4;

/** RFC 5545 text: backslash, semicolon, comma and newlines escaped. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function recurrenceRule(rule: ScheduleRule): string {
  if (rule.cadence === 'monthly') {
    if (rule.monthDay !== null) {
      if (rule.monthDay <= 28) return `FREQ=MONTHLY;BYMONTHDAY=${rule.monthDay}`;
      // "The 31st, or the month's last day" is the last day: said so, since ical.js (Thunderbird) ignores BYSETPOS
      // beside BYMONTHDAY and would add the 28th to the 30th of every month (kewisch/ical.js#960).
      if (rule.monthDay === 31) return 'FREQ=MONTHLY;BYMONTHDAY=-1';
      // The 29th or 30th, or the month's last day: the last of 28..N that the month has (RFC 5545; ical.js, as above,
      // reads this one wrong and no rule without BYSETPOS says it).
      const days = Array.from({ length: rule.monthDay - 27 }, (_, i) => 28 + i).join(',');
      return `FREQ=MONTHLY;BYMONTHDAY=${days};BYSETPOS=-1`;
    }
    return `FREQ=MONTHLY;BYDAY=${rule.monthWeek}${DAYS[rule.weekday! - 1]}`;
  }
  return `FREQ=WEEKLY;INTERVAL=${rule.cadence === 'weekly' ? 1 : rule.intervalWeeks};BYDAY=${DAYS[rule.weekday! - 1]}`;
}

function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

function utcStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * One recurring event for the series, in its own time zone, that calendar apps import. The dates of its called-off
 * meetings (`calledOff`, their planned starts) are left out of it: the team did not meet then.
 */
export function seriesCalendar(row: SeriesRecord, rule: ScheduleRule, now: number, calledOff: readonly number[] = []): string {
  const first = nextOccurrence(rule, Math.min(now, Date.parse(`${rule.startsOn}T00:00:00Z`)) - 1);
  const lengthMin = Math.round(row.defaultLengthMs / 60_000);
  const firstYear = Number(first.date.slice(0, 4));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cadence//Meeting series//EN',
    'CALSCALE:GREGORIAN',
    // RFC 5545 wants a definition of every TZID used; without it strict readers take the time as floating.
    ...vtimezone(rule.timeZone, firstYear, Math.max(firstYear, new Date(now).getUTCFullYear()) + ZONE_YEARS_AHEAD),
    'BEGIN:VEVENT',
    `UID:${row.id}@cadence.local`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${rule.timeZone}:${localStamp(first.date, rule.startTime)}`,
    `DURATION:PT${Math.floor(lengthMin / 60) ? `${Math.floor(lengthMin / 60)}H` : ''}${lengthMin % 60 ? `${lengthMin % 60}M` : ''}`,
    `RRULE:${recurrenceRule(rule)}`,
    ...calledOff.map((start) => {
      const local = toZoned(start, rule.timeZone);
      return `EXDATE;TZID=${rule.timeZone}:${localStamp(local.date, local.time)}`;
    }),
    `SUMMARY:${icsText(row.name)}`,
    `DESCRIPTION:${icsText(`Cadence meeting series. ${lengthMin} minutes.`)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
