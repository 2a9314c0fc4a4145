import { afterEach, describe, expect, it } from 'vitest';
import { toZoned } from '../../src/main/services/planning/zoned-time';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';

/*
 * The demo's history is placed on its series' dates (Mondays 10:00 in Berlin, 45 minutes), whatever the day it is
 * loaded: two held, one called off, and the next meeting, a week apart. The next one is the first whose end has not
 * passed, so a person loading the demo during Monday's meeting (or as it starts, like the e2e suites' clock) finds
 * today's meeting to run, and no week goes missing.
 */

const temp = tempDirs('demo-dates');
const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  temp.removeAll();
});

const ZONE = 'Europe/Berlin';
const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

/** A week from Tuesday 24 Nov 2026 (the unit tests' clock) to the Monday after, each day at 10:00 UTC. */
const everyDay = Array.from({ length: 7 }, (_, i) => new Date(utc('2026-11-24T10:00:00Z') + i * 24 * HOUR).toISOString());
/** The hours around 10:00 in Berlin on a Monday, given as UTC; `offset` is Berlin's hours ahead of UTC that day. */
const aroundTen = (date: string, offset: number) =>
  ['08:00', '09:59', '10:00', '10:05', '10:44', '10:45', '10:46', '11:00', '15:00', '23:00'].map((berlin) => {
    const [h, m] = berlin.split(':').map(Number) as [number, number];
    return new Date(Date.parse(`${date}T00:00:00Z`) + (h - offset) * HOUR + m * 60_000).toISOString();
  });

const clocks = [
  ...new Set([
    ...everyDay,
    // Tuesday before 10:00 in Berlin: "three weeks and a day back" fell on a Monday before its meeting and lost a week too.
    '2026-11-23T23:30:00.000Z',
    '2026-11-24T08:30:00.000Z',
    // The e2e suites' clock: Monday 30 November, 10:00 in Berlin, as the demo's meeting starts.
    ...aroundTen('2026-11-30', 1),
    // The Monday after the clocks went back (25 Oct): the next meeting is in winter time, the three before in summer time.
    ...aroundTen('2026-10-26', 1),
    // The Monday after the clocks went forward (29 Mar): the three before in winter time, the next in summer time.
    ...aroundTen('2026-03-30', 2),
  ]),
];

describe('the demo team’s meetings, loaded on any day', () => {
  it.each(clocks)('loaded at %s: held, held, called off, then the next, on four Mondays in a row', async (iso) => {
    const now = utc(iso);
    const t = await openTestCore(now, temp.make());
    cores.push(t);
    const team = await t.call('demo.load', {});
    const lists = await t.call('meetings.list', { teamId: team.id });
    const meetings = [...lists.past, ...lists.upcoming].sort((a, b) => a.scheduledStart! - b.scheduledStart!);

    const story = meetings.map((m) => (m.calledOff ? 'called off' : m.status));
    expect(story).toEqual(['ended', 'ended', 'called off', 'planned']);
    const local = meetings.map((m) => toZoned(m.scheduledStart!, ZONE));
    expect(local.map((z) => [z.weekday, z.time])).toEqual(Array.from({ length: 4 }, () => [1, '10:00']));
    // A week apart on the calendar, whatever the clocks did in between: none missing, none twice.
    const days = local.map((z) => Date.parse(`${z.date}T00:00:00Z`) / (24 * HOUR));
    expect(days.slice(1).map((d, i) => d - days[i]!)).toEqual([7, 7, 7]);

    // The next one is the first whose end has not passed: the one a week before it had ended by now.
    const next = meetings[3]!;
    const end = (m: (typeof meetings)[number]) => m.scheduledStart! + m.plannedLengthMin * 60_000;
    expect(end(next)).toBeGreaterThan(now);
    expect(end(meetings[2]!)).toBeLessThanOrEqual(now);
    expect(lists.upcoming.filter((m) => !m.calledOff).map((m) => m.id)).toEqual([next.id]);
    expect(meetings.slice(0, 2).every((m) => m.endedAt! <= now)).toBe(true);

    // What the second meeting moved to "the next meeting" (past the called-off week: the renegotiated read-out, the
    // slip's corrective) is due on the next one's date, and not overdue while it is under way.
    const nextDate = local[3]!.date;
    const open = (await t.call('commitments.board', { teamId: team.id })).open.filter((c) => !c.needsReassignment);
    const dueAtNext = open.filter((c) => c.dueDate === nextDate);
    expect(dueAtNext.map((c) => c.outcome).sort()).toEqual([
      'Ask the platform team for a dedicated nightly runner',
      'Pricing experiment read-out: conversion of both variants with confidence intervals',
    ]);
    expect(dueAtNext.filter((c) => c.overdue)).toEqual([]);
  });
});
