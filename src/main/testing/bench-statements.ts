/**
 * What one write asks SQLite, statement by statement (`BENCH_STATEMENTS=1` with `BENCH_ONLY=facilitator`): how many
 * statements each write runs, how many it prepares (a statement compiled at every call), and the time inside each.
 * Counted on untimed runs, by wrapping the connection's statements: the wrapper's own cost would skew a timed sample.
 */
import fs from 'node:fs';
import type { CadenceCore } from '../core/cadence-core';

/**
 * The read and write calls this process has made to the OS so far (Linux's /proc/self/io; zero elsewhere): a page
 * SQLite's cache did not hold is a read, each WAL frame two writes. Reading the file is itself a few reads, counted
 * once at the start (`OWN_READS`) and taken off.
 */
function syscalls(): { reads: number; writes: number } {
  try {
    const io = fs.readFileSync('/proc/thread-self/io', 'utf8');
    const count = (key: string) => Number(new RegExp(`^${key}: (\\d+)`, 'm').exec(io)?.[1] ?? 0);
    return { reads: count('syscr'), writes: count('syscw') };
  } catch {
    return { reads: 0, writes: 0 };
  }
}
const OWN_READS = -syscalls().reads + syscalls().reads;

type Connection = CadenceCore['opened']['db'];

type Method = 'run' | 'get' | 'all' | 'iterate';
const METHODS: Method[] = ['run', 'get', 'all', 'iterate'];

interface Tally {
  calls: number;
  ms: number;
  /** This thread's CPU inside the statement: under load, wall time is mostly other processes' turns. */
  cpuUs: number;
}

export class StatementLog {
  private recording = false;
  private writes = 0;
  private cpuUs = 0;
  private reads = 0;
  private writesToDisk = 0;
  private prepares = 0;
  private readonly bySql = new Map<string, Tally>();

  /** Wraps every statement of this connection (their shared prototype) and its `prepare`, for the rest of the run. */
  constructor(private readonly db: Connection) {
    const proto = Object.getPrototypeOf(db.prepare('select 1')) as Record<Method, (...args: unknown[]) => unknown>;
    const recording = () => this.recording;
    const note = (source: string, ms: number, cpu: NodeJS.CpuUsage) => this.note(source, ms, cpu);
    for (const method of METHODS) {
      const original = proto[method];
      proto[method] = function (this: { source: string }, ...args: unknown[]) {
        if (!recording()) return original.apply(this, args);
        const cpu = process.threadCpuUsage();
        const start = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          note(this.source, performance.now() - start, process.threadCpuUsage(cpu));
        }
      };
    }
    const prepare = db.prepare.bind(db);
    db.prepare = ((source: string) => {
      if (this.recording) this.prepares++;
      return prepare(source);
    }) as typeof db.prepare;
  }

  async during<T>(fn: () => Promise<T>): Promise<T> {
    const before = syscalls();
    const cpu = process.threadCpuUsage();
    this.recording = true;
    try {
      return await fn();
    } finally {
      this.recording = false;
      this.writes++;
      const used = process.threadCpuUsage(cpu);
      this.cpuUs += used.user + used.system;
      const after = syscalls();
      this.reads += after.reads - before.reads - OWN_READS;
      this.writesToDisk += after.writes - before.writes;
    }
  }

  private note(source: string, ms: number, cpu: NodeJS.CpuUsage): void {
    const tally = this.bySql.get(source) ?? { calls: 0, ms: 0, cpuUs: 0 };
    tally.calls++;
    tally.ms += ms;
    tally.cpuUs += cpu.user + cpu.system;
    this.bySql.set(source, tally);
  }

  /** Every statement run while recording, summed over the writes (a test's count of what one read asks SQLite). */
  statements(): number {
    return [...this.bySql.values()].reduce((sum, t) => sum + t.calls, 0);
  }

  /** Per write: statements, prepares, and each statement's calls, mean time and mean CPU (us), most CPU first. */
  report(label: string): string {
    const per = (n: number) => (n / Math.max(1, this.writes)).toFixed(2);
    const all = [...this.bySql.entries()].sort((a, b) => b[1].cpuUs - a[1].cpuUs);
    const total = all.reduce((sum, [, t]) => sum + t.calls, 0);
    const ms = all.reduce((sum, [, t]) => sum + t.ms, 0);
    const lines = all.map(
      ([source, t]) =>
        `  ${per(t.calls)} x ${((t.ms / t.calls) * 1000).toFixed(1)} us (CPU ${(t.cpuUs / t.calls).toFixed(1)})  ${source.replace(/\s+/g, ' ').slice(0, 160)}${this.plan(source)}`,
    );
    return [
      `${label}: ${per(total)} statements per write, ${per(this.prepares)} prepared per write, ${((ms / Math.max(1, this.writes)) * 1000).toFixed(0)} us in statements, ${per(this.cpuUs)} us CPU, ${per(this.reads)} read and ${per(this.writesToDisk)} write calls to the OS`,
      ...lines,
    ].join('\n');
  }

  /** How SQLite runs a statement (its query plan), for every statement but the transaction's own. */
  private plan(source: string): string {
    if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(source)) return '';
    // Unnamed parameters only (kysely's): each bound to null, which does not change the plan.
    const nulls = (source.match(/\?/g) ?? []).map(() => null);
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...nulls) as { detail: string }[];
    return rows.map((r) => `\n      ${r.detail}`).join('');
  }

  reset(): void {
    this.writes = 0;
    this.cpuUs = 0;
    this.reads = 0;
    this.writesToDisk = 0;
    this.prepares = 0;
    this.bySql.clear();
  }
}
