import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderSpeakers } from '../../src/main/services/live/round-order';
import type { MeetingLive } from '../../src/shared/planning';
import { openTestCore, type TestCore, liveAfter } from '../support/core';
import { liveMeeting as startedLiveMeeting, remainingOf } from './helpers/live-meeting';

const MIN = 60_000;
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

describe('speaker order', () => {
  const speakers = [
    { attendeeId: 'g', memberId: null, teamPosition: null },
    { attendeeId: 'c', memberId: 'mc', teamPosition: 2 },
    { attendeeId: 'a', memberId: 'ma', teamPosition: 0 },
    { attendeeId: 'b', memberId: 'mb', teamPosition: 1 },
  ];
  const ids = (list: { attendeeId: string }[]) => list.map((s) => s.attendeeId).join('');

  it('team order puts members in team order and guests last', () => {
    expect(ids(orderSpeakers(speakers, 'team', { random: Math.random, lastOpenerMemberId: null }))).toBe('abcg');
  });

  it('rotating starts with the member after last meeting’s opener', () => {
    expect(ids(orderSpeakers(speakers, 'rotate', { random: Math.random, lastOpenerMemberId: 'ma' }))).toBe('bcag');
    expect(ids(orderSpeakers(speakers, 'rotate', { random: Math.random, lastOpenerMemberId: 'mc' }))).toBe('abcg');
    expect(ids(orderSpeakers(speakers, 'rotate', { random: Math.random, lastOpenerMemberId: null }))).toBe('abcg');
  });

  it('shuffling is a permutation driven by the random source', () => {
    const seq = [0.9, 0.1, 0.5];
    let i = 0;
    const shuffled = orderSpeakers(speakers, 'shuffle', { random: () => seq[i++ % seq.length]!, lastOpenerMemberId: null });
    expect(ids(shuffled).split('').sort().join('')).toBe('abcg');
    expect(ids(shuffled)).toBe('cbag'); // Fisher-Yates: i=3 j=3, i=2 j=0, i=1 j=1
  });
});

const liveMeeting = (teamName?: string) => startedLiveMeeting(t, teamName);

