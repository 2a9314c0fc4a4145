import type { Heading, Table } from 'mdast';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { nodesOf, parseMarkdown, textOf } from '../support/markdown';
import { heldDemoMinutes, markdownSection, startedMeeting } from './helpers/minutes-meeting';

const MIN = 60_000;
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
});
afterEach(() => t.close());

/** A meeting of Ana and Ben with one item of each kind given, started. */
const started = (kinds: Parameters<typeof startedMeeting>[1]) => startedMeeting(t, kinds);

describe('minutes of a meeting whose quick items recorded something the agenda does not show', () => {
  /** The demo's next meeting held, each item given a minute, until `title` is the current item. */
  async function heldTo(title: string) {
    const demo = await t.call('demo.load', {});
    const meetingId = (await t.call('meetings.list', { teamId: demo.id })).upcoming[0]!.id;
    let d = await t.call('meetings.get', { meetingId });
    for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    await t.call('meetings.start', { meetingId });
    d = await t.call('meetings.get', { meetingId });
    while (d.items.find((i) => i.id === d.currentItemId)!.title !== title) {
      t.clock.advance(MIN);
      await t.call('live.next', { meetingId });
      d = await t.call('meetings.get', { meetingId });
    }
    return { meetingId, d };
  }
  async function outcomes(meetingId: string): Promise<Record<string, string>> {
    await t.call('meetings.end', { meetingId });
    const agenda = nodesOf(parseMarkdown((await t.call('minutes.markdown', { meetingId })).content), 'table')[0] as unknown as Table;
    return Object.fromEntries(agenda.children.slice(1).map((row) => [textOf(row.children[1]), textOf(row.children[5])]));
  }

  it('a decision reviewed (it stands) in seconds: its review item is done, not skipped; an item left empty is skipped', async () => {
    const { meetingId, d } = await heldTo('Decisions due for review');
    const due = d.oldBusiness.find((o) => o.source === 'decision_review')!;
    t.clock.advance(4_000);
    await t.call('decisions.review', { decisionId: due.refId, meetingId, nextReviewDate: null, note: 'Still stands' });
    t.clock.advance(4_000);
    await t.call('live.next', { meetingId });
    // The proposals item is left within seconds with nothing said in it.
    t.clock.advance(4_000);
    await t.call('live.next', { meetingId });
    const outcome = await outcomes(meetingId);
    expect(outcome['Decisions due for review']).toBe('done');
    expect(outcome['Proposals and discussion']).toBe('skipped');
  });

  it('a review that moved a decision’s review date, or the agreement revisited, in seconds: the item is done', async () => {
    for (const review of ['decision', 'agreement'] as const) {
      const { meetingId, d } = await heldTo('Decisions due for review');
      t.clock.advance(4_000);
      if (review === 'decision') {
        const due = d.oldBusiness.find((o) => o.source === 'decision_review')!;
        await t.call('decisions.review', { decisionId: due.refId, meetingId, nextReviewDate: '2027-06-01', note: 'Look again in June' });
      } else {
        const revisit = d.oldBusiness.find((o) => o.source === 'agreement_revisit')!;
        await t.call('agreements.revisit', { versionId: revisit.refId, meetingId, note: 'It still works', nextRevisitBy: '2027-06-01' });
      }
      t.clock.advance(4_000);
      await t.call('live.next', { meetingId });
      expect((await outcomes(meetingId))['Decisions due for review'], review).toBe('done');
      t.close();
      t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
    }
  });

  it('a proposal carried over from an earlier meeting, taken up in seconds: it moves into the item, which is done', async () => {
    const { meetingId, d } = await heldTo('Proposals and discussion');
    const carried = d.decisions.find((x) => x.meetingId !== meetingId)!;
    t.clock.advance(4_000);
    await t.call('decisions.position', { decisionId: carried.id, memberId: d.members[0]!.id, stance: 'agree', reason: null });
    t.clock.advance(4_000);
    await t.call('live.next', { meetingId });
    expect((await outcomes(meetingId))['Proposals and discussion']).toBe('done');
  });

  it('positions taken in seconds on a proposal put earlier in the meeting: the item they were taken in is done', async () => {
    const { meetingId, d, member } = await started([
      { kind: 'proposal', title: 'Proposals' },
      { kind: 'proposal', title: 'Go-round' },
    ]);
    t.clock.advance(MIN);
    const proposal = await t.call('decisions.propose', {
      meetingId,
      agendaItemId: d.items[0]!.id,
      title: 'Ship monthly',
      decision: 'We ship once a month',
      ownerId: member('Ana'),
    });
    await t.call('live.next', { meetingId });
    // The room goes round on it in the next item, which it leaves within seconds.
    t.clock.advance(4_000);
    await t.call('decisions.position', { decisionId: proposal.id, memberId: member('Ana'), stance: 'agree', reason: null });
    await t.call('decisions.position', { decisionId: proposal.id, memberId: member('Ben'), stance: 'consent', reason: null });
    t.clock.advance(4_000);
    await t.call('live.next', { meetingId });
    expect(await outcomes(meetingId)).toEqual({ Proposals: 'done', 'Go-round': 'done' });
  });

  it('an item parked in seconds reads parked, not skipped', async () => {
    const { meetingId, d } = await heldTo('Round-robin updates');
    t.clock.advance(4_000);
    await t.call('live.park', { meetingId, itemId: d.currentItemId! });
    expect((await outcomes(meetingId))['Round-robin updates']).toBe('parked');
  });
});

