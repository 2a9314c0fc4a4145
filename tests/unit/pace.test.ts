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
      overPlanMs: 0,
      overPlanMin: 0,
      underPlanMs: 0,
      underPlanMin: 0,
      behindMs: 0,
      behindMin: 0,
      state: 'on-time',
      words: 'on time',
    });
    // 13.6 minutes into a 10-minute item: 3.6 minutes over, shown as 4 behind.
    const late = meetingPace(agenda(), meeting, 30 * MIN, T0 + 13.6 * MIN);
    expect([late.driftMs, late.driftMin, late.state, late.words]).toEqual([3.6 * MIN, 4, 'behind', '4 min behind']);
    // Done with the first item after 7 of its 10 minutes: 3 gained.
    const items = agenda();
    items[0] = { ...items[0]!, status: 'done', endedAt: T0 + 7 * MIN };
    items[1] = { ...items[1]!, status: 'active', startedAt: T0 + 7 * MIN };
    const early = meetingPace(items, meeting, 30 * MIN, T0 + 8 * MIN);
    expect([early.driftMin, early.state, early.words]).toEqual([3, 'ahead', '3 min ahead']);
    // Under half a minute either way is on time.
    expect(meetingPace(agenda(), meeting, 30 * MIN, T0 + 10.4 * MIN).words).toBe('on time');
  });

  it('counts the minutes a rebalance took from the items to come (their negative extra time)', () => {
    const items = agenda();
    items[1] = { ...items[1]!, extraMs: -3 * MIN };
    // 13 minutes into the 10-minute item, with 3 minutes taken from the next: on time again.
    expect(meetingPace(items, meeting, 30 * MIN, T0 + 13 * MIN).words).toBe('on time');
  });

  it('tells an agenda planned longer than the meeting apart from time lost against that plan', () => {
    // The same 30 minutes of agenda in a 20-minute meeting, two minutes in: nothing has run late.
    const start = meetingPace(agenda(), meeting, 20 * MIN, T0 + 2 * MIN);
    expect([start.state, start.overPlanMin, start.behindMin, start.driftMin]).toEqual(['on-time', 10, 0, 10]);
    expect(start.words).toBe("planned 10 min over the meeting's length");
    // Three minutes over the first item: three behind the plan, and the plan still ten over; the end thirteen late.
    const late = meetingPace(agenda(), meeting, 20 * MIN, T0 + 13 * MIN);
    expect([late.state, late.behindMin, late.overPlanMin, late.driftMin]).toEqual(['behind', 3, 10, 13]);
    expect(late.words).toBe("3 min behind · planned 10 min over the meeting's length");
  });

  it('tells a plan shorter than the meeting (spare minutes) apart from time gained against it', () => {
    // 30 minutes of agenda in a 40-minute meeting, two minutes in: not "10 min ahead" from the first minute.
    const start = meetingPace(agenda(), meeting, 40 * MIN, T0 + 2 * MIN);
    expect([start.state, start.underPlanMin, start.behindMin, start.driftMin]).toEqual(['on-time', 10, 0, 10]);
    expect(start.words).toBe('on time · 10 min spare in the plan');
    // Five minutes granted to the first item use half the spare: still on time.
    expect(meetingPace(agenda(5), meeting, 40 * MIN, T0 + 2 * MIN).words).toBe('on time · 5 min spare in the plan');
    // Twelve minutes over the first item: the spare is gone and two minutes lost.
    const late = meetingPace(agenda(), meeting, 40 * MIN, T0 + 22 * MIN);
    expect([late.state, late.behindMin, late.underPlanMin, late.words]).toEqual(['behind', 2, 0, '2 min behind']);
    // Parking the 20-minute item gains time against the plan as made: ahead, beside the spare.
    const items = agenda();
    items[0] = { ...items[0]!, status: 'done', endedAt: T0 + 10 * MIN };
    items[1] = { ...items[1]!, status: 'parked' };
    const parked = meetingPace(items, meeting, 40 * MIN, T0 + 10 * MIN);
    expect([parked.state, parked.behindMin, parked.underPlanMin]).toEqual(['ahead', 20, 10]);
    expect(parked.words).toBe('20 min ahead · 10 min spare in the plan');
  });

  it('counts minutes granted with +1/+5 as running behind, not as plan', () => {
    // Five minutes granted to the 10-minute item, nine minutes in: the meeting will end five minutes late.
    const pace = meetingPace(agenda(5), meeting, 30 * MIN, T0 + 9 * MIN);
    expect([pace.overPlanMin, pace.words, pace.driftMin]).toEqual([0, '5 min behind', 5]);
  });

  it('once a catch-up fits the plan into the length, the meeting reads on time, and ahead when it gains', () => {
    const items = agenda();
    // 30 minutes of agenda in a 20-minute meeting, ten taken from the item to come.
    items[1] = { ...items[1]!, extraMs: -10 * MIN };
    expect(meetingPace(items, meeting, 20 * MIN, T0 + 2 * MIN).words).toBe('on time');
    // Parking the first item after four minutes leaves six of the plan unused.
    items[0] = { ...items[0]!, status: 'parked', endedAt: T0 + 4 * MIN };
    const gained = meetingPace(items, meeting, 20 * MIN, T0 + 4 * MIN);
    expect([gained.words, gained.overPlanMin]).toEqual(['6 min ahead', 0]);
  });

  it('names no overrun of the plan once the meeting would end on time (time given back after gaining it)', () => {
    // A 30-minute agenda in a 20-minute meeting whose first item ended after none of its ten minutes were needed.
    const items = agenda();
    items[0] = { ...items[0]!, status: 'done', endedAt: T0 };
    expect(meetingPace(items, meeting, 20 * MIN, T0).words).toBe('on time');
    // Seven minutes gained there, ten planned over: three late, and the room hears both.
    items[0] = { ...items[0]!, endedAt: T0 + 3 * MIN };
    expect(meetingPace(items, meeting, 20 * MIN, T0 + 3 * MIN).words).toBe("7 min ahead · planned 10 min over the meeting's length");
  });
});
