import type { Table } from 'mdast';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../src/main/db/query';
import { createRepositories } from '../../src/main/db/repositories';
import { recordedDuring } from '../../src/main/services/minutes/minutes-recorded';
import { openTestCore, type TestCore } from '../support/core';
import { nodesOf, parseMarkdown, textOf } from '../support/markdown';
import { startedMeeting } from './helpers/minutes-meeting';

const MIN = 60_000;
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-23T09:00:00Z'));
});
afterEach(() => t.close());

/** Each agenda item's outcome in the minutes' agenda table, by title. */
async function outcomes(meetingId: string): Promise<Record<string, string>> {
  const agenda = nodesOf(parseMarkdown((await t.call('minutes.markdown', { meetingId })).content), 'table')[0] as unknown as Table;
  return Object.fromEntries(agenda.children.slice(1).map((row) => [textOf(row.children[1]), textOf(row.children[5])]));
}

/**
 * A meeting that accepts three decisions in its first item, then gives each of the next items a few seconds in
 * which one of them is reviewed or amended (the last accepted first), and leaves its last item empty.
 */
async function reviewedAndAmended() {
  const titles = ['Proposals', 'Review the third', 'Amend the second', 'Review and amend the first', 'Anything else'];
  const kinds = titles.map((title, i) => ({ kind: i === 0 ? ('proposal' as const) : ('discussion' as const), title }));
  const { meetingId, d, member } = await startedMeeting(t, kinds);
  const ownerId = member('Ana');
  const ids: string[] = [];
  for (const title of ['Ship monthly', 'Pair on reviews', 'Rotate the facilitator']) {
    const made = await t.call('decisions.propose', {
      meetingId,
      agendaItemId: d.items[0]!.id,
      title,
      decision: `We ${title.toLowerCase()}`,
      ownerId,
    });
    await t.call('decisions.readBack', { decisionId: made.id, on: true });
    await t.call('decisions.decide', { decisionId: made.id, outcome: 'accepted' });
    ids.push(made.id);
  }
  const [first, second, third] = ids as [string, string, string];
  const quickly = async (work: () => Promise<unknown>) => {
    t.clock.advance(4_000);
    await work();
    t.clock.advance(4_000);
    await t.call('live.next', { meetingId });
  };
  t.clock.advance(MIN);
  await t.call('live.next', { meetingId });
  await quickly(() => t.call('decisions.review', { decisionId: third, meetingId, nextReviewDate: '2027-06-01', note: 'Still stands' }));
  await quickly(() => t.call('decisions.amend', { decisionId: second, reason: 'Said more plainly', title: 'Pair on every review' }));
  await quickly(async () => {
    await t.call('decisions.review', { decisionId: first, meetingId, nextReviewDate: null, note: 'Keep it' });
    await t.call('decisions.amend', { decisionId: first, reason: 'Every month, not every four weeks', decision: 'We ship each month' });
  });
  await quickly(async () => undefined);
  await t.call('meetings.end', { meetingId });
  return { meetingId, ids };
}

describe('what a meeting recorded undated, read for all its decisions at once', () => {
  it('places each review and amendment of several decisions in the item that ran then: those items are done, the empty one skipped', async () => {
    const { meetingId } = await reviewedAndAmended();
    expect(await outcomes(meetingId)).toEqual({
      Proposals: 'done',
      'Review the third': 'done',
      'Amend the second': 'done',
      'Review and amend the first': 'done',
      'Anything else': 'skipped',
    });
  });

  it('gives the instants the per-decision reads give, and each decision’s amendments as its own read does, newest first', async () => {
    const { meetingId, ids } = await reviewedAndAmended();
    const repos = createRepositories(new Sql(t.core.opened.db));
    const detail = t.core.services.meetingView.detail(meetingId);
    const { startedAt, endedAt } = detail.meeting;
    const oneByOne = ids
      .flatMap((id) => repos.meetings.amendments('decision', id).map((a) => a.at))
      .filter((at) => at >= startedAt! && at <= endedAt!);
    // Two reviews and two amendments (accepting is no amendment).
    expect(oneByOne).toHaveLength(4);
    expect(recordedDuring(repos, detail).sort()).toEqual(oneByOne.sort());

    const unknown = '019a0000-0000-7000-8000-000000000000';
    const set = repos.meetings.amendmentsOf('decision', [...ids, unknown, ids[0]!]);
    for (const id of ids) expect(set.get(id), id).toEqual(repos.meetings.amendments('decision', id));
    expect(set.has(unknown)).toBe(false);
    expect(repos.meetings.amendmentsOf('decision', []).size).toBe(0);
  });
});