describe('minutes of a meeting that reviewed commitments', () => {
  it('carry forward only what was not reviewed here: a reviewed commitment is listed once, under the review', async () => {
    const demo = await t.call('demo.load', {});
    const minutes = await heldDemoMinutes(t, demo.id);
    const held = minutes.find((m) => m.content.includes('Commitments reviewed'))!.content;
    const reviewed = markdownSection(held, 'Commitments reviewed').split('\n');
    const carried = markdownSection(held, 'Carried forward').split('\n');
    const outcomes = reviewed.map((line) => /commitment “([^”]*)”/.exec(line)![1]!);
    expect(outcomes).toHaveLength(5);
    for (const outcome of outcomes) expect(carried.filter((line) => line.includes(outcome))).toEqual([]);
    // One not reviewed here (its owner has left; it waits to be handed over) still carries forward, once.
    expect(carried.filter((line) => line.includes('Churn dashboard'))).toHaveLength(1);
    expect(new Set(carried).size).toBe(carried.length);
  });
});

describe('minutes of a meeting that took up last week’s leftovers', () => {
  it('list an item not reached last time and not reached again once, as not reached', async () => {
    const demo = await t.call('demo.load', {});
    const meetingId = (await t.call('meetings.list', { teamId: demo.id })).upcoming[0]!.id;
    const d = await t.call('meetings.get', { meetingId });
    const leftover = d.oldBusiness.find((o) => o.source === 'not_reached')!;
    expect(leftover.agendaItemId).not.toBeNull();
    for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    await t.call('meetings.start', { meetingId });
    // Not reached again: listed once, as not reached.
    await t.call('meetings.end', { meetingId });
    const again = markdownSection((await t.call('minutes.markdown', { meetingId })).content, 'Carried forward').split('\n');
    expect(again.filter((line) => line.includes(leftover.title))).toEqual([`Not reached: ${leftover.title}`]);
  });

  it('drop the leftover from "Carried forward" once its item is done here', async () => {
    const demo = await t.call('demo.load', {});
    const meetingId = (await t.call('meetings.list', { teamId: demo.id })).upcoming[0]!.id;
    let d = await t.call('meetings.get', { meetingId });
    const leftover = d.oldBusiness.find((o) => o.source === 'not_reached')!;
    for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    await t.call('meetings.start', { meetingId });
    d = await t.call('meetings.get', { meetingId });
    while (d.currentItemId !== null) {
      await t.call('live.next', { meetingId });
      d = await t.call('meetings.get', { meetingId });
    }
    await t.call('meetings.end', { meetingId });
    d = await t.call('meetings.get', { meetingId });
    expect(d.oldBusiness.find((o) => o.id === leftover.id)!.open).toBe(false);
    const md = (await t.call('minutes.markdown', { meetingId })).content;
    expect(md).not.toContain(`Still open from before: ${leftover.title}`);
    expect(md).not.toContain(`Not reached: ${leftover.title}`);
  });
});

