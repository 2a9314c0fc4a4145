/**
 * What every bench figure is printed beside: the physical limits measured in the same run (a raw SQLite
 * insert+commit with Cadence's own settings, a raw FTS5 query), because absolute times on a shared machine drift.
 * A figure's target is a ratio to one of these, or an absolute time where the issue names one.
 */
export { rawCommit } from '../db/raw-limits';

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
