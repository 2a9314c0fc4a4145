/**
 * A test core's answers depend only on its ManualClock: a timer of the wall clock that fires in the middle of a long
 * test (the every-minute backup did, a minute into the contract test) changes what the test reads next, on a busy
 * machine only. Any timer a new core feature starts must be switched off in tests/support/core.ts, or this fails.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { openTestCore } from '../support/core';

afterEach(() => {
  vi.useRealTimers();
});

it('a test core starts no timer of the wall clock, through start-up, a demo team and a meeting run', async () => {
  // Only the timer functions are faked: the core's ManualClock and SQLite stay real, and every timer made is counted.
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'setImmediate'] });
  const t = await openTestCore();
  try {
    await t.call('demo.load', {});
    const meetingId = (await t.call('meetings.nextUp', {})).meetings[0]!.id;
    await t.call('meetings.start', { meetingId });
    await t.call('live.next', { meetingId });
    await t.call('meetings.end', { meetingId });
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    t.close();
  }
});
