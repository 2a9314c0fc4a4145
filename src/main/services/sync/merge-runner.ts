import { GitFailure, type GitFailureKind } from './git';
import { TreeRefused } from './git-tree';
import type { MergeCommitResult } from './merge-commit';
import type { MergeJob } from './merge-job';
import { SyncPostponed, SyncRefused } from './sync-refused';

/** What a round asks of the data half; the runner adds the database file and git's environment. */
export type RoundJob = Omit<MergeJob, 'file' | 'gitEnv'>;

/** The data half of a round (merge-job.ts), wherever it runs: checks both trees writing nothing, then merges and commits. */
export interface DataRunner {
  check: (job: RoundJob) => Promise<void>;
  merge: (job: RoundJob) => Promise<MergeCommitResult>;
}

/**
 * On this thread: the command line, which answers no one meanwhile. The merge's code loads when a round first needs
 * it: the app's main thread imports this file for dataInWorker alone, and loading the merge with it (the MADR records
 * and their Markdown and YAML libraries) cost every start's CPU for code that never runs there.
 */
export function dataInThisThread(file: string, gitEnv: MergeJob['gitEnv']): DataRunner {
  return {
    check: async (job) => (await import('./merge-job')).checkTrees({ ...job, file, gitEnv }),
    merge: async (job) => (await import('./merge-commit')).mergeAndCommit({ ...job, file, gitEnv }),
  };
}

/** In the worker thread (the app): its refusals come back as the errors the round and the sync service know. */
export function dataInWorker(
  worker: { check: (job: MergeJob) => Promise<void>; merge: (job: MergeJob) => Promise<MergeCommitResult> },
  file: string,
  gitEnv: MergeJob['gitEnv'],
): DataRunner {
  const rebuilt = <T>(work: Promise<T>): Promise<T> => work.catch((error: unknown) => Promise.reject(fromWorker(error)));
  return {
    check: (job) => rebuilt(worker.check({ ...job, file, gitEnv })),
    merge: (job) => rebuilt(worker.merge({ ...job, file, gitEnv })),
  };
}

/** A worker's error arrives as a name, a message and a code: the sync's own errors are made again from them. */
function fromWorker(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { name, message } = error;
  const code = (error as { code?: unknown }).code;
  if (name === 'TreeRefused') return new TreeRefused(message);
  if (name === 'SyncPostponed') return new SyncPostponed(message);
  if (name === 'GitFailure' && typeof code === 'string') return new GitFailure(code as GitFailureKind, message);
  if (name === 'SyncRefused') {
    // The message already ends as a refusal's does: it is kept as it is, not ended a second time.
    const refused = new SyncRefused('');
    refused.message = message;
    return refused;
  }
  return error;
}
