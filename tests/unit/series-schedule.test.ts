import { describe, expect, it } from 'vitest';
import { nextOccurrence, occursOn, describeRule, type ScheduleRule } from '../../src/main/services/planning/series-schedule';
import { fromZoned, toZoned } from '../../src/main/services/planning/zoned-time';

const weekly: ScheduleRule = {
  cadence: 'weekly',
  intervalWeeks: 1,
  weekday: 1,
  monthDay: null,
  monthWeek: null,
  startTime: '10:00',
  timeZone: 'Europe/Berlin',
  startsOn: '2026-01-01',
};
const utc = (iso: string) => Date.parse(iso);

describe('zoned time', () => {
  it('maps wall-clock time to instants on both sides of a DST change', () => {
    expect(fromZoned('2026-03-27', '10:00', 'Europe/Berlin')).toBe(utc('2026-03-27T09:00:00Z')); // CET, +1
    expect(fromZoned('2026-03-30', '10:00', 'Europe/Berlin')).toBe(utc('2026-03-30T08:00:00Z')); // CEST, +2
    expect(fromZoned('2026-11-02', '09:30', 'America/New_York')).toBe(utc('2026-11-02T14:30:00Z')); // EST
  });

  it('moves a time inside the spring-forward gap to just after it', () => {
    // 02:30 does not exist in Berlin on 29 March 2026.
    expect(toZoned(fromZoned('2026-03-29', '02:30', 'Europe/Berlin'), 'Europe/Berlin').time).toBe('03:30');
  });
});

describe('series schedule', () => {
  it('weekly: next Monday 10:00 Berlin, same wall-clock time across the autumn DST change', () => {
    const first = nextOccurrence(weekly, utc('2026-10-21T12:00:00Z')); // a Wednesday
    expect(first).toEqual({ date: '2026-10-26', startsAt: utc('2026-10-26T09:00:00Z') }); // after fall-back: CET
    const before = nextOccurrence(weekly, utc('2026-10-14T12:00:00Z'));
    expect(before).toEqual({ date: '2026-10-19', startsAt: utc('2026-10-19T08:00:00Z') }); // still CEST
  });

  it('weekly: a meeting later the same day is next; one that already started is not', () => {
    expect(nextOccurrence(weekly, utc('2026-11-23T08:59:00Z')).date).toBe('2026-11-23');
    expect(nextOccurrence(weekly, utc('2026-11-23T09:00:00Z')).date).toBe('2026-11-30');
  });

  it('every 2 weeks counts from the first date', () => {
    const rule: ScheduleRule = { ...weekly, cadence: 'every_n_weeks', intervalWeeks: 2, startsOn: '2026-11-02' };
    expect(occursOn('2026-11-02', rule)).toBe(true);
    expect(occursOn('2026-11-09', rule)).toBe(false);
    expect(occursOn('2026-11-16', rule)).toBe(true);
    expect(nextOccurrence(rule, utc('2026-11-03T00:00:00Z')).date).toBe('2026-11-16');
  });

  it('monthly on the 31st falls on each month’s last day, leap years included', () => {
    const rule: ScheduleRule = { ...weekly, cadence: 'monthly', weekday: null, monthDay: 31, startsOn: '2027-12-01' };
    const dates: string[] = [];
    let after = utc('2027-12-01T00:00:00Z');
    for (let i = 0; i < 5; i++) {
      const next = nextOccurrence(rule, after);
      dates.push(next.date);
      after = next.startsAt;
    }
    expect(dates).toEqual(['2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
  });

  it('monthly on the last Friday and the first Monday', () => {
    const last: ScheduleRule = { ...weekly, cadence: 'monthly', weekday: 5, monthWeek: -1 };
    expect(nextOccurrence(last, utc('2026-11-01T00:00:00Z')).date).toBe('2026-11-27');
    const first: ScheduleRule = { ...weekly, cadence: 'monthly', weekday: 1, monthWeek: 1 };
    expect(nextOccurrence(first, utc('2026-11-03T00:00:00Z')).date).toBe('2026-12-07');
  });

  it('never schedules before the series starts', () => {
    expect(nextOccurrence({ ...weekly, startsOn: '2027-01-04' }, utc('2026-11-24T00:00:00Z')).date).toBe('2027-01-04');
  });

  it('describes the rule in words', () => {
    expect(describeRule(weekly)).toBe('Every Monday at 10:00');
    expect(describeRule({ ...weekly, cadence: 'monthly', weekday: 5, monthWeek: -1 })).toBe('Monthly on the last Friday at 10:00');
  });
});
