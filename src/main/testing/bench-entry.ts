/**
 * `npm run bench` (never packaged): seeds ten years of weekly meetings for 20 teams into a
 * temporary data folder and prints how long the things a person waits for take.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitUnlessNodeApiSupported } from '../data-folder/runtime-check';
import { seedBenchData, VOCABULARY } from './bench-seed';
import { benchFacilitator } from './bench-facilitator';
import { benchTransport } from './bench-transport';
import { benchRow } from './bench-kit';

exitUnlessNodeApiSupported();

const TEAMS = Number(process.env.BENCH_TEAMS ?? 20);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 520);
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
        seedBenchData(db, clock, TEAMS, WEEKS);
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
    // BENCH_ONLY=facilitator, =reread, =search, =outcome, =sync or =recorded measures that alone (a before/after or a profile of it needs nothing else).
    const alone = {
      facilitator: async (advance: (ms: number) => void) => benchFacilitator(core, advance),
      reread: async (advance: (ms: number) => void) => (await import('./bench-reread')).benchReread(core, advance),
      search: async () => (await import('./bench-search')).benchDecisionSearch(core, VOCABULARY),
      outcome: async (advance: (ms: number) => void) => (await import('./bench-outcome')).benchOutcome(core, advance),
      sync: async (advance: (ms: number) => void) => (await import('./bench-sync')).benchSync(core, teamId, advance),
      recorded: async (advance: (ms: number) => void) => (await import('./bench-recorded')).benchRecorded(core, advance),
    }[process.env.BENCH_ONLY ?? ''];
    if (alone) {
      now = Date.parse('2026-11-30T09:00:00Z');
      for (const row of await alone((ms) => (now += ms))) rows.push(benchRow(row));
      core.close();
      printTable(rows);
      return;
    }
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

    // The decision log: searches a person types, over every team's decisions, beside raw FTS5.
    for (const row of await (await import('./bench-search')).benchDecisionSearch(core, VOCABULARY)) rows.push(benchRow(row));

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
    await timed('open the latest meeting (decisions, commitment review), p50 / p95', 20, () =>
      core.services.meetingView.detail(lastMeeting),
    );

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
    await timed('minutes of that meeting read from the database, p50 / p95', 20, () => core.services.meetingView.detail(big));

    // Exports of one team's whole decision log, built in memory (writing the files is the disk's speed).
    const { decisionsMadr } = await import('../services/exports/decisions-madr');
    const { decisionLogHtml } = await import('../services/exports/decision-log-html');
    const [scope, readMs] = await time(() => core.services.exports.records(teamId));
    rows.push([`decision export: read one team's ${scope.records.length} full records`, `${readMs.toFixed(0)} ms`]);
    const [madr, madrMs] = await time(() => decisionsMadr(scope));
    rows.push([
      'decision export: render them as MADR files',
      `${madrMs.toFixed(0)} ms, ${((madr.length / madrMs) * 1000).toFixed(0)} files/s`,
    ]);
    const [, htmlMs] = await time(() => decisionLogHtml(scope, '2026-11-24'));
    rows.push(['decision export: render them as one HTML file', `${htmlMs.toFixed(0)} ms`]);

    // The facilitator's writes and what the open windows read again after each, beside a raw commit.
    now = Date.parse('2026-11-30T09:00:00Z');
    for (const row of await benchFacilitator(core, (ms) => (now += ms))) rows.push(benchRow(row));
    for (const row of await (await import('./bench-reread')).benchReread(core, (ms) => (now += ms))) rows.push(benchRow(row));
    for (const row of await (await import('./bench-outcome')).benchOutcome(core, (ms) => (now += ms))) rows.push(benchRow(row));
    for (const row of await benchTransport(core, dir, (ms) => (now += ms))) rows.push(benchRow(row));
    for (const row of await (await import('./bench-push')).benchPush(core, dir)) rows.push(benchRow(row));
    for (const row of await (await import('./bench-sync')).benchSync(core, teamId, (ms) => (now += ms))) rows.push(benchRow(row));
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
  printTable(rows);
}

function printTable(rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\nCadence benchmarks (${TEAMS} teams x ${WEEKS} weekly meetings), Node ${process.version}\n\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
