import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher, type OpTiming } from '../../src/main/core/dispatcher';
import type { Handlers } from '../../src/main/core/handler-kinds';
import type { ChangeEvent } from '../../src/shared/events';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

/** A team with a series-less meeting of one item, ready to start. */
async function plannedMeeting(): Promise<string> {
  const team = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben'] });
  const { meetingId } = await t.call('meetings.create', {
    teamId: team.id,
    title: 'Weekly',
    date: '2026-11-24',
    time: '10:00',
    lengthMin: 30,
  });
  const live = await t.call('meetings.live', { meetingId });
  await t.call('agenda.addItem', {
    meetingId,
    expectedRevision: live.meeting.agendaRevision,
    kind: 'check_in',
    title: 'Check-in',
    plannedMin: 5,
  });
  return meetingId;
}

describe('the dispatcher', () => {
  it('runs an operation in one transaction: a failure after the service wrote leaves nothing behind', async () => {
    const sql = t.core.services.teams;
    // The real teams service writes its team (in a nested transaction of its own), then the handler fails.
    const handlers = {
      'teams.create': (input: Parameters<typeof sql.create>[0]) => {
        sql.create(input);
        throw new Error('failed after the write');
      },
    } as unknown as Handlers;
    const events: ChangeEvent[] = [];
    t.core.feed.subscribe((e) => events.push(e));
    const dispatcher = new Dispatcher(handlers, t.core.feed, (fn) => t.core.opened.db.transaction(fn)());
    const result = await dispatcher.dispatch('teams.create', { name: 'Half', timeZone: 'UTC' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await t.call('teams.list', {})).toEqual([]);
    expect(events).toEqual([]);
  });

  it('starts a meeting and its first round in one transaction, answering with the live part', async () => {
    const meetingId = await plannedMeeting();
    const live = await t.call('meetings.start', { meetingId });
    expect(live.meeting.status).toBe('live');
    expect(live.turns.map((turn) => [turn.name, turn.status])).toEqual([
      ['Ana', 'speaking'],
      ['Ben', 'waiting'],
    ]);
    expect(Object.keys(live)).not.toContain('decisions');
  });

  it('says what committed when a step after the commit fails, and still publishes the change', async () => {
    const meetingId = await plannedMeeting();
    await t.call('meetings.start', { meetingId });
    // The backup after the meeting cannot be written: a file stands where its folder would be.
    fs.rmSync(path.join(t.dataDir, 'backups'), { recursive: true, force: true });
    fs.writeFileSync(path.join(t.dataDir, 'backups'), 'not a folder');
    const events: ChangeEvent[] = [];
    t.core.feed.subscribe((e) => events.push(e));
    const error = await t.fail('meetings.end', { meetingId });
    expect(error.code).toBe('after_commit');
    expect(error.message).toMatch(/^The ended meeting was saved, but the backup after the meeting failed/);
    expect(error.message).not.toMatch(/nothing was changed/i);
    expect((await t.call('meetings.live', { meetingId })).meeting.status).toBe('ended');
    expect(events.map((e) => e.operation)).toEqual(['meetings.end']);
  });

  it('tells a caller that asks where a write spent its time in main: the write, the pushed read, the event sent', async () => {
    const meetingId = await plannedMeeting();
    await t.call('meetings.start', { meetingId });
    // The listener is the event's sending: held up on purpose, the publishing step measures it.
    t.core.feed.subscribe(() => {
      const until = performance.now() + 5;
      while (performance.now() < until);
    });
    const timing: OpTiming = { runMs: -1, pushMs: -1, publishMs: -1 };
    expect(await t.core.dispatcher.dispatch('live.turn', { meetingId, action: 'next' }, timing)).toMatchObject({ ok: true });
    expect(timing.runMs).toBeGreaterThan(0);
    expect(timing.pushMs).toBeGreaterThan(0);
    expect(timing.publishMs).toBeGreaterThanOrEqual(5);
    // A read publishes nothing: the timing is left as it was.
    const untouched: OpTiming = { runMs: -1, pushMs: -1, publishMs: -1 };
    await t.core.dispatcher.dispatch('meetings.live', { meetingId }, untouched);
    expect(untouched).toEqual({ runMs: -1, pushMs: -1, publishMs: -1 });
  });
});
