/**
 * A live action's change event carries the live part's new answer (read once by main after the commit), and each
 * window's cache takes it instead of asking again, never letting an older answer replace a newer one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/shared/events';
import type { MeetingLive } from '../../src/shared/planning';
import { applyChange, changesApplied, newerOf, queryClient, queryKey } from '../../src/renderer/src/api/query-cache';
import { openTestCore, type TestCore } from '../support/core';

describe('main pushes the part a write names', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await openTestCore();
  });
  afterEach(() => t.close());

  /** A started meeting of two speakers in a check-in round. */
  async function liveRound(): Promise<string> {
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
    await t.call('meetings.start', { meetingId });
    return meetingId;
  }

  it('sends the live part as read after the commit with the turn, and keeps it out of the catch-up log', async () => {
    const meetingId = await liveRound();
    const events: ChangeEvent[] = [];
    const stop = t.core.feed.subscribe((e) => events.push(e));
    await t.call('live.turn', { meetingId, action: 'next' });
    stop();
    const read = await t.call('meetings.live', { meetingId });
    expect(read.turns.find((turn) => turn.status === 'speaking')?.name).toBe('Ben');
    expect(events).toHaveLength(1);
    expect(events[0]!.pushes).toEqual([{ read: 'meetings.live', input: { meetingId }, value: read }]);
    const caughtUp = t.core.feed.since(t.core.feed.epoch, events[0]!.revision - 1).events;
    expect(caughtUp).toHaveLength(1);
    expect(caughtUp![0]).not.toHaveProperty('pushes');
  });
});

describe("a window's cache takes pushed answers", () => {
  const meetingId = '01936b2a-0000-7000-8000-000000000001';
  const other = '01936b2a-0000-7000-8000-000000000002';
  const liveKey = queryKey('meetings.live', { meetingId });
  const getKey = queryKey('meetings.get', { meetingId });
  const live = (speaker: string) => ({ speaker }) as unknown as MeetingLive;
  let revision = 100;
  const event = (value: unknown, at = ++revision, id = meetingId): ChangeEvent => ({
    epoch: 'e1',
    revision: at,
    changes: [{ topic: 'meetings', meetingId: id, part: 'live' }],
    operation: 'live.turn',
    at: 0,
    pushes: [{ read: 'meetings.live', input: { meetingId: id }, value }],
  });

  beforeEach(() => {
    queryClient.clear();
    queryClient.setQueryData(liveKey, live('Ana'));
    queryClient.setQueryData(getKey, { whole: 'meeting' });
  });

  it('puts the pushed part in place and re-reads only the other reads the change reaches', () => {
    applyChange(event(live('Ben')));
    expect(queryClient.getQueryData(liveKey)).toEqual(live('Ben'));
    expect(queryClient.getQueryState(liveKey)?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(getKey)?.isInvalidated).toBe(true);
  });

  it('ignores a push for a read this window does not hold', () => {
    applyChange(event(live('Cy'), ++revision, other));
    expect(queryClient.getQueryData(queryKey('meetings.live', { meetingId: other }))).toBeUndefined();
    expect(queryClient.getQueryData(liveKey)).toEqual(live('Ana'));
  });

  it('never lets an older push replace a newer one', () => {
    const newer = ++revision;
    applyChange(event(live('Ben'), newer));
    applyChange(event(live('Ana'), newer - 1));
    expect(queryClient.getQueryData(liveKey)).toEqual(live('Ben'));
    expect(queryClient.getQueryState(liveKey)?.isInvalidated).toBe(false);
  });

  it('keeps a push over the answer of a read sent before it landed, and takes answers sent after', () => {
    const sentBefore = changesApplied();
    applyChange(event(live('Ben')));
    expect(newerOf(liveKey, sentBefore, live('Ana'))).toEqual(live('Ben'));
    expect(newerOf(liveKey, changesApplied(), live('Cy'))).toEqual(live('Cy'));
  });
});

describe('what a held answer depends on is worked out once per answer', () => {
  const key = queryKey('commitments.get', { commitmentId: '01936b2a-0000-7000-8000-000000000003' });
  const teamA = '01936b2a-0000-7000-8000-00000000000a';
  const teamB = '01936b2a-0000-7000-8000-00000000000b';
  let revision = 500;
  const changeOfTeam = (teamId: string): ChangeEvent => ({
    epoch: 'e1',
    revision: ++revision,
    changes: [{ topic: 'commitments', teamId }],
    operation: 'commitments.update',
    at: 0,
  });

  it('and again when the answer changes, so a change reaches the read by what it holds now', () => {
    queryClient.clear();
    queryClient.setQueryData(key, { teamId: teamA });
    applyChange(changeOfTeam(teamB));
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(false);
    // The commitment moved to the other team (a new answer): the same change now reaches it.
    queryClient.setQueryData(key, { teamId: teamB });
    applyChange(changeOfTeam(teamB));
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
  });
});

describe('rows a held answer keeps one by one are looked up by topic', () => {
  const meetingId = '01936b2a-0000-7000-8000-000000000004';
  const teamId = '01936b2a-0000-7000-8000-00000000000c';
  const key = queryKey('meetings.commitments', { meetingId });
  const ids = Array.from({ length: 300 }, (_, i) => `01936b2a-0000-7000-8000-${String(i).padStart(12, '0')}`);
  let revision = 900;
  const change = (changes: ChangeEvent['changes']): ChangeEvent => ({ epoch: 'e1', revision: ++revision, changes, operation: 'x', at: 0 });
  const asked: unknown[] = [];
  // Never answers: the test looks only at which rows were asked for.
  const read = (_name: string, input: Record<string, unknown>) => {
    asked.push(input);
    return new Promise<never>(() => undefined);
  };

  beforeEach(() => {
    queryClient.clear();
    asked.length = 0;
    queryClient.setQueryData(key, { made: [], review: ids.map((id) => ({ id, teamId })), doneSinceLast: [] });
  });

  it('reads no row for a change of another topic, and only the row a change names', () => {
    applyChange(change([{ topic: 'meetings', meetingId, part: 'live', teamId }]), read);
    expect(asked).toEqual([]);
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(false);
    applyChange(
      change([
        { topic: 'meetings', meetingId, part: 'live' },
        { topic: 'commitments', id: ids[7] },
      ]),
      read,
    );
    expect(asked).toEqual([{ commitmentId: ids[7] }]);
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(false);
  });
});
