import { describe, expect, it } from 'vitest';
import {
  formatCountdown,
  formatElapsed,
  durationWords,
  itemElapsed,
  itemRemaining,
  meetingElapsed,
  phaseOf,
  scheduleDrift,
  type ItemClock,
  type MeetingClock,
} from '../../src/shared/timer';

const MIN = 60_000;
const T0 = Date.parse('2026-11-30T09:00:00Z');

function live(startedAt = T0): MeetingClock {
  return { startedAt, endedAt: null, pausedAt: null, pausedTotalMs: 0 };
}
function item(plannedMin: number, startedAt: number | null = T0): ItemClock {
  return { plannedMs: plannedMin * MIN, extraMs: 0, startedAt, endedAt: null, pausedTotalMs: 0 };
}

describe('timer math', () => {
  it('counts down from the planned time and into overtime', () => {
    const m = live();
    const i = item(10);
    expect(itemRemaining(i, m, T0 + 3 * MIN)).toBe(7 * MIN);
    expect(itemRemaining(i, m, T0 + 12 * MIN)).toBe(-2 * MIN);
    expect(phaseOf(itemRemaining(i, m, T0 + 8.5 * MIN))).toBe('normal');
    expect(phaseOf(itemRemaining(i, m, T0 + 9.5 * MIN))).toBe('warning');
    expect(phaseOf(itemRemaining(i, m, T0 + 10 * MIN + 1))).toBe('overtime');
  });

  it('stops while paused and resumes where it was', () => {
    const m = live();
    const i = item(10);
    // Paused at 4 minutes for 6 minutes.
    const paused = { ...m, pausedAt: T0 + 4 * MIN };
    expect(itemRemaining(i, paused, T0 + 4 * MIN)).toBe(6 * MIN);
    expect(itemRemaining(i, paused, T0 + 10 * MIN)).toBe(6 * MIN);
    expect(meetingElapsed(paused, T0 + 10 * MIN)).toBe(4 * MIN);
    // Resumed: the pause is folded into both totals.
    const resumed = { ...m, pausedTotalMs: 6 * MIN };
    const resumedItem = { ...i, pausedTotalMs: 6 * MIN };
    expect(itemRemaining(resumedItem, resumed, T0 + 11 * MIN)).toBe(5 * MIN);
    expect(meetingElapsed(resumed, T0 + 11 * MIN)).toBe(5 * MIN);
  });

  it('counts a 30-minute sleep of the laptop, because the room kept going', () => {
    const m = live();
    const i = item(45);
    expect(itemRemaining(i, m, T0 + 5 * MIN)).toBe(40 * MIN);
    expect(itemRemaining(i, m, T0 + 35 * MIN)).toBe(10 * MIN);
  });

  it('extends by the granted extra time', () => {
    const m = live();
    const i = { ...item(5), extraMs: 6 * MIN };
    expect(itemRemaining(i, m, T0 + 7 * MIN)).toBe(4 * MIN);
  });

  it('after a restart mid-item, the same stored instants give the same remaining time to the second', () => {
    const stored = JSON.parse(JSON.stringify({ m: live(), i: item(15, T0 + 2 * MIN) })) as { m: MeetingClock; i: ItemClock };
    expect(itemRemaining(stored.i, stored.m, T0 + 9 * MIN + 31_000)).toBe(7 * MIN + 29_000);
    expect(formatCountdown(itemRemaining(stored.i, stored.m, T0 + 9 * MIN + 31_000))).toBe('7:29');
  });

  it('an 8-hour meeting with many pauses has zero drift', () => {
    let m = live();
    let now = T0;
    let pausedTotal = 0;
    for (let hour = 0; hour < 8; hour++) {
      now += 50 * MIN;
      m = { ...m, pausedAt: now };
      now += 10 * MIN;
      pausedTotal += 10 * MIN;
      m = { ...m, pausedAt: null, pausedTotalMs: pausedTotal };
    }
    expect(meetingElapsed(m, now)).toBe(8 * 50 * MIN);
    expect(meetingElapsed({ ...m, endedAt: now }, now + 3 * 3600_000)).toBe(8 * 50 * MIN);
  });

  it('a finished item keeps its elapsed time', () => {
    const i = { ...item(10), endedAt: T0 + 12 * MIN, pausedTotalMs: MIN };
    expect(itemElapsed(i, live(), T0 + 99 * MIN)).toBe(11 * MIN);
  });

  it('formats countdowns the way a room reads them', () => {
    expect(formatCountdown(5 * MIN)).toBe('5:00');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(-90_000)).toBe('-1:30');
    expect(formatCountdown(-400)).toBe('0:00');
    expect(formatCountdown(-1_000)).toBe('-0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(62 * MIN)).toBe('1:02:00');
  });

  // The console read "0:02 of 10:00" beside "9:59" left: the time spent was rounded up like the countdown.
  it('formats time spent in whole seconds gone, so it and the time left add up to the plan', () => {
    expect(formatElapsed(2_300)).toBe('0:02');
    expect(formatElapsed(999)).toBe('0:00');
    expect(formatElapsed(62 * MIN + 999)).toBe('1:02:00');
    const seconds = (text: string) =>
      (text.startsWith('-') ? -1 : 1) *
      text
        .replace('-', '')
        .split(':')
        .reduce((total, part) => total * 60 + Number(part), 0);
    // In overtime too: 11:29.4 spent of ten minutes is "11:29" and "-1:29", not "-1:30".
    for (const spent of [1, 999, 2_300, 59_999, 60_000, 61_500, 599_001, 600_000, 600_400, 689_400, 3_700_000]) {
      expect(seconds(formatElapsed(spent)) + seconds(formatCountdown(10 * MIN - spent)), String(spent)).toBe(600);
    }
  });

  it('says time taken in words, never "0"', () => {
    expect(durationWords(59_999)).toBe('under a minute');
    expect(durationWords(60_000)).toBe('1 min');
    expect(durationWords(10 * MIN + 29_000)).toBe('10 min');
  });

  it('says how far the meeting runs behind or ahead', () => {
    const m = live();
    const items = [
      { ...item(10), status: 'done' as const, endedAt: T0 + 14 * MIN },
      { ...item(10, T0 + 14 * MIN), status: 'active' as const },
      { ...item(20, null), status: 'pending' as const },
    ];
    // 16 min in: used 16, current needs 8 more, 20 planned still: 44 of 40 → 4 behind.
    expect(scheduleDrift(items, m, 40 * MIN, T0 + 16 * MIN)).toBe(4 * MIN);
  });
});
