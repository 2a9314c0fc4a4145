/**
 * The data half of a sync round, run in the worker thread (jobs.ts) so the thread that answers operations never
 * waits for it: reading both trees from the clone, parsing and checking them, reading the team's rows, merging,
 * and writing, on connections of its own. The command line, which has one thread, runs the same functions.
 */
import { createRepositories } from '../../db/repositories';
import { withReadConnection } from '../../db/side-connection';
import { withWriteConnection } from '../../db/write-connection';
import { GitFailure, Git } from './git';
import { readDataTree } from './git-tree';
import { mergedTree, planMerge, readTrees, sameFiles, writePlan, type MergeOutcome, type ReadTrees, type TreeFiles } from './sync-data';

/** Plain data, since it crosses threads: the database, the team, the clone and the commits to merge. */
export interface MergeJob {
  file: string;
  teamId: string;
  gitDir: string;
  /** The environment git runs in (the person's SSH agent and credential helpers). */
  gitEnv: Record<string, string | undefined>;
  base: string | null;
  theirs: string | null;
  /** The commit's parents (this laptop's last and the remote's head, neither repeated): with one, a merged tree equal to its tree needs no commit. */
  parents: string[];
  /** Who the commit names as its committer (the laptop's host name). */
  committer: string;
  fileCap?: number;
  now: number;
}

export interface MergeJobResult {
  /** The merged tree, or null when it is the one parent's (nothing to commit). */
  tree: TreeFiles | null;
  incoming: number;
  outgoing: number;
  conflicts: MergeOutcome['conflicts'];
  summary: string;
  read: MergeOutcome['read'];
  /** How many snapshots were read: more than one when the app wrote meanwhile. */
  attempts: number;
  /** How long the write held the database's write lock (the longest any write of the app can have waited), ms. */
  lockedMs: number;
}

/**
 * A write of the app between a snapshot and the merge's write (of any team: SQLite's data_version cannot tell)
 * reads again. The last attempt reads under the write lock, so a sync of a team that kept changing still ends,
 * with the app's writes waiting for that one read and write (a merge on the answering thread held everything).
 */
const ATTEMPTS = 3;

/** The last few trees read, by clone and commit: the check and the merge read the same two, and the next round its base. */
const KEEP_TREES = 4;
const trees = new Map<string, Promise<TreeFiles>>();

function treeOf(job: MergeJob, commit: string | null): Promise<TreeFiles | null> {
  if (!commit) return Promise.resolve(null);
  const key = `${job.gitDir}\n${commit}`;
  let files = trees.get(key);
  if (!files) {
    files = readDataTree(new Git(job.gitEnv), job.gitDir, commit, job.fileCap);
    // A failed read is not kept: the next sync reads again.
    files.catch(() => trees.delete(key));
    if (trees.size >= KEEP_TREES) trees.delete(trees.keys().next().value!);
  } else trees.delete(key);
  trees.set(key, files);
  return files;
}

/** git's failure keeps its kind across threads (the worker sends an error's name, message and code). */
async function keepingKind<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GitFailure) throw Object.assign(error, { code: error.kind });
    throw error;
  }
}

/**
 * The last few checks that passed, by database, team, clone, commits and cap: a commit's content never changes, and
 * what a tree is checked against (the database's columns and built-in templates, the team) does not within a
 * process, so the timer's sync that finds nothing new does not check the same commit again.
 */
const KEEP_CHECKS = 8;
const checked = new Set<string>();
const checkKey = (job: MergeJob) => JSON.stringify([job.file, job.teamId, job.gitDir, job.base, job.theirs, job.fileCap ?? null]);

/** The trees the last check read, for the merge of the same round: a remote's tree is read into rows once, not twice. */
let lastRead: { key: string; trees: ReadTrees } | null = null;

/** Reads, parses and checks both trees, writing nothing: throws TreeRefused or SyncRefused with the reason. */
export function checkTrees(job: MergeJob): Promise<void> {
  return keepingKind(async () => {
    const key = checkKey(job);
    if (checked.has(key)) return;
    const [base, theirs] = await Promise.all([treeOf(job, job.base), treeOf(job, job.theirs)]);
    lastRead = { key, trees: withReadConnection(job.file, (sql) => readTrees(createRepositories(sql), job.teamId, base, theirs)) };
    if (checked.size >= KEEP_CHECKS) checked.delete(checked.values().next().value!);
    checked.add(key);
  });
}

class Stale extends Error {}

/** The commit's one parent, or null for a merge of two histories or a first commit. */
export const onlyParent = (job: Pick<MergeJob, 'parents'>): string | null => (job.parents.length === 1 ? job.parents[0]! : null);

/**
 * Merges both trees into the database in ONE transaction on a connection of the worker's own. The team's rows are
 * read in a snapshot while the app goes on writing; the write then takes the write lock and goes ahead only if
 * nothing was committed since that snapshot (PRAGMA data_version), else it reads again. `afterSnapshot` lets a
 * test write in between, as the app may.
 */
export function mergeTrees(job: MergeJob, afterSnapshot: (attempt: number) => void = () => undefined): Promise<MergeJobResult> {
  return keepingKind(async () => {
    const [base, theirs, parent] = await Promise.all([treeOf(job, job.base), treeOf(job, job.theirs), treeOf(job, onlyParent(job))]);
    return withWriteConnection(job.file, (sql) => {
      const { db } = sql;
      const repos = createRepositories(sql);
      // Nothing mutates a read tree's state: the one the round's check read is the one this merge would read.
      const trees = lastRead?.key === checkKey(job) ? lastRead.trees : readTrees(repos, job.teamId, base, theirs);
      lastRead = null;
      const plan = () => planMerge(repos, job.now, job.teamId, trees);
      const version = () => db.pragma('data_version', { simple: true }) as number;
      for (let attempt = 1; ; attempt++) {
        let seen = 0;
        // data_version, read first, starts the snapshot the plan is read in.
        const planned = attempt < ATTEMPTS ? db.transaction(() => ((seen = version()), plan()))() : null;
        afterSnapshot(attempt);
        const started = performance.now();
        try {
          const [done, written] = db
            .transaction(() => {
              if (planned && version() !== seen) throw new Stale();
              const used = planned ?? plan();
              return [used, writePlan(repos, job.teamId, used)] as const;
            })
            .immediate();
          const lockedMs = performance.now() - started;
          // Laid out once the write lock is let go: the tree is what the database now holds.
          const { tree, incoming, outgoing, conflicts, summary, read } = mergedTree(repos, job.teamId, done, written);
          return {
            tree: parent && sameFiles(tree, parent) ? null : tree,
            incoming,
            outgoing,
            conflicts,
            summary,
            read,
            attempts: attempt,
            lockedMs,
          };
        } catch (error) {
          if (!(error instanceof Stale)) throw error;
        }
      }
    });
  });
}
