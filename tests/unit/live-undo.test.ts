import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore, liveAfter } from '../support/core';
import { liveMeeting as startedLiveMeeting } from './helpers/live-meeting';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

const liveMeeting = (teamName?: string) => startedLiveMeeting(t, teamName);

describe('undo in a running meeting', () => {
  it('undoes a wrong next and a deleted note, without losing other notes', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    const budget = d.items.find((i) => i.title === 'Budget')!;
    const hiring = d.items.find((i) => i.title === 'Hiring')!;
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    d = await liveAfter(t, t.call('live.setNotes', { meetingId, itemId: budget.id, notes: 'Q1 budget approved in principle' }));
    t.clock.advance(20_000);
    d = await liveAfter(t, t.call('live.setNotes', { meetingId, itemId: budget.id, notes: '' })); // deleted by mistake
    expect(d.undoLabel).toBe('notes on “Budget”');
    const undone = await t.call('live.undo', { meetingId });
    expect(undone.undone).toBe('notes on “Budget”');
    d = await t.call('meetings.get', { meetingId });
    expect(d.items.find((i) => i.id === budget.id)!.notes).toBe('Q1 budget approved in principle');

    d = await liveAfter(t, t.call('live.next', { meetingId })); // wrong: Budget was not finished
    d = await liveAfter(t, t.call('live.setNotes', { meetingId, itemId: hiring.id, notes: 'Two roles open' }));
    // Undo walks back: first the note on Hiring…
    await t.call('live.undo', { meetingId });
    // …then the wrong next. Budget is current again; the Budget notes are untouched.
    expect((await t.call('live.undo', { meetingId })).undone).toBe('next item');
    d = await t.call('meetings.get', { meetingId });
    expect(d.items.find((i) => i.id === d.currentItemId)!.title).toBe('Budget');
    expect(d.items.find((i) => i.id === hiring.id)!.status).toBe('pending');
    expect(d.items.find((i) => i.id === budget.id)!.notes).toBe('Q1 budget approved in principle');
  });

  it('two windows undoing the same last action undo it once: the later one is refused in words and changes nothing', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    d = await liveAfter(t, t.call('live.next', { meetingId }));
    expect(d.items.find((i) => i.id === d.currentItemId)!.title).toBe('Hiring');
    // Both windows show the second "next item" as the one Ctrl+Z would undo.
    const shown = d.undoActionId!;
    expect(shown).toEqual(expect.any(String));
    expect((await t.call('live.undo', { meetingId, actionId: shown })).undone).toBe('next item');
    d = await t.call('meetings.live', { meetingId });
    const after = { current: d.currentItemId, undo: d.undoActionId, items: d.items.map((i) => i.status).join() };
    expect(d.items.find((i) => i.id === d.currentItemId)!.title).toBe('Budget');
    expect(d.undoActionId).not.toBe(shown);
    expect((await t.fail('live.undo', { meetingId, actionId: shown })).message).toBe(
      'That action had already been undone, or another taken, in another window: the last action is now “next item”. Nothing was undone',
    );
    // Refused: the meeting still on Budget, the first "next item" still the one to undo.
    d = await t.call('meetings.live', { meetingId });
    expect({ current: d.currentItemId, undo: d.undoActionId, items: d.items.map((i) => i.status).join() }).toEqual(after);
    // An action taken in another window since is not undone in its place either.
    d = await liveAfter(t, t.call('live.pause', { meetingId }));
    expect((await t.fail('live.undo', { meetingId, actionId: after.undo! })).message).toMatch(/the last action is now “pause”/);
    expect((await t.call('live.undo', { meetingId, actionId: d.undoActionId! })).undone).toBe('pause');
    await t.call('live.undo', { meetingId });
    expect((await t.fail('live.undo', { meetingId, actionId: after.undo! })).message).toMatch(
      /: nothing is left to undo\. Nothing was undone$/,
    );
  });

  it('undo puts back exactly the turns, items and clock an action changed, and removes the turns it created', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    const round = () =>
      d.turns.map((x) => `${x.name}:${x.status}:${x.startedAt === null ? '-' : x.startedAt - d.meeting.startedAt!}`).join(' ');
    const opening = round();
    expect(opening).toBe('Ana:speaking:0 Ben:waiting:- Cleo:waiting:-');
    t.clock.advance(10_000);
    d = await liveAfter(t, t.call('live.turn', { meetingId, action: 'later' }));
    expect(round()).toBe('Ana:later:0 Ben:speaking:10000 Cleo:waiting:-');
    const cleo = d.turns.find((x) => x.name === 'Cleo')!;
    await t.call('live.setTurnNotes', { meetingId, turnId: cleo.id, notes: 'Back from leave' });
    t.clock.advance(20_000);
    d = await liveAfter(t, t.call('live.turn', { meetingId, action: 'next' }));
    expect((await t.call('live.undo', { meetingId })).undone).toBe('next speaker');
    d = await t.call('meetings.live', { meetingId });
    // Ben speaks again from where he started; Cleo waits, with the note typed on her turn kept.
    expect(round()).toBe('Ana:later:0 Ben:speaking:10000 Cleo:waiting:-');
    expect(d.turns.find((x) => x.id === cleo.id)!.notes).toBe('Back from leave');

    d = await liveAfter(t, t.call('live.pause', { meetingId }));
    expect(d.clock.pausedAt).not.toBeNull();
    expect((await t.call('live.undo', { meetingId })).undone).toBe('pause');
    d = await t.call('meetings.live', { meetingId });
    expect([d.clock.pausedAt, d.clock.pausedTotalMs]).toEqual([null, 0]);

    // A round added mid-meeting gets its speakers when it starts; undoing that start removes them.
    const revision = d.meeting.agendaRevision;
    await t.call('agenda.addItem', { meetingId, expectedRevision: revision, kind: 'check_out', title: 'Check-out', plannedMin: 3 });
    for (let i = 0; i < 3; i++) d = await liveAfter(t, t.call('live.next', { meetingId }));
    const checkOut = d.items.find((i) => i.title === 'Check-out')!;
    expect(d.currentItemId).toBe(checkOut.id);
    expect(d.turns.filter((x) => x.agendaItemId === checkOut.id)).toHaveLength(3);
    expect((await t.call('live.undo', { meetingId })).undone).toBe('next item');
    d = await t.call('meetings.live', { meetingId });
    expect(d.items.find((i) => i.id === d.currentItemId)!.title).toBe('Hiring');
    expect(d.items.find((i) => i.id === checkOut.id)!.status).toBe('pending');
    expect(d.turns.filter((x) => x.agendaItemId === checkOut.id)).toEqual([]);
    // The check-in round is as the earlier actions left it.
    expect(d.turns.filter((x) => x.agendaItemId === d.items[0]!.id).map((x) => `${x.name}:${x.status}`)).toEqual([
      'Ana:later',
      'Ben:done',
      'Cleo:waiting',
    ]);
  });

  it('coalesces a burst of note saves into one undo step', async () => {
    let d = await liveMeeting();
    const meetingId = d.meeting.id;
    const item = d.items[1]!;
    for (const text of ['D', 'De', 'Dec', 'Decided']) {
      t.clock.advance(1_000);
      await t.call('live.setNotes', { meetingId, itemId: item.id, notes: text });
    }
    await t.call('live.undo', { meetingId });
    d = await t.call('meetings.get', { meetingId });
    expect(d.items[1]!.notes).toBe('');
  });
});
