/**
 * Where a sync's time goes, for the bench: every git command and worker job run while it is measured, timed by
 * name. The bench wraps the two classes' `run` for its own process only, so the app's code carries no timing.
 */
import { Git } from '../services/sync/git';
import { DbWorker } from '../worker/db-worker';

type Run = (this: unknown, ...args: unknown[]) => Promise<unknown>;

/** git's subcommand: the first word after the options (`--git-dir <dir> fetch ...` is "git fetch"). */
function gitStep(args: unknown[]): string {
  const words = args[0] as string[];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--git-dir' || words[i] === '-c') i++;
    else if (!words[i]!.startsWith('-')) return `git ${words[i]}`;
  }
  return 'git';
}

/** Joins a step's name and a part of it: parts are shown, not counted again in "the rest". */
const PART = ' › ';

export interface StepTimer {
  /** Times `fn`: its total, and each named step's summed time (steps run at once may overlap). */
  measure<T>(fn: () => Promise<T>): Promise<{ value: T; total: number; steps: Map<string, number> }>;
  restore(): void;
}

export function stepTimer(): StepTimer {
  let steps = new Map<string, number>();
  const wrap = (proto: { run: unknown }, nameOf: (args: unknown[]) => string) => {
    const original = proto.run as Run;
    proto.run = async function (this: unknown, ...args: unknown[]) {
      // A call counts where it began: one still running from before (a sync the meeting's end started) is not this one's.
      const into = steps;
      const start = performance.now();
      const name = nameOf(args);
      const add = (step: string, ms: number) => into.set(step, (into.get(step) ?? 0) + ms);
      try {
        const value = await original.apply(this, args);
        // A worker job that says where its own time went (a sync's merge): its parts, shown beside it.
        const parts = (value as { steps?: Record<string, number> } | null)?.steps;
        for (const [part, ms] of Object.entries(parts ?? {})) add(`${name}${PART}${part}`, ms);
        return value;
      } finally {
        add(name, performance.now() - start);
      }
    };
    return () => {
      proto.run = original;
    };
  };
  const undo = [
    wrap(Git.prototype as unknown as { run: unknown }, gitStep),
    wrap(DbWorker.prototype as unknown as { run: unknown }, (args) => `worker ${String(args[0])}`),
  ];
  return {
    async measure(fn) {
      const mine = new Map<string, number>();
      steps = mine;
      const start = performance.now();
      try {
        const value = await fn();
        return { value, total: performance.now() - start, steps: mine };
      } finally {
        // Calls begun between measures (the backup a meeting's end makes before the next sync is timed) belong to
        // none: counted into the last measure's map, they made a bring-in's backup step longer than the whole sync.
        steps = new Map();
      }
    },
    restore: () => undo.forEach((u) => u()),
  };
}

/** "git fast-import 812 · worker decisionsMadr 2,100 · the rest 430 ms": each step's median over the runs, largest first. */
export function stepBreakdown(runs: { total: number; steps: Map<string, number> }[]): string {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const names = [...new Set(runs.flatMap((r) => [...r.steps.keys()]))];
  const rest = runs.map((r) => r.total - [...r.steps].reduce((sum, [n, ms]) => (n.includes(PART) ? sum : sum + ms), 0));
  const parts: [string, number][] = [...names.map((n): [string, number] => [n, median(runs.map((r) => r.steps.get(n) ?? 0))])];
  parts.sort((a, b) => b[1] - a[1]);
  parts.push(['in process (merge, files, hashing)', median(rest)]);
  return `${parts.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(' · ')} ms`;
}
