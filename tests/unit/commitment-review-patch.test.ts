/**
 * After a review outcome the console and the projector hold the meeting's commitments part: the renderer's cache
 * reads again only the commitments the outcome reached or added (the contract's rows) and puts them in place. This
 * checks, on a real database, that the part so patched is the part read again, for every kind of outcome recorded in
 * the meeting, that none of them has the whole part (or the context) read again, and that an outcome recorded
 * elsewhere that reorders the walk does have the part read again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Commitment } from '../../src/shared/commitments';
import { contract } from '../../src/shared/contract';
import { anyOverlap, type Scope } from '../../src/shared/events';
import { rowsToRead, type Rows } from '../../src/shared/operations/define';
import type { MeetingCommitments, MeetingContext } from '../../src/shared/planning';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-01T09:00:00Z'));
});
afterEach(() => t.close());

const part = contract['meetings.commitments'];
const rows = part.rows as Rows<MeetingCommitments>;

async function reviewing() {
  const created = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben'] });
  const members = (await t.call('teams.get', { teamId: created.id })).members;
  const [ana, ben] = ['Ana', 'Ben'].map((n) => members.find((m) => m.name === n)!.id) as [string, string];
  // A meeting held before, so the review's recognition lists what is done from its end on.
  t.clock.current = Date.parse('2026-11-02T09:00:00Z');
  const week1 = await t.call('meetings.create', { teamId: created.id, title: 'Week 1', date: '2026-11-02', time: '10:00', lengthMin: 30 });
  await t.call('meetings.start', { meetingId: week1.meetingId });
  await t.call('meetings.end', { meetingId: week1.meetingId });
  const made: Record<string, Commitment> = {};
  for (const [owner, outcome, dueDate] of [
    [ana, 'Ana 05', '2026-11-05'],
    [ana, 'Ana 08', '2026-11-08'],
    [ana, 'Ana 12', '2026-11-12'],
    [ben, 'Ben 06', '2026-11-06'],
    [ben, 'Ben 09', '2026-11-09'],
    [ben, 'Ben 25', '2026-11-25'],
  ] as const)
    made[outcome] = await t.call('commitments.create', { teamId: created.id, ownerId: owner, outcome, dueDate });
  t.clock.current = Date.parse('2026-11-09T09:00:00Z');
  const { meetingId } = await t.call('meetings.create', {
    teamId: created.id,
    title: 'Week 2',
    date: '2026-11-09',
    time: '10:00',
    lengthMin: 30,
  });
  await t.call('meetings.start', { meetingId });
  return { meetingId, ana, made };
}

/** The held answer with the rows the changes reached or added read again and put in place, as the cache does. */
async function patch<O>(rowsOf: Rows<O>, held: O, changes: Scope[], meetingId: string): Promise<O | null> {
  let patched: O | null = held;
  for (const rowInput of rowsToRead(rowsOf, held, changes, { meetingId })) {
    const row = await t.call('commitments.get', rowInput as { commitmentId: string });
    patched = patched && rowsOf.put(patched, row, { meetingId });
  }
  return patched;
}

/** Records an outcome as the console does; answers the parts patched as the renderer's cache would, or null. */
async function recordAndPatch(meetingId: string, input: Record<string, unknown>) {
  const held = await t.call('meetings.commitments', { meetingId });
  const context = await t.call('meetings.context', { meetingId });
  t.clock.advance(60_000);
  const parsed = contract['commitments.record'].input.parse(input);
  const out = await t.call('commitments.record', parsed);
  const changes: Scope[] = contract['commitments.record'].changes(parsed, out);
  const contextRows = contract['meetings.context'].rows as Rows<MeetingContext>;
  return {
    patched: await patch(rows, held, changes, meetingId),
    readAgain: await t.call('meetings.commitments', { meetingId }),
    wholePart: anyOverlap(changes, part.dependsOn({ meetingId }, held)),
    wholeContext: anyOverlap(changes, contract['meetings.context'].dependsOn({ meetingId }, context)),
    context: await patch(contextRows, context, changes, meetingId),
    contextAgain: await t.call('meetings.context', { meetingId }),
  };
}

