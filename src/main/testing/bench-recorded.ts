import { STARTER_KEYS } from '@shared/agreement-starters';
import type { CadenceCore } from '../core/cadence-core';
import { Sql } from '../db/query';
import { createRepositories } from '../db/repositories';
import { recordedDuring } from '../services/minutes/minutes-recorded';
import { ratioRow, samples, spread, type BenchRow } from './bench-kit';
import { holdBigMeeting } from './bench-minutes';
import { stillOpenOneByOne } from './old-business-one-by-one';

/**
 * The set read's rule as one raw statement: which of a meeting's leftovers from the decision log are still open (see
 * OldBusinessRepository.stillOpenFromLog).
 */
const RAW_STILL_OPEN = `SELECT o.id FROM old_business o WHERE o.meeting_id = ? AND (
  (o.source = 'objection' AND EXISTS (SELECT 1 FROM objections j WHERE j.id = o.ref_id AND j.resolution IS NULL))
  OR (o.source = 'open_proposal' AND EXISTS (SELECT 1 FROM decisions d WHERE d.id = o.ref_id AND d.status IN ('proposed', 'deferred')))
  OR (o.source = 'decision_review' AND EXISTS (SELECT 1 FROM decisions d WHERE d.id = o.ref_id AND d.status = 'accepted')
    AND NOT EXISTS (SELECT 1 FROM amendments m WHERE m.entity_type = 'decision' AND m.entity_id = o.ref_id
      AND m.at >= o.created_at AND substr(m.reason, 1, 8) = 'Reviewed'))
  OR (o.source = 'agreement_revisit' AND EXISTS (SELECT 1 FROM agreement_versions v WHERE v.id = o.ref_id
      AND v.version = (SELECT max(w.version) FROM agreement_versions w WHERE w.team_id = v.team_id))
    AND NOT EXISTS (SELECT 1 FROM agreement_revisits r WHERE r.version_id = o.ref_id AND r.at > o.created_at)))`;

/**
 * What the minutes read of a meeting's decisions' amendments (recordedDuring): once per decision, as before, and in
 * one set-based read, each beside the same rows read by one raw prepared SQLite statement in the same run. Inputs
 * rotate over the big held meeting (20 decisions, each amended) and the seeded meetings with the most decisions;
 * the two ways alternate within each iteration, so load on a shared machine falls on both alike.
 */
export async function benchRecorded(core: CadenceCore, advance: (ms: number) => void): Promise<BenchRow[]> {
  const db = core.opened.db;
  const repos = createRepositories(new Sql(db));
  const teamId = (db.prepare('select id from teams order by name limit 1').get() as { id: string }).id;
  const big = await holdBigMeeting(core, teamId, advance);
  for (const d of core.services.meetingView.detail(big).decisions) {
    const amended = await core.dispatcher.dispatch('decisions.amend', { decisionId: d.id, reason: 'Said plainly', rationale: 'Plainer.' });
    if (!amended.ok) throw new Error(amended.error.message);
  }
  const seeded = db
    .prepare('select meeting_id as id from decisions where meeting_id is not null group by meeting_id order by count(*) desc limit 10')
    .all() as { id: string }[];
  const meetings = [big, ...seeded.map((m) => m.id)].map((id) => {
    const detail = core.services.meetingView.detail(id);
    const ids = [
      ...new Set([
        ...detail.oldBusiness.filter((o) => o.source === 'decision_review').map((o) => o.refId),
        ...detail.decisions.map((d) => d.id),
      ]),
    ];
    return { detail, ids, list: JSON.stringify(ids) };
  });
  const raw = db.prepare(
    "select * from amendments where entity_type = 'decision' and entity_id in (select value from json_each(?)) order by at desc, rowid desc",
  );
  const perDecision: number[] = [];
  const setRead: number[] = [];
  const rawRead: number[] = [];
  const runs = 400;
  const pick = (i: number) => meetings[i % meetings.length]!;
  for (let i = 0; i < runs; i++) {
    const m = pick(i);
    const before = () => perDecision.push(...timedOnce(() => m.ids.map((id) => repos.meetings.amendments('decision', id))));
    const after = () => setRead.push(...timedOnce(() => repos.meetings.amendmentsOf('decision', m.ids)));
    if (i % 2) {
      before();
      after();
    } else {
      after();
      before();
    }
    rawRead.push(...timedOnce(() => raw.all(m.list)));
  }
  const rawLimit = { name: 'raw set query', p95: spread(rawRead).p95 };
  const n = meetings.map((m) => m.ids.length);
  const what = `amendments of a meeting's decisions (${Math.min(...n)}-${Math.max(...n)}, rotating over ${meetings.length} meetings)`;
  return [
    ...(await oldBusinessRows(core, repos, runs, advance)),
    ratioRow('raw: those amendments by one prepared SQLite statement (json_each)', rawRead, null),
    ratioRow(`${what}, one read per decision (before)`, perDecision, rawLimit),
    ratioRow(`${what}, one set read (after)`, setRead, rawLimit),
    ratioRow(
      'recordedDuring (minutes: what the room recorded undated), same meetings',
      await samples(runs, (i) => recordedDuring(repos, pick(i).detail)),
      rawLimit,
    ),
  ];
}

