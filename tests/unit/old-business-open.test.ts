import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STARTER_KEYS } from '@shared/agreement-starters';
import { Sql } from '../../src/main/db/query';
import { createRepositories } from '../../src/main/db/repositories';
import { stillOpenOneByOne } from '../../src/main/testing/old-business-one-by-one';
import { openTestCore, type TestCore } from '../support/core';
import { startedMeeting } from './helpers/minutes-meeting';

const FROM_LOG = ['objection', 'open_proposal', 'decision_review', 'agreement_revisit'];
/** What the decision log's leftovers are read from (the agreement's two tables share a prefix). */
const LOG_TABLES = /\b(objections|decisions|amendments|agreement_versions|agreement_revisits)\b/;

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-23T08:00:00Z'));
});
afterEach(() => t.close());

/**
 * A meeting that leaves the next one much old business from the decision log: twelve proposals, of which four are
 * accepted with a review due, four left proposed with a block and four deferred with a disagreement; and the team's
 * agreement due for a revisit. Answers the next meeting (planned, a week later) and the ids it needs.
 */
async function muchOldBusiness() {
  const { meetingId, d, member } = await startedMeeting(t, [{ kind: 'proposal', title: 'Proposals' }]);
  const [ana, ben] = [member('Ana'), member('Ben')];
  const teamId = d.meeting.teamId;
  await t.call('agreements.adoptStarter', { teamId, starter: STARTER, revisitBy: '2026-11-30' });
  const accepted: string[] = [];
  for (let i = 0; i < 12; i++) {
    const made = await t.call('decisions.propose', {
      meetingId,
      agendaItemId: d.items[0]!.id,
      title: `Proposal ${i}`,
      decision: `We try thing ${i}`,
      ownerId: ana,
      reviewDate: '2026-11-25',
    });
    if (i % 3 === 0) {
      await t.call('decisions.readBack', { decisionId: made.id, on: true });
      await t.call('decisions.decide', { decisionId: made.id, outcome: 'accepted' });
      accepted.push(made.id);
    } else {
      await t.call('decisions.position', {
        decisionId: made.id,
        memberId: ben,
        stance: i % 3 === 1 ? 'block' : 'disagree',
        reason: `Concern ${i}`,
      });
      if (i % 3 === 2) await t.call('decisions.decide', { decisionId: made.id, outcome: 'deferred' });
    }
    t.clock.advance(1_000);
  }
  await t.call('meetings.end', { meetingId });
  t.clock.advance(60_000);
  const next = await t.call('meetings.create', { teamId, title: 'Weekly', date: '2026-11-30', time: '10:00', lengthMin: 60 });
  return { meetingId: next.meetingId, accepted };
}

/** One of the starter agreements (the first listed). */
const STARTER = STARTER_KEYS[0];

/** Each leftover from the decision log with whether the meeting view shows it open, by source then title. */
function shown(meetingId: string): [string, string, boolean][] {
  return t.core.services.meetingView
    .context(meetingId)
    .oldBusiness.filter((o) => FROM_LOG.includes(o.source))
    .map((o): [string, string, boolean] => [o.source, o.title, o.open])
    .sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
}

/** The same, as one read per leftover decides it (the reference). */
function oneByOne(meetingId: string): [string, string, boolean][] {
  const repos = createRepositories(new Sql(t.core.opened.db));
  const open = stillOpenOneByOne(repos, meetingId);
  return repos.oldBusiness
    .forMeeting(meetingId)
    .filter((o) => FROM_LOG.includes(o.source))
    .map((o): [string, string, boolean] => [o.source, o.title, open.has(o.id)])
    .sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
}

