/**
 * A change to one decision re-reads that decision as its meeting shows it (`meetings.decision`), not the meeting's
 * whole decisions part: the one must be the part's own entry, in every meeting of the demo team (held and planned),
 * and a decision the meeting does not show answers null, so the part is read again whole. A proposal made in the
 * meeting is read alone and put in the part held (as the renderer's cache does), which must be the part read again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import type { Decision } from '../../src/shared/decisions';
import type { Scope } from '../../src/shared/events';
import { rowsToRead, type Rows } from '../../src/shared/operations/define';
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

  it('puts a proposal made in the meeting after its own and before those it took over, as the part read again lists them', async () => {
    const team = (await t.call('teams.list', {}))[0]!;
    const lists = await t.call('meetings.list', { teamId: team.id });
    // The demo's upcoming meeting took over an open proposal, so a new one has a place to find between the two groups.
    const meetingId = lists.upcoming[0]!.id;
    let held = await t.call('meetings.decisions', { meetingId });
    expect(held.some((d) => d.meetingId !== meetingId)).toBe(true);
    const planned = await t.call('meetings.get', { meetingId });
    const withItem = await t.call('agenda.addItem', {
      meetingId,
      expectedRevision: planned.meeting.agendaRevision,
      kind: 'proposal',
      title: 'Proposals',
      plannedMin: 10,
    });
    const agendaItemId = withItem.items.find((i) => i.kind === 'proposal')!.id;
    held = await t.call('meetings.decisions', { meetingId });
    const rows = contract['meetings.decisions'].rows as Rows<Decision[]>;
    const propose = async (title: string) => {
      const input = contract['decisions.propose'].input.parse({ meetingId, agendaItemId, title });
      const made = await t.call('decisions.propose', input);
      const changes = (contract['decisions.propose'].changes as (i: unknown, o: unknown) => Scope[])(input, made);
      const inputs = rowsToRead(rows, held, changes, { meetingId });
      expect(inputs).toEqual([{ meetingId, decisionId: made.id }]);
      return rows.put(held, await t.call('meetings.decision', { meetingId, decisionId: made.id }), { meetingId });
    };
    for (const title of ['Pair on reviews', 'Rotate the facilitator']) {
      t.clock.advance(60_000);
      held = (await propose(title))!;
      expect(held).toEqual(await t.call('meetings.decisions', { meetingId }));
    }
    // Two proposals in the same millisecond: which the record lists first only the whole part says.
    expect(await propose('Keep the retro monthly')).toBeNull();
  });
});
