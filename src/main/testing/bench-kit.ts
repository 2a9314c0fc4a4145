/**
 * What every bench figure is printed beside: the physical limits measured in the same run (a raw SQLite
 * insert+commit with Cadence's own settings, a raw FTS5 query), because absolute times on a shared machine drift.
 * A figure's target is a ratio to one of these, or an absolute time where the issue names one.
 */
import fs from 'node:fs';

export { rawCommit, rawCommitBeside, rawFts, documentFrequencies, type RawCommits } from '../db/raw-limits';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** Runs fn n times (each with its iteration number, so inputs rotate) and returns the durations in ms. */
export async function samples(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

export interface Spread {
  p50: number;
  p95: number;
}

export function spread(values: number[]): Spread {
  return { p50: percentile(values, 50), p95: percentile(values, 95) };
}

/** A row of the printed table: the figure, and where it has one, the limit it is compared with and the target. */
export interface BenchRow {
  label: string;
  value: string;
  /** e.g. "2.1x raw commit (0.25 ms)". */
  ratio?: string;
  /** e.g. "<= 2x", "< 20 ms and <= 3x". */
  target?: string;
  met?: boolean;
}

export const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

/** A p50/p95 row with its p95 compared to a limit's p95, and a target ratio and/or absolute bound checked. */
export function ratioRow(
  label: string,
  values: number[],
  limit: { name: string; p95: number } | null,
  target: { maxRatio?: number; maxMs?: number } = {},
): BenchRow {
  const s = spread(values);
  const ratio = limit ? s.p95 / limit.p95 : null;
  const checks: boolean[] = [];
  const words: string[] = [];
  if (target.maxMs !== undefined) {
    checks.push(s.p95 < target.maxMs);
    words.push(`p95 < ${target.maxMs} ms`);
  }
  if (target.maxRatio !== undefined && ratio !== null) {
    checks.push(ratio <= target.maxRatio);
    words.push(`<= ${target.maxRatio}x`);
  }
  return {
    label: `${label}, p50 / p95`,
    value: `${ms(s.p50)} / ${ms(s.p95)} ms`,
    ...(limit && ratio !== null ? { ratio: `${ratio.toFixed(1)}x ${limit.name} (${ms(limit.p95)} ms)` } : {}),
    ...(words.length ? { target: words.join(', '), met: checks.every(Boolean) } : {}),
  };
}

/**
 * Whether sample `i`'s raw commit goes before its write. A seeded coin, not `i % 2`: the worker's checkpoint starts
 * after every 32nd write (core/wal-checkpoints.ts), always on an odd sample, so with `i % 2` the raw commit right after
 * it took every checkpoint's first milliseconds and the writes none.
 */
export const rawGoesFirst = (i: number): boolean => ((Math.imul(i + 1, 2654435761) >>> 16) & 1) === 1;

/** This thread's CPU time (user and system, in ms) since `start` (a `process.threadCpuUsage()`): what a busy machine stretches less than the clock. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Runs fn and adds this thread's CPU time for it (ms) to `into`; answers fn's own answer. */
export async function withCpu<T>(into: number[], fn: () => Promise<T>): Promise<T> {
  const start = process.threadCpuUsage();
  try {
    return await fn();
  } finally {
    into.push(cpuMsSince(start));
  }
}

/**
 * A write beside the raw insert+commits alternated with it in the same loop (same file, same WAL): its p95 against
 * theirs (the target), and the median of the per-sample ratios (each write over the raw commit made next to it).
 * `alone`: raw commits of a scratch file of their own in the same run, where no checkpoint of the app's runs beside
 * them: the disk's own floor, printed too so a reader sees both.
 */
export function pairedRow(
  label: string,
  writes: number[],
  raws: number[],
  maxRatio: number,
  alone?: number[],
  cpu?: { write: number[]; raw: number[] },
): BenchRow {
  const w = spread(writes);
  const r = spread(raws);
  const ratio = w.p95 / r.p95;
  const perPair = percentile(
    writes.map((v, i) => v / raws[i]!),
    50,
  );
  const a = alone && alone.length > 0 ? spread(alone) : null;
  const besideAlone = a ? `; ${(w.p95 / a.p95).toFixed(1)}x a raw commit alone (${ms(a.p95)} ms p95)` : '';
  // The CPU this thread spent (the commit's system calls included), p50: the work a write adds to its commit.
  const cpuText = cpu ? `; CPU p50 ${ms(percentile(cpu.write, 50))} ms a write, ${ms(percentile(cpu.raw, 50))} ms a raw commit` : '';
  return {
    label: `${label}, p50 / p95`,
    value: `${ms(w.p50)} / ${ms(w.p95)} ms`,
    ratio: `${ratio.toFixed(1)}x the ${raws.length} raw commits alternated with it (${ms(r.p50)} / ${ms(r.p95)} ms); per pair, median ${perPair.toFixed(1)}x${besideAlone}${cpuText}`,
    target: `p95 <= ${maxRatio}x`,
    met: ratio <= maxRatio,
  };
}

/**
 * The slowest sample of each kind (a write, a raw commit) and whether the database file itself was written while it
 * ran: only a checkpoint (the WAL copied back into the file) writes it, so that names a checkpoint's stall.
 */
export class Slowest {
  private readonly worst = new Map<string, { ms: number; what: string; checkpoint: boolean }>();
  private readonly checkpoints = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly file: string) {}

  /** Runs and times fn (the file's time is read outside the timing); answers fn's duration in ms. */
  async time(kind: string, what: string, fn: () => unknown): Promise<number> {
    const before = fs.statSync(this.file).mtimeMs;
    const start = performance.now();
    await fn();
    const took = performance.now() - start;
    const checkpoint = fs.statSync(this.file).mtimeMs !== before;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    if (checkpoint) this.checkpoints.set(kind, (this.checkpoints.get(kind) ?? 0) + 1);
    if (took > (this.worst.get(kind)?.ms ?? -1)) this.worst.set(kind, { ms: took, what, checkpoint });
    return took;
  }

  rows(): BenchRow[] {
    // The WAL file keeps the size it grew to when it starts again from its beginning: its longest so far.
    const wal = fs.statSync(`${this.file}-wal`, { throwIfNoEntry: false });
    const walRow: BenchRow = {
      label: 'the WAL at its longest (its file keeps that size)',
      value: wal ? `${Math.round(wal.size / 4120)} pages` : 'no WAL file',
    };
    const rows = [...this.worst].map(([kind, w]): BenchRow => ({
      label: `longest ${kind} (of ${this.counts.get(kind)}; the file was written by a checkpoint during ${this.checkpoints.get(kind) ?? 0})`,
      value: `${ms(w.ms)} ms`,
      ratio: `${w.what}${w.checkpoint ? ', while a checkpoint wrote the database file' : ', no checkpoint meanwhile'}`,
    }));
    return [...rows, walRow];
  }
}

/** A row as the table's [label, text] pair: the figure, its ratio to a limit, and whether its target was met. */
export function benchRow(r: BenchRow): [string, string] {
  const tail = [r.ratio, r.target ? `target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : undefined].filter(Boolean);
  return [r.label, [r.value, ...tail].join('  ·  ')];
}

/** Prints the table; a figure with a target shows whether it was met. */
export function printRows(title: string, rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.label.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  process.stdout.write(`\n${title}\n\n`);
  for (const r of rows) {
    const tail = [r.ratio, r.target ? `target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : undefined].filter(Boolean).join('  ·  ');
    process.stdout.write(`  ${r.label.padEnd(width)}  ${r.value.padEnd(valueWidth)}${tail ? `  ${tail}` : ''}\n`);
  }
}
