import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import type { Scope } from '../../src/shared/events';
import { rowsToRead, type Rows } from '../../src/shared/operations/define';
import type { MeetingContext } from '../../src/shared/planning';
import { openTestCore, type TestCore } from '../support/core';
import { dayFromToday } from '../support/days';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.now());
});
afterEach(() => t.close());

const PRICING = 'Sam Lindqvist: Pricing experiment read-out: conversion of both variants with confidence intervals';

describe('a meeting’s old business', () => {
  it('shows a commitment’s due date as it held when that meeting ended: the renegotiation recorded there, not a later one', async () => {
    // The demo's last held meeting gave the pricing read-out a new date in its commitment review.
    const demo = await t.call('demo.load', {});
    const { past } = await t.call('meetings.list', { teamId: demo.id });
    const details = await Promise.all(past.map((m) => t.call('meetings.get', { meetingId: m.id })));
    const held = details.find((d) => d.meeting.status === 'ended' && d.oldBusiness.some((o) => o.title === PRICING))!;
    const pricing = held.commitments.review.find((c) => PRICING.endsWith(c.outcome))!;
    const renegotiated = pricing.events.find((e) => e.kind === 'renegotiated' && e.meetingId === held.meeting.id)!;
    const heldDetail = `Due ${renegotiated.newDueDate} (first due ${pricing.originalDueDate})`;
    const oldBusinessOf = async (meetingId: string) =>
      (await t.call('meetings.get', { meetingId })).oldBusiness.find((o) => o.title === PRICING)!.detail;
    expect(await oldBusinessOf(held.meeting.id)).toBe(heldDetail);

    // A later renegotiation (outside any meeting, today) is not what held at that meeting.
    const later = dayFromToday(30);
    await t.call('commitments.record', { commitmentId: pricing.id, outcome: 'renegotiated', newDueDate: later, reason: 'More traffic' });
    expect(await oldBusinessOf(held.meeting.id)).toBe(heldDetail);
  });

  it('in a planned meeting shows the due date as it is now, after a renegotiation since it was planned; the cache puts it in place too', async () => {
    const demo = await t.call('demo.load', {});
    const { upcoming } = await t.call('meetings.list', { teamId: demo.id });
    const meetingId = upcoming.find((m) => m.status === 'planned')!.id;
    const held = await t.call('meetings.context', { meetingId });
    const entry = held.oldBusiness.find((o) => o.title === PRICING)!;
    const pricing = await t.call('commitments.get', { commitmentId: entry.refId });
    expect(entry.detail).toBe(`Due ${pricing.dueDate} (first due ${pricing.originalDueDate})`);

    // Renegotiated on the Commitments page after the meeting was planned (record21: the planned meeting kept the old date).
    const later = dayFromToday(30);
    const input = contract['commitments.record'].input.parse({
      commitmentId: pricing.id,
      outcome: 'renegotiated',
      newDueDate: later,
      reason: 'More traffic',
    });
    const out = await t.call('commitments.record', input);
    const now = `Due ${later} (first due ${pricing.originalDueDate})`;
    const readAgain = await t.call('meetings.context', { meetingId });
    expect(readAgain.oldBusiness.find((o) => o.title === PRICING)!.detail).toBe(now);

    // The meeting page's cache reads the commitment again and puts it in place: it then holds what is read again.
    const changes: Scope[] = contract['commitments.record'].changes(input, out);
    const rows = contract['meetings.context'].rows as Rows<MeetingContext>;
    let patched: MeetingContext | null = held;
    for (const rowInput of rowsToRead(rows, held, changes, { meetingId })) {
      const row = await t.call('commitments.get', rowInput as { commitmentId: string });
      patched = patched && rows.put(patched, row, { meetingId });
    }
    expect(patched).toEqual(readAgain);
  });
});
