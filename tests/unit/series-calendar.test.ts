/**
 * The series calendar read by a real iCalendar parser (ical.js), which takes a TZID with no VTIMEZONE as floating
 * time: each export must carry its zone's definition so the occurrences land on the right instants on both sides
 * of every daylight-saving change.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { fromZoned, toZoned } from '../../src/main/services/planning/zoned-time';
import { openTestCore, type TestCore } from '../support/core';
import { teamWithSeries } from '../support/series-fixture';

let t: TestCore | undefined;
afterEach(() => t?.close());

/** The first `count` occurrences as UTC instants, as ical.js expands the file. */
function expand(ics: string, count: number): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const iterator = event.iterator();
  const out: string[] = [];
  for (let next = iterator.next(); next && out.length < count; next = iterator.next()) out.push(next.toJSDate().toISOString());
  return out;
}

async function seriesIn(timeZone: string, startsOn: string) {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
  const { series } = await teamWithSeries(t, { template: null, timeZone, startsOn });
  return (await t.call('series.exportCalendar', { seriesId: series.id })).content;
}

/** Every occurrence is 10:00 on a Monday in the zone, as the runtime's own zone data places it. */
function expectTenLocalEveryMonday(starts: string[], timeZone: string) {
  for (const start of starts) {
    const local = toZoned(Date.parse(start), timeZone);
    expect(`${local.date} ${local.time} ${local.weekday}`).toBe(`${local.date} 10:00 1`);
    expect(start).toBe(new Date(fromZoned(local.date, '10:00', timeZone)).toISOString());
  }
}

describe('series calendar with its time zone', () => {
  it('leaves out the demo series’ called-off Monday, and only that one', async () => {
    t = await openTestCore(Date.parse('2026-11-26T09:00:00Z'));
    const team = await t.call('demo.load', {});
    const [series] = await t.call('series.list', { teamId: team.id });
    const ics = (await t.call('series.exportCalendar', { seriesId: series!.id })).content;
    expect(ics).toContain('EXDATE;TZID=Europe/Berlin:20261123T100000\r\n');
    const november = expand(ics, 20).filter((s) => s.startsWith('2026-11'));
    expect(november).toEqual([
      '2026-11-02T09:00:00.000Z',
      '2026-11-09T09:00:00.000Z',
      '2026-11-16T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
    ]);
  });

  it('the demo series is at 08:00 UTC in October and at 09:00 UTC after Berlin goes to winter time', async () => {
    t = await openTestCore(Date.parse('2026-11-26T09:00:00Z'));
    const team = await t.call('demo.load', {});
    const [series] = await t.call('series.list', { teamId: team.id });
    const ics = (await t.call('series.exportCalendar', { seriesId: series!.id })).content;
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');

    const starts = expand(ics, 60);
    expect(starts.slice(0, 6)).toEqual([
      '2026-09-28T08:00:00.000Z',
      '2026-10-05T08:00:00.000Z',
      '2026-10-12T08:00:00.000Z',
      '2026-10-19T08:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
      '2026-11-02T09:00:00.000Z',
    ]);
    // Back to summer time on 28 March 2027.
    expect(starts).toContain('2027-03-22T09:00:00.000Z');
    expect(starts).toContain('2027-03-29T08:00:00.000Z');
    expectTenLocalEveryMonday(starts, 'Europe/Berlin');
  });

  it('a zone without daylight saving keeps one offset all year', async () => {
    const ics = await seriesIn('Asia/Kolkata', '2026-11-01');
    expect(ics).not.toContain('BEGIN:DAYLIGHT');
    const starts = expand(ics, 60);
    expect(starts.every((s) => s.endsWith('T04:30:00.000Z'))).toBe(true);
    expectTenLocalEveryMonday(starts, 'Asia/Kolkata');
  });

  it('a southern-hemisphere zone is on summer time in January and on standard time in July', async () => {
    const ics = await seriesIn('Australia/Sydney', '2026-11-01');
    const starts = expand(ics, 60);
    expect(starts[0]).toBe('2026-11-01T23:00:00.000Z'); // Monday 2 November, 10:00 AEDT (+11)
    // Sydney leaves summer time on Sunday 4 April 2027.
    expect(starts).toContain('2027-03-28T23:00:00.000Z');
    expect(starts).toContain('2027-04-05T00:00:00.000Z');
    expectTenLocalEveryMonday(starts, 'Australia/Sydney');
  });

  it('the zone rule in force goes on past the years written out', async () => {
    const ics = await seriesIn('America/New_York', '2026-11-01');
    const starts = expand(ics, 52 * 15);
    expect(starts.at(-1)! > '2041-01-01').toBe(true);
    expectTenLocalEveryMonday(starts, 'America/New_York');
  });

  // Found by reading the export with ical.js (Thunderbird's engine): "BYMONTHDAY=28,29,30,31;BYSETPOS=-1" is right by
  // RFC 5545, but ical.js 2.2.1 ignores BYSETPOS there (kewisch/ical.js#960) and put the meeting on the 28th, 29th,
  // 30th and 31st of every month. The 31st, or the month's last day, is every month's last day: BYMONTHDAY=-1.
  it('a monthly series on the 31st is on each month’s last day and no other, as ical.js expands it', async () => {
    t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
    const team = await t.call('teams.create', { name: 'Zone', timeZone: 'Europe/Berlin', members: ['Ana'] });
    const monthly = async (rule: { monthDay: number | null; weekday: number | null; monthWeek: -1 | null }) => {
      const series = await t!.call('series.create', {
        teamId: team.id,
        name: 'Month end, review; plan',
        cadence: 'monthly',
        ...rule,
        startTime: '10:00',
        startsOn: '2027-01-01',
        defaultLengthMin: 60,
      });
      const ics = (await t!.call('series.exportCalendar', { seriesId: series.id })).content;
      return { ics, days: expand(ics, 14).map((s) => toZoned(Date.parse(s), 'Europe/Berlin')) };
    };
    const lastDay = await monthly({ monthDay: 31, weekday: null, monthWeek: null });
    expect(lastDay.days.map((d) => d.date)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
      '2027-08-31',
      '2027-09-30',
      '2027-10-31',
      '2027-11-30',
      '2027-12-31',
      '2028-01-31',
      '2028-02-29',
    ]);
    expect(lastDay.days.every((d) => d.time === '10:00')).toBe(true);
    // The name's comma and semicolon are escaped in the file and read back as typed.
    expect(lastDay.ics).toContain('SUMMARY:Month end\\, review\\; plan\r\n');
    const calendar = new ICAL.Component(ICAL.parse(lastDay.ics));
    expect(new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).summary).toBe('Month end, review; plan');
    // The last Friday of each month, already read right.
    const lastFriday = await monthly({ monthDay: null, weekday: 5, monthWeek: -1 });
    expect(lastFriday.days.slice(0, 4).map((d) => d.date)).toEqual(['2027-01-29', '2027-02-26', '2027-03-26', '2027-04-30']);
  });
});
