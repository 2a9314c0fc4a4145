import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { dayFromToday } from '../support/days';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.now());
});
afterEach(() => t.close());

const PRICING = 'Sam Lindqvist: Pricing experiment read-out: conversion of both variants with confidence intervals';

describe('an ended meeting’s old business', () => {
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
});
