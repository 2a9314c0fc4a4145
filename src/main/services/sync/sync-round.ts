import os from 'node:os';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { SyncLinkRow } from '../../db/repositories/sync-links-repository';
import { GitFailure, type Git } from './git';
import { commitOrNull, fetchHead, isAncestor, keepAndPush, mergeBase, sameTree } from './sync-clone';
import type { DataRunner } from './merge-runner';
import type { MergeOutcome } from './sync-data';
import { SyncPostponed } from './sync-refused';

export { SyncPostponed };

/** What a sync round needs from the app: the database, and the slow or outside steps it hands elsewhere. */
export interface RoundDeps {
  repos: Repositories;
  clock: Clock;
  git: Git;
  /** A backup of the database, made before a merge that brings anything in writes it. */
  backup: () => Promise<unknown>;
  /** Announces the merge's change once it committed, so open views re-read while the push goes on. */
  merged: (teamId: string) => void;
  /** The per-file cap for what a repository may hand over (tests lower it). */
  fileCap?: number;
  /** Reads, checks and merges the trees into the database and commits, off the thread that answers operations in the app. */
  data: DataRunner;
  /** Whether a meeting is being held on this laptop: a merge never runs beside its writes. */
  meetingLive: () => boolean;
}

export interface RoundResult {
  commit: string;
  pushed: boolean;
  outcome: Omit<MergeOutcome, 'tree'>;
  /** The repository's history no longer held this laptop's last pushed commit: merged with no base. */
  rewritten: boolean;
  /** Why the push did not go out (the merge and the commit are kept here and go out next time). */
  pushFailure: GitFailure | null;
}

/** The commits' committer: this laptop, by its host name. */
const COMMITTER = `Cadence on ${os.hostname() || 'this laptop'} <cadence@localhost>`;

/** A rejected push means someone pushed meanwhile: fetch, merge and try again, a few times. */
const PUSH_ATTEMPTS = 4;

interface Plan {
  base: string | null;
  theirs: string | null;
  parents: string[];
  rewritten: boolean;
}

/**
 * Where this laptop stands against the remote's head: the merge's base is what both last agreed on (the merge
 * base of this laptop's last commit and the remote's head), its parents the two heads with neither repeated.
 * A remote whose history lost a commit this laptop had pushed was rewritten: merged with no base, which can only
 * add, so nothing local is lost, and its history is not grown back.
 */
async function plan(git: Git, dir: string, link: SyncLinkRow, remote: string | null): Promise<Plan> {
  const last = link.last_commit && (await commitOrNull(git, dir, link.last_commit));
  if (!remote) return { base: null, theirs: null, parents: last ? [last] : [], rewritten: Boolean(last && link.pushed) };
  if (!last) return { base: null, theirs: remote, parents: [remote], rewritten: false };
  if (remote === last || (await isAncestor(git, dir, remote, last)))
    return { base: remote, theirs: remote, parents: [last], rewritten: false };
  if (await isAncestor(git, dir, last, remote)) return { base: last, theirs: remote, parents: [remote], rewritten: false };
  if (link.pushed) return { base: null, theirs: remote, parents: [remote], rewritten: true };
  return { base: await mergeBase(git, dir, last, remote), theirs: remote, parents: [last, remote], rewritten: false };
}

/** One sync of a team: fetch, check and read, merge into the database, commit the merged state, push. */
export async function syncRound(deps: RoundDeps, dir: string, link: SyncLinkRow): Promise<RoundResult> {
  const { git, clock } = deps;
  const teamId = link.team_id;
  for (let attempt = 1; ; attempt++) {
    const remote = await fetchHead(git, dir);
    const p = await plan(git, dir, link, remote);
    const job = { teamId, gitDir: dir, base: p.base, theirs: p.theirs, parents: p.parents, committer: COMMITTER };
    // Everything read is checked before anything is written: both trees first, then the backup, then the merge.
    await deps.data.check({ ...job, fileCap: deps.fileCap, now: clock.now() });
    // Their head is the base (the timer's usual sync, or one that only sends): nothing comes in, no tree to compare.
    const bringsAnything = p.theirs !== null && p.theirs !== p.base && (p.base === null || !(await sameTree(git, dir, p.base, p.theirs)));
    if (deps.meetingLive()) throw new SyncPostponed('A meeting began: the merge waits for its end.');
    if (bringsAnything) await deps.backup();
    // Merged and committed where the trees were read: only the commit's id and the outcome come back.
    const { commit, ...outcome } = await deps.data.merge({ ...job, fileCap: deps.fileCap, now: clock.now() });
    if (outcome.incoming > 0 || outcome.conflicts.length > 0) deps.merged(teamId);
    if (commit === remote) return { commit, pushed: true, outcome, rewritten: p.rewritten, pushFailure: null };
    try {
      // A commit that is none of its parents was just written onto the clone's branch.
      await keepAndPush(git, dir, link.url, commit, !p.parents.includes(commit));
      return { commit, pushed: true, outcome, rewritten: p.rewritten, pushFailure: null };
    } catch (error) {
      if (!(error instanceof GitFailure)) throw error;
      if (error.kind === 'rejected' && attempt < PUSH_ATTEMPTS) continue;
      return { commit, pushed: false, outcome, rewritten: p.rewritten, pushFailure: error };
    }
  }
}