describe('running a meeting', () => {
  it('runs a check-in round with a pass and a come-back-later, recording speaking time', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    const round = () => d.turns.map((x) => `${x.name}:${x.status}`).join(' ');
    expect(round()).toBe('Ana:speaking Ben:waiting Cleo:waiting'); // Dan is absent
    expect(d.turns[0]!.timeboxMs).toBe(60_000);

    t.clock.advance(50_000);
    d = await liveAfter(t, t.call('live.turn', { meetingId, action: 'later' }));
    expect(round()).toBe('Ana:later Ben:speaking Cleo:waiting');
    t.clock.advance(5_000);
    d = await liveAfter(t, t.call('live.turn', { meetingId, action: 'pass' }));
    t.clock.advance(70_000);
    d = await liveAfter(t, t.call('live.turn', { meetingId, action: 'next' }));
    expect(round()).toBe('Ana:speaking Ben:passed Cleo:done');
    // Nobody else left: asking to come back later, she speaks on at once, the time so far counting.
    t.clock.advance(5_000);
    d = await liveAfter(t, t.call('live.turn', { meetingId, action: 'later' }));
    expect(round()).toBe('Ana:speaking Ben:passed Cleo:done');
    t.clock.advance(20_000);
    d = await liveAfter(t, t.call('live.turn', { meetingId, action: 'next' }));
    expect(round()).toBe('Ana:done Ben:passed Cleo:done');
    expect(d.speakingTime.map((s) => [s.name, s.ms])).toEqual([
      ['Ana', 75_000],
      ['Ben', 5_000],
      ['Cleo', 70_000],
    ]);
    expect((await t.fail('live.turn', { meetingId, action: 'next' })).message).toBe('Nobody is speaking in this round');
  });

  it('pauses and resumes without losing or gaining time, extends, and counts overtime', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    await t.call('live.next', { meetingId });
    const start = t.clock.now();
    t.clock.advance(3 * MIN);
    d = await liveAfter(t, t.call('live.pause', { meetingId }));
    t.clock.advance(20 * MIN);
    expect(remainingOf(d, 'Budget', t.clock.now())).toBe(7 * MIN);
    expect((await t.fail('live.next', { meetingId })).message).toBe('The meeting is paused. Resume it first.');
    d = await liveAfter(t, t.call('live.resume', { meetingId }));
    t.clock.advance(MIN);
    expect(remainingOf(d, 'Budget', t.clock.now())).toBe(6 * MIN);
    d = await liveAfter(t, t.call('live.extend', { meetingId, minutes: 5 }));
    t.clock.advance(12 * MIN);
    expect(remainingOf(d, 'Budget', t.clock.now())).toBe(-MIN);
    expect(t.clock.now() - start).toBe(36 * MIN);
  });

  it('resumes the same item with the remaining time the wall clock gives after a restart', async () => {
    const d = await liveMeeting();
    const meetingId = d.meeting.id;
    await t.call('live.next', { meetingId });
    t.clock.advance(2 * MIN + 30_000);
    const dir = t.dataDir;
    t.core.close();
    // The app was down for 4 minutes; the room went on.
    const again = await openTestCore(t.clock.now() + 4 * MIN, dir);
    try {
      const after = await again.call('meetings.get', { meetingId });
      expect(after.items.find((i) => i.id === after.currentItemId)!.title).toBe('Budget');
      expect(remainingOf(after, 'Budget', again.clock.now())).toBe(3 * MIN + 30_000);
    } finally {
      again.core.close();
    }
  });

  it('goes back to the previous item and on again; the item left keeps its time', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    t.clock.advance(2 * MIN);
    d = await liveAfter(t, t.call('live.previous', { meetingId }));
    expect(d.items.find((i) => i.id === d.currentItemId)!.title).toBe('Check-in');
    t.clock.advance(MIN);
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    expect(d.items.find((i) => i.id === d.currentItemId)!.title).toBe('Budget');
    expect(remainingOf(d, 'Budget', t.clock.now())).toBe(8 * MIN);
  });

  it('moves on to the first item still to come after the current one, else to one still to come before it', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    const title = (live: MeetingLive) => live.items.find((i) => i.id === live.currentItemId)?.title;
    // Hiring moved to the top while the check-in runs: the agenda reads Hiring, Check-in, Budget.
    const hiring = d.items.find((i) => i.title === 'Hiring')!;
    const moved = await t.call('agenda.moveItem', { itemId: hiring.id, expectedRevision: d.meeting.agendaRevision, toIndex: 0 });
    expect(moved.items.map((i) => i.title)).toEqual(['Hiring', 'Check-in', 'Budget']);
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    expect(title(d)).toBe('Budget');
    // Nothing after Budget is still to come: the meeting goes back up to Hiring.
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    expect(title(d)).toBe('Hiring');
    // Both done items come after Hiring in the agenda: none is earlier.
    await expect(t.call('live.previous', { meetingId })).rejects.toThrow('There is no earlier item to go back to');
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    expect(d.currentItemId).toBeNull();
    // With no current item, back goes to the last one done in the agenda's order.
    d = await liveAfter(t, t.call('live.previous', { meetingId }));
    expect(title(d)).toBe('Budget');
  });

  it('refuses, in words, a step pressed on an item or a turn another window already moved on from, and records nothing', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    const checkIn = d.currentItemId!;
    const ana = d.turns.find((x) => x.status === 'speaking')!.id;
    // Two windows showed Ana speaking: the first "next speaker" is hers, the second is refused.
    d = await liveAfter(t, t.call('live.turn', { meetingId, action: 'next', turnId: ana }));
    expect((await t.fail('live.turn', { meetingId, action: 'pass', turnId: ana })).message).toBe(
      'That turn had already ended (in another window); the round has moved on',
    );
    // Two windows showed the check-in: the first N moves on, the second one does not move again.
    d = await liveAfter(t, t.call('live.next', { meetingId, fromItemId: checkIn }));
    const undoBefore = d.undoLabel;
    expect((await t.fail('live.next', { meetingId, fromItemId: checkIn })).message).toBe(
      'The meeting had already moved on from “Check-in” (in another window): it is now on “Budget”',
    );
    expect((await t.fail('live.previous', { meetingId, fromItemId: checkIn })).code).toBe('conflict');
    d = await liveAfter(t, t.call('live.next', { meetingId, fromItemId: d.currentItemId! }));
    d = await liveAfter(t, t.call('live.next', { meetingId, fromItemId: d.currentItemId! }));
    expect((await t.fail('live.next', { meetingId, fromItemId: checkIn })).message).toMatch(/: every item is done$/);
    // What was refused left no trace: the round as the first window left it, and undo takes back the last real step.
    expect(d.turns.map((x) => `${x.name}:${x.status}`).join(' ')).toBe('Ana:done Ben:done Cleo:waiting');
    expect(undoBefore).toBe('next item');
    expect(d.undoLabel).toBe('next item');
    // Without the item it was pressed on (the CLI, a script), a step goes from wherever the meeting is.
    d = await liveAfter(t, t.call('live.previous', { meetingId }));
    expect(d.items.find((i) => i.id === d.currentItemId)!.title).toBe('Hiring');
  });

  it('parks an item into the team’s parking lot and moves on', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    const budget = d.items.find((i) => i.title === 'Budget')!;
    d = await liveAfter(t, t.call('live.park', { meetingId, itemId: budget.id }));
    expect(d.items.find((i) => i.id === budget.id)!.status).toBe('parked');
    expect(d.items.find((i) => i.id === d.currentItemId)!.title).toBe('Hiring');
    const lot = await t.call('parkingLot.list', { teamId: d.meeting.teamId });
    expect(lot.map((p) => [p.title, p.parkedFromMeetingId])).toEqual([['Budget', meetingId]]);
  });

  it('applies a rebalance (less time allowed, a cut item carried over), gives the time back, and undoes it as one step', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    const [, budget, hiring] = d.items;
    const allowed = (x: typeof d) => x.items.map((i) => [i.title, i.plannedMin, i.plannedMin + i.extraMs / 60_000, i.status]);
    d = await liveAfter(t, t.call('live.rebalance', { meetingId, allow: [{ itemId: budget!.id, minutes: 7 }], cut: [hiring!.id] }));
    // The plan stays for the minutes; what was taken is negative extra time.
    expect(allowed(d)).toEqual([
      ['Check-in', 4, 4, 'active'],
      ['Budget', 10, 7, 'pending'],
      ['Hiring', 10, 10, 'not_reached'],
    ]);
    expect((await t.fail('live.rebalance', { meetingId, allow: [{ itemId: d.items[0]!.id, minutes: 1 }], cut: [] })).message).toContain(
      'out of date',
    );
    expect((await t.fail('live.rebalance', { meetingId, allow: [{ itemId: budget!.id, minutes: 11 }], cut: [] })).message).toContain(
      'planned for 10 min',
    );
    d = await liveAfter(t, t.call('live.rebalance', { meetingId, allow: [{ itemId: budget!.id, minutes: 9 }], cut: [] }));
    expect(allowed(d)[1]).toEqual(['Budget', 10, 9, 'pending']);
    await t.call('live.undo', { meetingId });
    await t.call('live.undo', { meetingId });
    d = await t.call('meetings.get', { meetingId });
    expect(allowed(d)).toEqual([
      ['Check-in', 4, 4, 'active'],
      ['Budget', 10, 10, 'pending'],
      ['Hiring', 10, 10, 'pending'],
    ]);
  });

  it('gives a round shortened by a rebalance turns that share the time it was given, not the time first planned', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    // An updates round of 9 minutes after the check-in, no turn length of its own: 3 minutes each for Ana, Ben, Cleo.
    d = await t.call('agenda.addItem', {
      meetingId,
      expectedRevision: d.meeting.agendaRevision,
      kind: 'round_robin',
      title: 'Updates',
      plannedMin: 9,
    });
    const updates = d.items.find((i) => i.title === 'Updates')!;
    d = await t.call('agenda.moveItem', { itemId: updates.id, expectedRevision: d.meeting.agendaRevision, toIndex: 1 });
    // The room runs behind; the rebalance gives the round 6 minutes (walk20: its turns still counted down 3:00 each,
    // so the round ran its 9 planned minutes and the meeting its 3 minutes over).
    await t.call('live.rebalance', { meetingId, allow: [{ itemId: updates.id, minutes: 6 }], cut: [] });
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    expect(d.items.find((i) => i.id === d.currentItemId)!.title).toBe('Updates');
    expect(d.turns.filter((x) => x.agendaItemId === updates.id).map((x) => x.timeboxMs)).toEqual([2 * MIN, 2 * MIN, 2 * MIN]);
  });

  it('ends with what was not reached marked so', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    await t.call('live.next', { meetingId });
    d = await t.call('meetings.end', { meetingId });
    expect(d.items.map((i) => i.status)).toEqual(['done', 'done', 'not_reached']);
    expect((await t.fail('live.next', { meetingId })).message).toBe('This meeting has ended.');
  });

  it('ends with its undo log emptied, in words for an undo pressed after; another team’s meeting still undoes its steps', async () => {
    const steps = (meetingId: string) =>
      (t.core.opened.db.prepare('select count(*) as n from live_actions where meeting_id = ?').get(meetingId) as { n: number }).n;
    const ops = (await liveMeeting()).meeting.id;
    const sales = (await liveMeeting('Sales')).meeting.id;
    await t.call('live.next', { meetingId: ops });
    await t.call('live.next', { meetingId: sales });
    await t.call('live.pause', { meetingId: ops });
    await t.call('live.next', { meetingId: sales });
    expect([steps(ops), steps(sales)]).toEqual([2, 2]);
    // Undo walks back this meeting's own steps, wherever the other's lie in the log.
    expect((await t.call('live.undo', { meetingId: ops })).undone).toBe('pause');
    const shown = (await t.call('meetings.live', { meetingId: ops })).undoActionId!;
    expect(shown).toEqual(expect.any(String));

    const ended = await t.call('meetings.end', { meetingId: ops });
    expect(ended.undoLabel).toBeNull();
    expect(steps(ops)).toBe(0);
    expect((await t.fail('live.undo', { meetingId: ops, actionId: shown })).message).toBe('This meeting has ended.');
    // The other meeting runs on: its log is whole and its steps undo in order.
    expect(steps(sales)).toBe(2);
    expect((await t.call('live.undo', { meetingId: sales })).undone).toBe('next item');
    const live = await t.call('meetings.live', { meetingId: sales });
    expect(live.items.find((i) => i.id === live.currentItemId)!.title).toBe('Budget');
    expect(live.undoLabel).toBe('next item');
  });
});