/**
 * What a meeting's context reads of its old business from the decision log: one read (or three) per leftover, as
 * before, and one set read, beside the same rule as one raw statement, over meetings planned after one that left
 * many (the seeded teams leave none: no reviews are due and no proposal is left open).
 */
async function oldBusinessRows(
  core: CadenceCore,
  repos: ReturnType<typeof createRepositories>,
  runs: number,
  advance: (ms: number) => void,
): Promise<BenchRow[]> {
  const db = core.opened.db;
  const meetings: string[] = [];
  for (const [i, proposals] of [12, 30, 60].entries()) meetings.push(await leftOverFrom(core, `Leftovers ${i + 1}`, proposals, advance));
  const fromLog = db.prepare(
    "select count(*) as n from old_business where meeting_id = ? and source in ('objection', 'open_proposal', 'decision_review', 'agreement_revisit')",
  );
  const n = meetings.map((id) => (fromLog.get(id) as { n: number }).n);
  const raw = db.prepare(RAW_STILL_OPEN);
  const perRow: number[] = [];
  const setRead: number[] = [];
  const rawRead: number[] = [];
  const context: number[] = [];
  for (let i = 0; i < runs; i++) {
    const meetingId = meetings[i % meetings.length]!;
    // The three take turns at going first (whichever follows another finds the same rows in the cache), each order
    // on every meeting in turn.
    const first = Math.floor(i / meetings.length);
    const ways = [
      () => perRow.push(...timedOnce(() => stillOpenOneByOne(repos, meetingId))),
      () => setRead.push(...timedOnce(() => repos.oldBusiness.stillOpenFromLog(meetingId))),
      () => rawRead.push(...timedOnce(() => raw.all(meetingId))),
    ];
    for (let w = 0; w < ways.length; w++) ways[(first + w) % ways.length]!();
    context.push(...timedOnce(() => core.services.meetingView.context(meetingId)));
  }
  const rawLimit = { name: 'raw statement', p95: spread(rawRead).p95 };
  const what = `old business from the decision log still open (${Math.min(...n)}-${Math.max(...n)} leftovers, rotating over ${meetings.length} meetings)`;
  return [
    ratioRow('raw: which leftovers from the decision log are open, by one prepared SQLite statement', rawRead, null),
    ratioRow(`${what}, one read per leftover (before)`, perRow, rawLimit),
    ratioRow(`${what}, one set read (after)`, setRead, rawLimit),
    ratioRow("meetings.context (the meeting's members, old business, amendments), same meetings", context, rawLimit),
  ];
}

/**
 * A new team holds a meeting of `proposals` proposals (a third accepted with a review due, a third left proposed with a
 * block, a third deferred with a disagreement) with its agreement due for a revisit, and plans the next one: answers
 * that next meeting, which inherits every one of them as old business.
 */
async function leftOverFrom(core: CadenceCore, name: string, proposals: number, advance: (ms: number) => void): Promise<string> {
  const call = async (op: string, input: unknown) => {
    const result = await core.dispatcher.dispatch(op as never, input);
    if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
    return result.value as never;
  };
  const team = (await call('teams.create', { name, timeZone: 'Europe/Berlin', members: ['Ana', 'Ben', 'Chen'] })) as { id: string };
  await call('agreements.adoptStarter', { teamId: team.id, starter: STARTER_KEYS[0], revisitBy: '2026-12-01' });
  const { meetingId } = (await call('meetings.create', {
    teamId: team.id,
    title: 'Weekly',
    date: '2026-12-07',
    time: '09:00',
    lengthMin: 60,
  })) as {
    meetingId: string;
  };
  const revision = core.services.meetingView.live(meetingId).meeting.agendaRevision;
  await call('agenda.addItem', { meetingId, expectedRevision: revision, kind: 'proposal', title: 'Proposals', plannedMin: 30 });
  for (const a of core.services.meetingView.live(meetingId).attendees)
    await call('attendance.set', { attendeeId: a.id, status: 'present' });
  await call('meetings.start', { meetingId });
  const itemId = core.services.meetingView.live(meetingId).items[0]!.id;
  const [ana, ben] = core.services.meetingView.context(meetingId).members.map((m) => m.id);
  for (let i = 0; i < proposals; i++) {
    advance(1_000);
    const made = (await call('decisions.propose', {
      meetingId,
      agendaItemId: itemId,
      title: `Proposal ${i + 1}`,
      decision: `We try thing ${i + 1}.`,
      ownerId: ana,
      reviewDate: '2026-12-08',
    })) as { id: string };
    if (i % 3 === 0) {
      await call('decisions.readBack', { decisionId: made.id, on: true });
      await call('decisions.decide', { decisionId: made.id, outcome: 'accepted' });
      continue;
    }
    await call('decisions.position', {
      decisionId: made.id,
      memberId: ben,
      stance: i % 3 === 1 ? 'block' : 'disagree',
      reason: `Concern ${i}`,
    });
    if (i % 3 === 2) await call('decisions.decide', { decisionId: made.id, outcome: 'deferred' });
  }
  await call('meetings.end', { meetingId });
  advance(60_000);
  const next = (await call('meetings.create', { teamId: team.id, title: 'Weekly', date: '2026-12-14', time: '09:00', lengthMin: 60 })) as {
    meetingId: string;
  };
  return next.meetingId;
}

function timedOnce(fn: () => unknown): [number] {
  const start = performance.now();
  fn();
  return [performance.now() - start];
}
