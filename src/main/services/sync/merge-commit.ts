/**
 * The data half of a round ends with its commit, made in the thread that merged: the merged tree (every file of a
 * ten-year team) and the MADR folder never cross to the thread that answers operations, which gets the commit's id,
 * and the trees this thread read and wrote (known-trees.ts) are those the next round's check looks for.
 */
import { createRepositories } from '../../db/repositories';
import { withReadConnection } from '../../db/side-connection';
import { collectDecisions } from '../exports/decision-records';
import { decisionsMadr } from '../exports/decisions-madr';
import type { MadrMemo } from '../exports/madr-memo';
import { Git } from './git';
import { MADR_FOLDER, README, writeCommit } from './git-tree';
import { mergeTrees, onlyParent, type MergeJob, type MergeJobResult } from './merge-job';
import { OWN_BRANCH, TEAM_TRAILER } from './sync-clone';
import { repositoryReadme } from './sync-readme';

export interface MergeCommitResult extends Omit<MergeJobResult, 'tree'> {
  /** The round's commit: a new one, or the one parent when the merge changed nothing it holds. */
  commit: string;
  /** Where the job's time went, ms (the bench shows it): the merge, the MADR folder, the commit. */
  steps: { merge: number; madr: number; commit: number };
}

/**
 * Merges (mergeTrees), then commits the merged data, the MADR folder regenerated from the database (never merged) and
 * the README. `madr` keeps each team's rendered records from one sync to the next, so only changed ones render again.
 */
export async function mergeAndCommit(job: MergeJob, madr?: MadrMemo): Promise<MergeCommitResult> {
  const started = performance.now();
  const { tree, ...outcome } = await mergeTrees(job);
  const merged = performance.now();
  const parent = onlyParent(job);
  // The data as the one parent holds it: nothing to commit (the timer's usual sync), and no MADR folder to build.
  if (tree === null && parent) return { commit: parent, ...outcome, steps: { merge: merged - started, madr: 0, commit: 0 } };
  const files = new Map(tree ?? []);
  const teamName = withReadConnection(job.file, (sql) => {
    const repos = createRepositories(sql);
    for (const f of decisionsMadr(collectDecisions(repos, job.teamId), madr?.forTeam(job.teamId)))
      files.set(`${MADR_FOLDER}${f.suggestedName}`, f.content);
    return repos.teams.find(job.teamId)?.name;
  });
  files.set(README, repositoryReadme(teamName ?? 'This team', job.teamId));
  const rendered = performance.now();
  // Nothing new since the one parent (the README or MADR folder as before): writeCommit answers that parent, no empty commit.
  const commit = await writeCommit(new Git(job.gitEnv), job.gitDir, {
    files,
    parents: job.parents,
    message: `${outcome.summary}\n\n${TEAM_TRAILER}: ${job.teamId}\n`,
    at: job.now,
    committer: job.committer,
    ref: OWN_BRANCH,
  });
  return { commit, ...outcome, steps: { merge: merged - started, madr: rendered - merged, commit: performance.now() - rendered } };
}
