import type { CadenceCore } from '../core/cadence-core';
import { Sql } from '../db/query';
import { createRepositories } from '../db/repositories';
import { recordedDuring } from '../services/minutes/minutes-recorded';
import { ratioRow, samples, spread, type BenchRow } from './bench-kit';
import { holdBigMeeting } from './bench-minutes';

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

function timedOnce(fn: () => unknown): [number] {
  const start = performance.now();
  fn();
  return [performance.now() - start];
}
