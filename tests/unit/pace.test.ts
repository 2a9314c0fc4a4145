import { describe, expect, it } from 'vitest';
import { meetingPace } from '../../src/shared/pace';
import type { MeetingClock, ScheduleItem } from '../../src/shared/timer';

const MIN = 60_000;
const T0 = Date.parse('2026-11-30T09:00:00Z');
const meeting: MeetingClock = { startedAt: T0, endedAt: null, pausedAt: null, pausedTotalMs: 0 };

/** A 30-minute meeting: a 10-minute item running since the start, then 20 minutes planned. */
function agenda(extraMin = 0): ScheduleItem[] {
  return [
    { plannedMs: 10 * MIN, extraMs: extraMin * MIN, startedAt: T0, endedAt: null, pausedTotalMs: 0, status: 'active' },
    { plannedMs: 20 * MIN, extraMs: 0, startedAt: null, endedAt: null, pausedTotalMs: 0, status: 'pending' },
  ];
}

describe('meetingPace', () => {
  it('says how far behind or ahead in whole minutes, rounded once, beside the elapsed time and the length', () => {
    expect(meetingPace(agenda(), meeting, 30 * MIN, T0 + 4 * MIN)).toEqual({
      elapsedMs: 4 * MIN,
      plannedMs: 30 * MIN,
      driftMs: 0,
      driftMin: 0,
      state: 'on-time',
      words: 'on time',
    });
    // 13.6 minutes into a 10-minute item: 3.6 minutes over, shown as 4 behind.
    const late = meetingPace(agenda(), meeting, 30 * MIN, T0 + 13.6 * MIN);
    expect([late.driftMs, late.driftMin, late.state, late.words]).toEqual([3.6 * MIN, 4, 'behind', '4 min behind']);
    // Five minutes granted to the first item, against a 40-minute length: 5 minutes to spare.
    const early = meetingPace(agenda(5), meeting, 40 * MIN, T0 + 2 * MIN);
    expect([early.driftMin, early.state, early.words]).toEqual([5, 'ahead', '5 min ahead']);
    // Under half a minute either way is on time.
    expect(meetingPace(agenda(), meeting, 30 * MIN, T0 + 10.4 * MIN).words).toBe('on time');
  });

  it('counts the minutes a rebalance took from the items to come (their negative extra time)', () => {
    const items = agenda();
    items[1] = { ...items[1]!, extraMs: -3 * MIN };
    // 13 minutes into the 10-minute item, with 3 minutes taken from the next: on time again.
    expect(meetingPace(items, meeting, 30 * MIN, T0 + 13 * MIN).words).toBe('on time');
  });
});
