import { describe, expect, it } from 'vitest';
import { meetingPace } from '../../src/shared/meeting-pace';
import type { AgendaItem } from '../../src/shared/planning';

const MIN = 60_000;
const start = Date.UTC(2026, 10, 30, 9, 0);

function item(over: Partial<AgendaItem>): AgendaItem {
  return {
    id: 'i',
    meetingId: 'm',
    position: 0,
    kind: 'discussion',
    title: 'Item',
    plannedMin: 10,
    ownerId: null,
    notes: '',
    status: 'pending',
    carriedFromId: null,
    startedAt: null,
    endedAt: null,
    extraMs: 0,
    pausedTotalMs: 0,
    roundOrder: 'team',
    turnTimeboxMs: null,
    ...over,
  };
}

/** A 30-minute meeting of three 10-minute items, the first running since `start`. */
function meeting(items: AgendaItem[]) {
  return { items, clock: { startedAt: start, endedAt: null, pausedAt: null, pausedTotalMs: 0 }, meeting: { plannedLengthMin: 30 } };
}

describe('the meeting pace every screen shows', () => {
  const three = (first: Partial<AgendaItem>, rest: Partial<AgendaItem> = {}) =>
    meeting([
      item({ id: 'a', status: 'active', startedAt: start, ...first }),
      item({ id: 'b', position: 1, ...rest }),
      item({ id: 'c', position: 2, ...rest }),
    ]);

  it('says on time, in one unit, while the items keep to their plan', () => {
    const pace = meetingPace(three({}), start + 88_000);
    expect(pace).toMatchObject({ state: 'on-time', minutes: 0, clockText: '1:28 of 30:00', driftText: 'on time' });
  });

  it('rounds the drift once, to the nearest minute, for the header and the banner alike', () => {
    // The first item is 5 min 29 s over its 10 minutes: 5 min behind, not 6.
    expect(meetingPace(three({}), start + 15 * MIN + 29_000)).toMatchObject({ state: 'behind', minutes: 5, driftText: '5 min behind' });
    expect(meetingPace(three({}), start + 15 * MIN + 31_000).minutes).toBe(6);
  });

  it('counts time taken from later items by a rebalance; time granted with +5 min does not hide the drift', () => {
    const now = start + 15 * MIN;
    expect(meetingPace(three({}, { extraMs: -2 * MIN }), now).driftText).toBe('1 min behind');
    expect(meetingPace(three({ extraMs: 5 * MIN }), now).driftText).toBe('5 min behind');
  });

  it('says ahead when an item ends early', () => {
    const pace = meetingPace(three({ status: 'done', endedAt: start + 4 * MIN }, {}), start + 4 * MIN);
    expect(pace).toMatchObject({ state: 'ahead', minutes: 6, driftText: '6 min ahead' });
  });
});