/** The statements `fn` runs on the connection that read the decision log's tables (their SQL text), counted. */
function logReadsDuring(db: Database.Database, fn: () => unknown): number {
  const proto = Object.getPrototypeOf(db.prepare('select 1')) as Record<'get' | 'all' | 'run' | 'iterate', (...a: unknown[]) => unknown>;
  const methods = ['get', 'all', 'run', 'iterate'] as const;
  const originals = methods.map((m) => proto[m]);
  let count = 0;
  for (const [i, m] of methods.entries())
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      if (LOG_TABLES.test(this.source)) count++;
      return originals[i]!.apply(this, args);
    };
  try {
    fn();
  } finally {
    for (const [i, m] of methods.entries()) proto[m] = originals[i]!;
  }
  return count;
}

describe('old business from the decision log: which leftovers are still open, read for all of them at once', () => {
  it('shows each as open or settled as the one-by-one reads decide, before and after the room settles some', async () => {
    const { meetingId, accepted } = await muchOldBusiness();
    const listed = shown(meetingId);
    // 4 reviews, 8 open proposals, 8 objections, 1 agreement: all open when the meeting is planned.
    expect(listed.map(([source]) => source).sort()).toEqual(
      [
        ...Array(1).fill('agreement_revisit'),
        ...Array(4).fill('decision_review'),
        ...Array(8).fill('objection'),
        ...Array(8).fill('open_proposal'),
      ].sort(),
    );
    expect(listed.every(([, , open]) => open)).toBe(true);
    expect(listed).toEqual(oneByOne(meetingId));

    // The room settles some of each: two objections withdrawn (and one of those proposals accepted), one proposal
    // rejected, one decision reviewed here, another only amended (not a review: still due), the agreement revisited.
    for (const a of (await t.call('meetings.get', { meetingId })).attendees)
      await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    await t.call('meetings.start', { meetingId });
    const context = t.core.services.meetingView.context(meetingId);
    const objections = context.oldBusiness.filter((o) => o.source === 'objection');
    const proposals = context.oldBusiness.filter((o) => o.source === 'open_proposal');
    for (const o of objections.slice(0, 2)) await t.call('decisions.resolveObjection', { objectionId: o.refId, resolution: 'withdrawn' });
    const withdrawnOn = (await t.call('decisions.get', { decisionId: proposals.find((p) => p.title === 'Proposal 1')!.refId })).id;
    await t.call('decisions.readBack', { decisionId: withdrawnOn, on: true });
    const decided = await t.call('decisions.decide', { decisionId: withdrawnOn, outcome: 'accepted' });
    expect(decided.status).toBe('accepted');
    await t.call('decisions.decide', { decisionId: proposals.find((p) => p.title === 'Proposal 5')!.refId, outcome: 'rejected' });
    t.clock.advance(60_000);
    await t.call('decisions.review', { decisionId: accepted[0]!, meetingId, nextReviewDate: '2027-06-01', note: 'Still stands' });
    await t.call('decisions.amend', { decisionId: accepted[1]!, reason: 'Said plainly', decision: 'We try it, plainly' });
    const agreement = await t.call('agreements.get', { teamId: (await t.call('meetings.get', { meetingId })).meeting.teamId });
    await t.call('agreements.revisit', { versionId: agreement.current!.id, meetingId, note: 'Still fits', nextRevisitBy: '2027-03-01' });

    const after = shown(meetingId);
    expect(after).toEqual(oneByOne(meetingId));
    const closed = after.filter(([, , open]) => !open).map(([source, title]) => `${source} ${title.replace(/ \(.*$/, '')}`);
    expect(closed.sort()).toEqual(
      [
        'agreement_revisit Operating agreement, version 1',
        'decision_review Proposal 0',
        'objection Ben',
        'objection Ben',
        'open_proposal Proposal 1',
        'open_proposal Proposal 5',
      ].sort(),
    );
  });

  it('reads them in one statement, however many the meeting inherited', async () => {
    const { meetingId } = await muchOldBusiness();
    const inherited = shown(meetingId).length;
    expect(inherited).toBe(21);
    // The meeting's own amendments, and the leftovers' openness: two statements, where one read per leftover made 28.
    expect(logReadsDuring(t.core.opened.db, () => t.core.services.meetingView.context(meetingId))).toBe(2);
  });
});
