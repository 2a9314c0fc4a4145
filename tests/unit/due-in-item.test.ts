import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decisionsDueInItem, revisitDueInItem } from '../../src/renderer/src/features/live/due-in-item';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  // Monday 30 Nov 2026, before the demo team's 10:00 meeting in Berlin.
  t = await openTestCore(Date.parse('2026-11-30T07:00:00Z'));
});
afterEach(() => t.close());

describe('what old business put into an agenda item (console and projector read it the same way)', () => {
  it('the demo meeting: its decisions due sit in the review item alone, the agreement revisit in one item alone', async () => {
    const demo = await t.call('demo.load', {});
    const { upcoming } = await t.call('meetings.list', { teamId: demo.id });
    const detail = await t.call('meetings.get', { meetingId: upcoming[0]!.id });
    const review = detail.items.find((i) => i.kind === 'decision_review')!;

    const due = decisionsDueInItem(detail, review.id);
    expect(due.map((o) => o.title)).toContain('Move to a two-week release train');
    expect(due.every((o) => o.source === 'decision_review' && o.agendaItemId === review.id)).toBe(true);
    for (const item of detail.items.filter((i) => i.id !== review.id)) expect(decisionsDueInItem(detail, item.id)).toEqual([]);

    const revisit = detail.oldBusiness.find((o) => o.source === 'agreement_revisit')!;
    expect(detail.items.filter((i) => revisitDueInItem(detail, i.id)).map((i) => i.id)).toEqual([revisit.agendaItemId]);
    // A revisit no longer open is not due anywhere.
    const closed = { oldBusiness: detail.oldBusiness.map((o) => (o.id === revisit.id ? { ...o, open: false } : o)) };
    expect(detail.items.some((i) => revisitDueInItem(closed, i.id))).toBe(false);
    // A reviewed decision stays in its item (shown as reviewed), unlike the revisit.
    const reviewed = { oldBusiness: detail.oldBusiness.map((o) => (o.id === due[0]!.id ? { ...o, open: false } : o)) };
    expect(decisionsDueInItem(reviewed, review.id).map((o) => o.id)).toEqual(due.map((o) => o.id));
  });
});
