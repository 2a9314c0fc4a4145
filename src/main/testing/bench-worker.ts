/**
 * Bench (never packaged): what the thread that answers operations feels while slow work runs in the
 * worker thread (a verified backup of the whole file, a decision-log export), against the same thread
 * idle, and against the backup as it ran before, on that thread; and the decision export's set-based read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CadenceCore } from '../core/cadence-core';
import { checkFile } from '../db/side-connection';
import { printRows, ratioRow, samples, spread, time, type BenchRow } from './bench-kit';

const STALL_LIMIT_MS = 50;
const PROBE_EVERY_MS = 5;

interface Felt {
  /** Longest delay of the event loop (perf_hooks.monitorEventLoopDelay), ms. */
  maxStall: number;
  /** Latency of cheap operations dispatched every few ms meanwhile. */
  latencies: number[];
  /** How long the work took. */
  tookMs: number;
}

/** Dispatches a cheap read every few ms, rotating among teams, until `work` settles, watching the event loop. */
async function whileRunning(core: CadenceCore, teamIds: string[], work: () => Promise<unknown>): Promise<Felt> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const latencies: number[] = [];
  let done = false;
  histogram.enable();
  const started = performance.now();
  const running = work().finally(() => (done = true));
  for (let i = 0; !done; i++) {
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    const [, took] = await time(() => core.dispatcher.dispatch('teams.get', { teamId: teamIds[i % teamIds.length]! }));
    latencies.push(took);
  }
  await running;
  const tookMs = performance.now() - started;
  histogram.disable();
  return { maxStall: histogram.max / 1e6, latencies, tookMs };
}

function stallRow(label: string, felt: Felt, floor: Felt): BenchRow {
  return {
    label: `${label}: longest stall of the answering thread`,
    value: `${felt.maxStall.toFixed(1)} ms`,
    ratio: `idle floor ${floor.maxStall.toFixed(1)} ms; the work took ${(felt.tookMs / 1000).toFixed(1)} s`,
    target: `< ${STALL_LIMIT_MS} ms`,
    met: felt.maxStall < STALL_LIMIT_MS,
  };
}

export async function benchWorker(core: CadenceCore, dataDir: string): Promise<void> {
  const db = core.opened.db;
  const teamIds = (db.prepare('select id from teams order by name').all() as { id: string }[]).map((r) => r.id);
  const rows: BenchRow[] = [];
  // The worker thread is started (and its code loaded) before anything is timed, as it is after the first backup.
  await core.worker.run('check', { file: path.join(dataDir, 'bench-missing.sqlite') }).catch(() => undefined);

  const idle = await whileRunning(core, teamIds, () => new Promise((resolve) => setTimeout(resolve, 2000)));
  const cheapFloor = { name: 'same read, nothing running', p95: spread(idle.latencies).p95 };
  rows.push(ratioRow('cheap read (teams.get) every 5 ms, nothing running', idle.latencies, null));

  const inWorker = await whileRunning(core, teamIds, () => core.backups.backupNow('manual'));
  rows.push(stallRow('verified backup of the whole file in the worker', inWorker, idle));
  rows.push(ratioRow('cheap read meanwhile', inWorker.latencies, cheapFloor, { maxMs: STALL_LIMIT_MS }));

  const exporting = await whileRunning(core, teamIds, () => core.services.exports.logHtml(teamIds[1]!));
  rows.push(stallRow("one team's decision log as one HTML file, built in the worker", exporting, idle));

  // As it was: the copy stepped on the answering thread's own connection, then the copy checked there.
  const before = path.join(dataDir, 'bench-backup-on-main.sqlite');
  const onMain = await whileRunning(core, teamIds, async () => {
    await db.backup(before);
    if (checkFile(before) !== 'ok') throw new Error('the copy failed its check');
  });
  fs.rmSync(before, { force: true });
  rows.push({ ...stallRow('the same backup on the answering thread (before)', onMain, idle), target: undefined, met: undefined });

  // The decision export's read: one team's full records, set-based; each iteration another team.
  const reads = await samples(6, (i) => core.services.exports.records(teamIds[(i + 2) % teamIds.length]!));
  const bare = await samples(6, (i) => {
    const teamId = teamIds[(i + 2) % teamIds.length]!;
    db.prepare('select * from decisions where team_id = ?').all(teamId);
    db.prepare('select p.* from positions p join decisions d on d.id = p.decision_id where d.team_id = ?').all(teamId);
    db.prepare('select o.* from objections o join decisions d on d.id = o.decision_id where d.team_id = ?').all(teamId);
  });
  const count = core.services.exports.records(teamIds[0]!).records.length;
  rows.push(
    ratioRow(
      `decision export: read one team's ${count} full records`,
      reads,
      { name: 'bare rows of the same tables', p95: spread(bare).p95 },
      { maxMs: 500 },
    ),
  );
  printRows('Slow work off the answering thread (bench-worker)', rows);
}