describe('a review outcome recorded in the meeting', () => {
  it('is put in place in the meeting’s commitments part, which then equals the part read again', async () => {
    const { meetingId, ana, made } = await reviewing();
    const before = (await t.call('meetings.commitments', { meetingId })).review.map((c) => c.outcome);
    expect(before).toEqual(['Ana 05', 'Ana 08', 'Ben 06', 'Ben 09', 'Ana 12', 'Ben 25']);
    const id = (outcome: string) => made[outcome]!.id;
    const steps: [string, Record<string, unknown>][] = [
      ['on track', { outcome: 'on_track', commitmentId: id('Ana 08') }],
      // A new date moves it behind the owner's other commitment due by the meeting's day.
      ['renegotiated', { outcome: 'renegotiated', commitmentId: id('Ana 05'), newDueDate: '2026-11-30', reason: 'Scope grew' }],
      ['done', { outcome: 'done', commitmentId: id('Ben 06') }],
      [
        'slipped, with a corrective commitment',
        {
          outcome: 'slipped',
          commitmentId: id('Ben 09'),
          rootCause: 'missing_resource',
          correctiveAction: 'Borrow a device',
          corrective: { ownerId: ana, dueDate: '2026-11-16' },
        },
      ],
      ['dropped', { outcome: 'dropped', commitmentId: id('Ana 12'), reason: 'No longer needed' }],
      ['at risk', { outcome: 'at_risk', commitmentId: id('Ben 25'), reason: 'Need a reviewer' }],
    ];
    for (const [kind, input] of steps) {
      const r = await recordAndPatch(meetingId, { ...input, meetingId });
      expect(r.wholePart, `${kind}: the whole part is not read again`).toBe(false);
      expect(r.patched, `${kind}: patched as read again`).toEqual(r.readAgain);
      expect(r.wholeContext, `${kind}: the context is not read again`).toBe(false);
      expect(r.context, `${kind}: the context patched as read again`).toEqual(r.contextAgain);
    }
    const after = await t.call('meetings.commitments', { meetingId });
    expect(after.review.map((c) => [c.outcome, c.status])).toEqual([
      ['Ana 08', 'on_track'],
      ['Ana 05', 'open'],
      ['Ben 06', 'done'],
      ['Ben 09', 'open'],
      ['Ana 12', 'dropped'],
      ['Ben 25', 'at_risk'],
    ]);
    expect(after.made.map((c) => c.outcome)).toEqual(['Borrow a device']);
    expect(after.doneSinceLast.map((c) => c.outcome)).toEqual(['Ben 06']);
    const inherited = (await t.call('meetings.context', { meetingId })).oldBusiness.filter((o) => o.source === 'open_commitment');
    expect(inherited.filter((o) => !o.open).map((o) => o.title)).toEqual(['Ben: Ben 06', 'Ana: Ana 12']);
  });

  it('leaves the part to be read again when recorded between meetings and it moves or closes a commitment', async () => {
    const { meetingId, made } = await reviewing();
    const moved = await recordAndPatch(meetingId, {
      outcome: 'renegotiated',
      commitmentId: made['Ana 05']!.id,
      newDueDate: '2026-11-30',
      reason: 'Scope grew',
    });
    expect(moved.patched).toBeNull();
    const closed = await recordAndPatch(meetingId, { outcome: 'done', commitmentId: made['Ben 06']!.id });
    expect(closed.patched).toBeNull();
    // A row alone changed: put in place wherever it was recorded.
    const row = await recordAndPatch(meetingId, { outcome: 'at_risk', commitmentId: made['Ben 25']!.id, reason: 'Need help' });
    expect(row.patched).toEqual(row.readAgain);
  });
});