describe('the demo team’s minutes read in order, and a draft carries nothing forward yet', () => {
  it('list the commitments reviewed before those made (the slip, then its corrective action)', async () => {
    const demo = await t.call('demo.load', {});
    const minutes = await heldDemoMinutes(t, demo.id);
    const held = minutes.find((m) => m.content.includes('Commitments reviewed'))!.content;
    const headings = (nodesOf(parseMarkdown(held), 'heading') as unknown as Heading[]).map(textOf);
    expect(headings.filter((h) => h.startsWith('Commitments'))).toEqual(['Commitments reviewed', 'Commitments made']);
  });

  it('an agenda not yet taken up reads "not yet", not "not reached", until the meeting ends', async () => {
    const demo = await t.call('demo.load', {});
    const meetingId = (await t.call('meetings.list', { teamId: demo.id })).upcoming[0]!.id;
    const outcomesOf = async () => {
      const md = (await t.call('minutes.markdown', { meetingId })).content;
      const agenda = nodesOf(parseMarkdown(md), 'table')[0] as unknown as Table;
      return { md, outcomes: agenda.children.slice(1).map((row) => textOf(row.children[5])) };
    };
    const planned = await outcomesOf();
    expect(new Set(planned.outcomes)).toEqual(new Set(['not yet']));
    expect(planned.md).not.toContain('Not reached:');

    const d = await t.call('meetings.get', { meetingId });
    for (const a of d.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    await t.call('meetings.start', { meetingId });
    const live = await outcomesOf();
    expect(live.outcomes.slice(0, 2)).toEqual(['running', 'not yet']);
    expect(live.md).not.toContain('Not reached:');

    await t.call('meetings.end', { meetingId });
    const ended = await outcomesOf();
    expect(ended.outcomes.slice(1)).toEqual(Array(ended.outcomes.length - 1).fill('not reached'));
    expect(ended.md).toContain(`Not reached: ${d.items[1]!.title}`);
  });
});

describe('minutes of a meeting ended mid-turn', () => {
  it('credit the speaker with the time up to the end, not every minute since', async () => {
    const { meetingId } = await started([{ kind: 'check_in', title: 'Check-in' }]);
    t.clock.advance(30_000);
    await t.call('live.turn', { meetingId, action: 'next' });
    t.clock.advance(20_000);
    // Ben is speaking when the meeting ends; an hour later the record still says what it said at the end.
    await t.call('meetings.end', { meetingId });
    const atEnd = (await t.call('meetings.get', { meetingId })).speakingTime;
    t.clock.advance(60 * MIN);
    const later = await t.call('meetings.get', { meetingId });
    expect(later.speakingTime).toEqual(atEnd);
    expect(later.speakingTime.map((s) => [s.name, s.ms])).toEqual([
      ['Ana', 30_000],
      ['Ben', 20_000],
    ]);
    expect(markdownSection((await t.call('minutes.markdown', { meetingId })).content, 'Speaking time')).toBe(
      'Ana: under a minute\nBen: under a minute',
    );
  });

  it('list a turn the room never reached as not spoken, not as a short one', async () => {
    const { meetingId } = await started([
      { kind: 'check_in', title: 'Check-in' },
      { kind: 'discussion', title: 'Roadmap' },
    ]);
    t.clock.advance(30_000);
    // The facilitator moves on while Ana speaks: Ben's turn never starts.
    await t.call('live.next', { meetingId });
    await t.call('meetings.end', { meetingId });
    const md = (await t.call('minutes.markdown', { meetingId })).content;
    expect(markdownSection(md, 'Item 1: Check-in')).toBe('Ana (under a minute)\nBen (did not speak)');
    // The totals agree with the round: Ben's nothing is not "under a minute".
    expect(markdownSection(md, 'Speaking time')).toBe('Ana: under a minute\nBen: did not speak');
  });
});
