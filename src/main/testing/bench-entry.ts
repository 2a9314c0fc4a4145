/**
 * `npm run bench` (never packaged): seeds ten years of weekly meetings for 20 teams into a
 * temporary data folder and prints how long the things a person waits for take.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitUnlessNodeApiSupported } from '../data-folder/runtime-check';
import { benchFacilitator } from './bench-facilitator';
import { benchRow } from './bench-kit';

exitUnlessNodeApiSupported();

const TEAMS = Number(process.env.BENCH_TEAMS ?? 20);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 520);
const DECISIONS_PER_MEETING = 10;
const COMMITMENTS_PER_MEETING = 20;

/** Seeded, so every run writes the same text and the figures compare. */
let seed = 20261124;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

/**
 * A vocabulary of 2,000 made-up words with a Zipf-like spread (a few common, most rare), as
 * the words of real minutes are: searches then touch realistic numbers of rows.
 */
const VOCABULARY = Array.from({ length: 2000 }, (_, i) => {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'zu', 'pel', 'dri', 'on', 'sa', 'quin', 'bet', 'ar', 'ym'];
  let n = i + 7;
  let word = '';
  do {
    word += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  } while (n > 0);
  return word;
});
function pickWord(): string {
  return VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!;
}
function sentence(length: number): string {
  return Array.from({ length }, pickWord).join(' ');
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function main(): Promise<void> {
  // BENCH_DIR measures an already seeded folder again (kept by BENCH_KEEP), skipping the seeding.
  const reuse = process.env.BENCH_DIR;
  const dir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-bench-'));
  const { startCore } = await import('../core/cadence-core');
  const { uuidv7 } = await import('../core/ids');
  const { contract } = await import('@shared/contract');
  let now = Date.parse('2016-11-28T09:00:00Z');
  const clock = { now: () => now };
  const rows: [string, string][] = [];
  const began = performance.now();
  // Progress on stderr, so a slow step shows itself while the table is still being built.
  const progress = (label: string) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(1)} s] ${label}\n`);
  const record = rows.push.bind(rows);
  rows.push = (...items) => {
    for (const [label] of items) progress(label);
    return record(...items);
  };
  try {
    if (!reuse) {
      const [fresh, openMs] = await time(() => startCore({ dataDir: dir, mode: 'browser', version: 'bench', clock }));
      rows.push(['open + migrate an empty database', `${openMs.toFixed(0)} ms`]);

      // Seed with plain inserts in big transactions: the figures are about reading and saving, not seeding.
      const db = fresh.opened.db;
      const [, seedMs] = await time(() => {
        const insTeam = db.prepare('insert into teams values (?,?,?,?,?,null)');
        const insMember = db.prepare('insert into members values (?,?,?,null,?,?,null,?,?)');
        const insMeeting = db.prepare(
          "insert into meetings (id,team_id,series_id,title,status,scheduled_start,planned_length_ms,facilitator_id,started_at,ended_at,paused_at,paused_total_ms,current_item_id,created_at,updated_at) values (?,?,null,?,'ended',?,2700000,?,?,?,null,0,null,?,?)",
        );
        const insItem = db.prepare(
          "insert into agenda_items (id,meeting_id,position,kind,title,planned_ms,owner_id,notes,status,started_at,ended_at,created_at,updated_at) values (?,?,?,?,?,600000,null,?,'done',?,?,?,?)",
        );
        const insDecision = db.prepare(
          "insert into decisions (id,team_id,meeting_id,title,context,decision,rationale,owner_id,status,decided_at,created_at,updated_at) values (?,?,?,?,?,?,?,?,'accepted',?,?,?)",
        );
        const insCommitment = db.prepare(
          'insert into commitments (id, team_id, owner_id, outcome, original_due_date, meeting_id, agenda_item_id, decision_id, created_at) values (?,?,?,?,?,?,null,null,?)',
        );
        const insEvent = db.prepare(
          'insert into commitment_events (id,commitment_id,kind,status,at,meeting_id,old_due_date,new_due_date,reason,root_cause,in_advance) values (?,?,?,?,?,?,?,?,?,?,?)',
        );
        const words = ['pricing', 'onboarding', 'latency', 'hiring', 'roadmap', 'security', 'billing', 'search', 'mobile', 'support'];
        const insPosition = db.prepare("insert into positions values (?,?,?,'block',?,?)");
        const insObjection = db.prepare(
          "insert into objections (id,decision_id,position_id,member_id,reason,resolution,resolution_note,resolved_by_id,resolved_at,created_at) values (?,?,?,?,?,'integrated','changed',null,?,?)",
        );
        for (let t = 0; t < TEAMS; t++) {
          db.transaction(() => {
            const teamId = uuidv7(clock);
            insTeam.run(teamId, `Team ${t + 1}`, 'Europe/Berlin', now, now);
            const members = Array.from({ length: 8 }, (_, i) => {
              const id = uuidv7(clock);
              insMember.run(id, teamId, `Member ${t}-${i}`, i, now, now, now);
              return id;
            });
            for (let w = 0; w < WEEKS; w++) {
              const start = Date.parse('2016-11-28T09:00:00Z') + w * 7 * 86_400_000;
              const meetingId = uuidv7(clock);
              insMeeting.run(meetingId, teamId, 'Weekly', start, members[w % 8], start, start + 2_700_000, start, start);
              for (let i = 0; i < 7; i++)
                insItem.run(
                  uuidv7(clock),
                  meetingId,
                  i,
                  'discussion',
                  `Item ${i}`,
                  `Notes about ${words[(w + i) % 10]}`,
                  start,
                  start + 600_000,
                  start,
                  start,
                );
              for (let d = 0; d < DECISIONS_PER_MEETING; d++) {
                const w1 = words[(w + d) % 10];
                const decisionId = uuidv7(clock);
                insDecision.run(
                  decisionId,
                  teamId,
                  meetingId,
                  `Decide ${w1} ${w}-${d}`,
                  `Context on ${w1}: ${sentence(14)}`,
                  `We will ${w1} ${sentence(8)}`,
                  `Because ${sentence(18)}`,
                  members[d % 8],
                  start,
                  start,
                  start,
                );
                // One decision in ten had a block, integrated: the log's "has dissent" has real work to do.
                if (random() < 0.1) {
                  const positionId = uuidv7(clock);
                  insPosition.run(positionId, decisionId, members[(d + 1) % 8], sentence(8), start);
                  insObjection.run(uuidv7(clock), decisionId, positionId, members[(d + 1) % 8], sentence(8), start, start);
                }
              }
              for (let c = 0; c < COMMITMENTS_PER_MEETING; c++) {
                const commitmentId = uuidv7(clock);
                const due = new Date(start + 7 * 86_400_000).toISOString().slice(0, 10);
                insCommitment.run(commitmentId, teamId, members[c % 8], `Outcome ${c}`, due, meetingId, start);
                insEvent.run(uuidv7(clock), commitmentId, 'created', 'open', start, meetingId, null, null, null, null, null);
                // All but the last four weeks' are closed, as a team that keeps its word leaves them:
                // most done by the date, some renegotiated first, a few slipped.
                if (w < WEEKS - 4) {
                  const r = random();
                  const at = start + 7 * 86_400_000;
                  if (r < 0.15)
                    insEvent.run(
                      uuidv7(clock),
                      commitmentId,
                      'renegotiated',
                      null,
                      start + 3 * 86_400_000,
                      null,
                      due,
                      due,
                      'Scope grew',
                      null,
                      1,
                    );
                  if (r > 0.9)
                    insEvent.run(uuidv7(clock), commitmentId, 'slipped', null, at, null, null, null, 'Busy', 'missing_resource', null);
                  insEvent.run(
                    uuidv7(clock),
                    commitmentId,
                    'done',
                    'done',
                    r < 0.8 ? at - 86_400_000 : at + 2 * 86_400_000,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                  );
                }
              }
            }
          })();
        }
      });
      const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      rows.push([
        `seed ${count('meetings')} meetings, ${count('decisions')} decisions, ${count('commitments')} commitments`,
        `${(seedMs / 1000).toFixed(1)} s`,
      ]);
      fresh.close();
    }

    if (process.env.BENCH_SEED_ONLY) return;
    const [core, reopenMs] = await time(() => startCore({ dataDir: dir, mode: 'browser', version: 'bench', clock }));
    rows.push(['open the seeded database (PRAGMAs, quick_check)', `${reopenMs.toFixed(0)} ms`]);
    const teamId = (core.opened.db.prepare('select id from teams order by name limit 1').get() as { id: string }).id;
    const listSamples: number[] = [];
    for (let i = 0; i < 20; i++) listSamples.push((await time(() => core.dispatcher.dispatch('meetings.list', { teamId })))[1]);
    rows.push([
      `meeting list of one team (${WEEKS} meetings), p50 / p95`,
      `${percentile(listSamples, 50).toFixed(1)} / ${percentile(listSamples, 95).toFixed(1)} ms`,
    ]);
    const meetingIds = (core.opened.db.prepare('select id from meetings where team_id = ? limit 50').all(teamId) as { id: string }[]).map(
      (r) => r.id,
    );
    const getSamples: number[] = [];
    for (const meetingId of meetingIds) getSamples.push((await time(() => core.dispatcher.dispatch('meetings.get', { meetingId })))[1]);
    rows.push([
      'open one meeting (agenda, attendance, old business), p50 / p95',
      `${percentile(getSamples, 50).toFixed(1)} / ${percentile(getSamples, 95).toFixed(1)} ms`,
    ]);

    // The decision log: searches a person types, over every team's decisions.
    const rationales = (
      core.opened.db.prepare('select rationale from decisions where rowid % 997 = 0 limit 200').all() as { rationale: string }[]
    ).map((r) => r.rationale.split(' '));
    const twoWords = rationales.map((w, i) => `${w[1 + (i % 8)]} ${w[10 + (i % 7)]}`);
    const search = async (label: string, inputs: Record<string, unknown>[]) => {
      const samples: number[] = [];
      let hits = 0;
      for (const input of inputs) {
        const parsed = contract['decisions.search'].input.parse(input);
        const [result, ms] = await time(() => core.services.decisions.search(parsed));
        samples.push(ms);
        hits += result.total;
      }
      rows.push([
        `${label}, p50 / p95 (avg ${Math.round(hits / inputs.length)} matches)`,
        `${percentile(samples, 50).toFixed(1)} / ${percentile(samples, 95).toFixed(1)} ms`,
      ]);
    };
    await search(
      'decision search: two words from a rationale, all teams',
      twoWords.map((query) => ({ query })),
    );
    // The words a person remembers are usually the telling ones: pairs of words each found in under 1% of decisions.
    const df = core.opened.db.prepare('select count(*) as n from decisions_fts where decisions_fts match ?');
    const telling = rationales
      .map((w) => w.filter((word) => /^[a-z]+$/.test(word) && (df.get(`"${word}"`) as { n: number }).n < 1040).slice(0, 2))
      .filter((pair) => pair.length === 2)
      .map((pair) => pair.join(' '));
    await search(
      `decision search: two telling words from a rationale (${telling.length} pairs)`,
      telling.map((query) => ({ query })),
    );
    await search(
      'decision search: two words from a rationale, one team, accepted only',
      twoWords.map((query) => ({ query, teamId, statuses: ['accepted'] })),
    );
    await search(
      'decision search: one word typed so far (prefix)',
      twoWords.map((q) => ({ query: q.slice(0, 3) })),
    );
    await search(
      'decision search: the most common word (worst case)',
      Array.from({ length: 20 }, () => ({ query: VOCABULARY[0]! })),
    );
    await search(
      'decision log, first page, newest first, no search',
      Array.from({ length: 50 }, () => ({})),
    );
    await search(
      'decision log, has dissent, one team',
      Array.from({ length: 50 }, () => ({ teamId, hasDissent: true })),
    );
    await search(
      'decision log, page 500 (offset 50,000)',
      Array.from({ length: 20 }, () => ({ offset: 50_000 })),
    );

    // Commitments: the board a person opens between meetings, and follow-through over 13 weeks.
    const timed = async (label: string, runs: number, fn: () => unknown) => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) samples.push((await time(fn))[1]);
      rows.push([label, `${percentile(samples, 50).toFixed(1)} / ${percentile(samples, 95).toFixed(1)} ms`]);
    };
    now = Date.parse('2026-11-24T09:00:00Z');
    const boardSize = core.services.commitments.board({ teamId, memberId: null }).open.length;
    await timed(`commitments board, one team (${boardSize} open), p50 / p95`, 20, () =>
      core.services.commitments.board({ teamId, memberId: null }),
    );
    await timed('follow-through, one team, last 13 weeks, p50 / p95', 20, () =>
      core.services.commitments.followThrough({ teamId, from: null, to: null }),
    );
    const lastMeeting = (
      core.opened.db
        .prepare("select id from meetings where team_id = ? and status = 'ended' order by scheduled_start desc limit 1")
        .get(teamId) as { id: string }
    ).id;
    await timed('open the latest meeting (decisions, commitment review), p50 / p95', 20, () => core.services.meetings.get(lastMeeting));

    // Minutes of a three-hour meeting with 40 items, 20 decisions and 100 commitments.
    const { holdBigMeeting, renderMinutes } = await import('./bench-minutes');
    now = Date.parse('2026-12-07T08:00:00Z');
    const big = await holdBigMeeting(core, teamId, (ms) => (now += ms));
    const render = renderMinutes(core, big);
    if (process.env.BENCH_DUMP) fs.writeFileSync(process.env.BENCH_DUMP, (render.markdown() as { content: string }).content);
    // The first render in a process pays for compiling the serialisers; a preview re-renders warm.
    const [, coldMd] = await time(render.markdown);
    const [, coldHtml] = await time(render.html);
    rows.push([
      'minutes render, 3 h meeting (40 items, 20 decisions, 100 commitments), first Markdown / HTML',
      `${coldMd.toFixed(1)} / ${coldHtml.toFixed(1)} ms`,
    ]);
    await timed('minutes render, same meeting, Markdown again, p50 / p95', 50, render.markdown);
    await timed('minutes render, same meeting, HTML again, p50 / p95', 50, render.html);
    await timed('minutes of that meeting read from the database, p50 / p95', 20, () => core.services.meetings.get(big));

    // Exports of one team's whole decision log, built in memory (writing the files is the disk's speed).
    const { decisionsMadr } = await import('../services/exports/decisions-madr');
    const { decisionLogHtml } = await import('../services/exports/decision-log-html');
    const [scope, readMs] = await time(() => core.services.exports.records(teamId));
    rows.push([`decision export: read one team's ${scope.records.length} full records`, `${readMs.toFixed(0)} ms`]);
    const [madr, madrMs] = await time(() => decisionsMadr(scope, '2026-11-24'));
    rows.push([
      'decision export: render them as MADR files',
      `${madrMs.toFixed(0)} ms, ${((madr.length / madrMs) * 1000).toFixed(0)} files/s`,
    ]);
    const [, htmlMs] = await time(() => decisionLogHtml(scope, '2026-11-24'));
    rows.push(['decision export: render them as one HTML file', `${htmlMs.toFixed(0)} ms`]);

    // The facilitator's writes and what the open windows read again after each, beside a raw commit.
    now = Date.parse('2026-11-30T09:00:00Z');
    for (const row of await benchFacilitator(core, dir, (ms) => (now += ms))) rows.push(benchRow(row));
    // A team archive: one team's ten years exported, imported into an empty database, then again (all unchanged).
    try {
      const [file, exportMs] = await time(() => core.services.archive.export(teamId));
      rows.push([`team archive export, one team (${(file.content.length / 1024 / 1024).toFixed(1)} MB)`, `${exportMs.toFixed(0)} ms`]);
      const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-bench-copy-'));
      const copy = await startCore({ dataDir: copyDir, mode: 'browser', version: 'bench', clock, lockKind: 'bench-copy' });
      try {
        const importOnce = () => copy.services.archive.apply(copy.services.archive.check(file.content), 'bench');
        const [first, importMs] = await time(importOnce);
        rows.push([`team archive import into an empty database (${first.totals.inserted} rows)`, `${importMs.toFixed(0)} ms`]);
        const [, againMs] = await time(importOnce);
        rows.push(['team archive import again (every row unchanged)', `${againMs.toFixed(0)} ms`]);
      } finally {
        copy.close();
        fs.rmSync(copyDir, { recursive: true, force: true });
      }
    } catch (error) {
      rows.push(['team archive, one team', `refused: ${(error as Error).message}`]);
    }
    await (await import('./bench-worker')).benchWorker(core, dir);
    const [, backupMs] = await time(() => core.backups.backupNow('manual'));
    rows.push(['verified backup of the whole database', `${backupMs.toFixed(0)} ms`]);
    core.opened.db.pragma('wal_checkpoint(TRUNCATE)');
    rows.push(['database size', `${(fs.statSync(path.join(dir, 'cadence.sqlite')).size / 1024 / 1024).toFixed(1)} MB`]);
    core.close();
  } finally {
    if (process.env.BENCH_KEEP || reuse) process.stdout.write(`kept the seeded data folder: ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\nCadence benchmarks (${TEAMS} teams x ${WEEKS} weekly meetings), Node ${process.version}\n\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
