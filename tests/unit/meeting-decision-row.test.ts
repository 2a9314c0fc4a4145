/**
 * A change to one decision re-reads that decision as its meeting shows it (`meetings.decision`), not the meeting's
 * whole decisions part: the one must be the part's own entry, in every meeting of the demo team (held and planned),
 * and a decision the meeting does not show answers null, so the part is read again whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

describe('one decision as its meeting shows it', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore(Date.parse('2026-11-26T09:00:00Z'));
    await t.call('demo.load', {});
  });
  afterAll(() => t.close());

  it('is the entry of the meeting’s decisions part, for every decision of every meeting', async () => {
    const team = (await t.call('teams.list', {}))[0]!;
    const lists = await t.call('meetings.list', { teamId: team.id });
    const meetings = [...lists.upcoming, ...lists.past];
    let compared = 0;
    for (const meeting of meetings) {
      const part = await t.call('meetings.decisions', { meetingId: meeting.id });
      for (const decision of part) {
        expect(await t.call('meetings.decision', { meetingId: meeting.id, decisionId: decision.id })).toEqual(decision);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3);
  });

  it('answers null for a decision its meeting does not show', async () => {
    const team = (await t.call('teams.list', {}))[0]!;
    const lists = await t.call('meetings.list', { teamId: team.id });
    const shown = await Promise.all(
      [...lists.upcoming, ...lists.past].map(async (m) => ({
        id: m.id,
        ids: (await t.call('meetings.decisions', { meetingId: m.id })).map((d) => d.id),
      })),
    );
    const elsewhere = shown.flatMap((m) => m.ids).find((id) => shown.some((other) => !other.ids.includes(id)))!;
    const meeting = shown.find((m) => !m.ids.includes(elsewhere))!;
    expect(await t.call('meetings.decision', { meetingId: meeting.id, decisionId: elsewhere })).toBeNull();
  });
});
