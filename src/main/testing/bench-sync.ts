/**
 * Git sync of the ten-year bench team (issue 19): the first push, a fresh laptop's first sync, then one more
 * meeting held and an incremental sync (target under 1 s), each beside the floor every sync pays (a `git fetch`
 * that finds nothing new, in the same run); and the repository's size. Each incremental round holds another
 * meeting, so no figure comes from syncing the same change twice.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CadenceCore } from '../core/cadence-core';
import { cloneDir } from '../services/sync/sync-clone';
import { caller } from './bench-facilitator';
import { ratioRow, spread, type BenchRow } from './bench-kit';
import { stepBreakdown, stepTimer } from './bench-steps';

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** The answering thread's target: nothing runs on it longer than a frame's worth. */
const STALL_LIMIT_MS = 50;

/** How long `fn` took, and the longest the event loop (the thread that answers operations) was held meanwhile, ms. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const start = performance.now();
  try {
    const value = await fn();
    return [value, performance.now() - start, histogram.max / 1e6];
  } finally {
    histogram.disable();
  }
}

const IDLE_CAP_MS = 10_000;

/** The longest stall of the thread doing nothing for `ms` (10 s at most): what the machine's other load alone costs it, in the same run. */
async function idleStall(ms: number): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, Math.min(ms, IDLE_CAP_MS)));
  histogram.disable();
  return histogram.max / 1e6;
}

const stallRow = (what: string, stalls: number[], idle: number): BenchRow => ({
  label: `longest stall of the answering thread during ${what}`,
  value: `${Math.max(...stalls).toFixed(0)} ms (the thread idle as long, up to 10 s: ${idle.toFixed(0)} ms; target < ${STALL_LIMIT_MS} ms: ${Math.max(...stalls) < STALL_LIMIT_MS ? 'met' : 'not met'})`,
});

export async function benchSync(core: CadenceCore, teamId: string, advance: (ms: number) => void): Promise<BenchRow[]> {
  try {
    git('--version');
  } catch {
    return [{ label: 'git sync', value: 'skipped: git is not installed on this machine' }];
  }
  const { startCore } = await import('../core/cadence-core');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-bench-sync-'));
  const remote = path.join(scratch, 'team.git');
  git('init', '--bare', '--quiet', '--initial-branch=main', remote);
  const rows: BenchRow[] = [];
  const freshDir = path.join(scratch, 'laptop-b');
  let restoreLive = () => {};
  const steps = stepTimer();
  const fresh = await startCore({ dataDir: freshDir, mode: 'browser', version: 'bench', lockKind: 'bench-sync', scheduledBackups: false });
  try {
    const ok = (status: { problem: { message: string } | null }) => {
      if (status.problem) throw new Error(`the bench sync failed: ${status.problem.message}`);
    };
    // The benches before this one leave meetings live, and a laptop never merges beside a live meeting: they are
    // held ended while this bench runs, then live again, so a kept folder still has meetings for bench:console.
    const wasLive = core.opened.db.prepare("SELECT id FROM meetings WHERE status = 'live'").pluck().all() as string[];
    core.opened.db.prepare("UPDATE meetings SET status = 'ended', ended_at = started_at WHERE status = 'live'").run();
    restoreLive = () => {
      const back = core.opened.db.prepare("UPDATE meetings SET status = 'live', ended_at = NULL WHERE id = ?");
      core.opened.db.transaction(() => wasLive.forEach((id) => back.run(id)))();
    };
    const [first, firstMs, firstStall] = await timed(() => core.sync.link(remote, teamId));
    ok(first);
    rows.push({ label: `first push of the team (${first.outgoing} rows)`, value: `${(firstMs / 1000).toFixed(2)} s` });
    rows.push(stallRow('the first push', [firstStall], await idleStall(firstMs)));
    const [joined, joinMs, joinStall] = await timed(() => fresh.sync.link(remote));
    ok(joined);
    rows.push({
      label: `a fresh laptop's first sync (${joined.incoming} rows in, backup and MADR folder included)`,
      value: `${(joinMs / 1000).toFixed(2)} s`,
    });
    rows.push(stallRow('a fresh laptop’s first sync', [joinStall], await idleStall(joinMs)));

    const call = caller(core);
    const floor: number[] = [];
    const out: number[] = [];
    const into: number[] = [];
    const stalls: number[] = [];
    const sendSteps: Awaited<ReturnType<typeof steps.measure>>[] = [];
    const getSteps: typeof sendSteps = [];
    for (let i = 0; i < 3; i++) {
      const date = `2027-01-${String(4 + 7 * i).padStart(2, '0')}`;
      const { meetingId } = (await call('meetings.create', { teamId, title: `Weekly ${date}`, date, time: '09:00', lengthMin: 45 })) as {
        meetingId: string;
      };
      await call('meetings.start', { meetingId });
      advance(45 * 60_000);
      await call('meetings.end', { meetingId });
      const start = performance.now();
      git('--git-dir', cloneDir(freshDir, teamId), 'fetch', '--quiet', 'origin');
      floor.push(performance.now() - start);
      const [sent, sendMs, sendStall] = await timed(() => steps.measure(() => core.sync.run(teamId)));
      ok(sent.value);
      out.push(sendMs);
      sendSteps.push(sent);
      const [got, getMs, getStall] = await timed(() => steps.measure(() => fresh.sync.run(teamId)));
      ok(got.value);
      into.push(getMs);
      getSteps.push(got);
      stalls.push(sendStall, getStall);
    }
    const limit = { name: 'a git fetch finding nothing', p95: spread(floor).p95 };
    rows.push(ratioRow('one more meeting held, then an incremental sync that sends it', out, limit, { maxMs: 1000 }));
    rows.push({ label: '... where its time goes (median of each step)', value: stepBreakdown(sendSteps) });
    rows.push(ratioRow('the other laptop’s incremental sync that brings it in (backup first)', into, limit));
    rows.push({ label: '... where its time goes (median of each step)', value: stepBreakdown(getSteps) });
    rows.push(stallRow('the incremental syncs (sending and bringing in)', stalls, await idleStall(Math.max(...out, ...into))));
    const size = /size-pack: (.*)/.exec(git('--git-dir', remote, 'count-objects', '-vH'))?.[1] ?? '?';
    rows.push({ label: 'the team repository’s size (packed, after the pushes)', value: size });
  } finally {
    steps.restore();
    restoreLive();
    fresh.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}
