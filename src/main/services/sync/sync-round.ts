import os from 'node:os';
import type { ExportedFile } from '@shared/planning';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { SyncLinkRow } from '../../db/repositories/sync-links-repository';
import { GitFailure, type Git } from './git';
import { commitOrNull, fetchHead, isAncestor, keepAndPush, mergeBase, TEAM_TRAILER, treeOf } from './sync-clone';
import { MADR_FOLDER, README, readDataTree, writeCommit } from './git-tree';
import { mergeTeamTree, sameFiles, type MergeOutcome, type TreeFiles } from './sync-data';
import { repositoryReadme } from './sync-readme';

/** What a sync round needs from the app: the database, and the slow or outside steps it hands elsewhere. */
export interface RoundDeps {
  repos: Repositories;
  clock: Clock;
  git: Git;
  /** A backup of the database, made before a merge that brings anything in writes it. */
  backup: () => Promise<unknown>;
  /** The team's decision log as MADR files (the existing export), read after the merge committed. */
  madr: (teamId: string) => Promise<ExportedFile[]>;
  /** Announces the merge's change once it committed, so open views re-read while the push goes on. */
  merged: (teamId: string) => void;
  /** The per-file cap for what a repository may hand over (tests lower it). */
  fileCap?: number;
  /** Whether a meeting is being held on this laptop: a merge never runs beside its writes. */
  meetingLive: () => boolean;
}

/** A meeting began while the round fetched: nothing was written, and the meeting's end syncs the team again. */
export class SyncPostponed extends Error {}

export interface RoundResult {
  commit: string;
  pushed: boolean;
  outcome: MergeOutcome;
  /** The repository's history no longer held this laptop's last pushed commit: merged with no base. */
  rewritten: boolean;
  /** Why the push did not go out (the merge and the commit are kept here and go out next time). */
  pushFailure: GitFailure | null;
}

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

/** The merged data, the MADR folder regenerated from the database (never merged) and the README, as one commit. */
async function commitMerged(deps: RoundDeps, dir: string, teamId: string, outcome: MergeOutcome, parents: string[]): Promise<string> {
  const files = new Map(outcome.tree);
  for (const f of await deps.madr(teamId)) files.set(`${MADR_FOLDER}${f.suggestedName}`, f.content);
  files.set(README, repositoryReadme(deps.repos.teams.find(teamId)?.name ?? 'This team', teamId));
  return writeCommit(deps.git, dir, {
    files,
    parents,
    message: `${outcome.summary}\n\n${TEAM_TRAILER}: ${teamId}\n`,
    at: deps.clock.now(),
    committer: `Cadence on ${os.hostname() || 'this laptop'} <cadence@localhost>`,
  });
}

/** One sync of a team: fetch, check and read, merge into the database, commit the merged state, push. */
export async function syncRound(deps: RoundDeps, dir: string, link: SyncLinkRow): Promise<RoundResult> {
  const { git, repos, clock } = deps;
  const teamId = link.team_id;
  // Read once per commit, also when base and theirs are the same commit and are asked for at once.
  const trees = new Map<string, Promise<TreeFiles>>();
  const read = (commit: string | null): Promise<TreeFiles | null> => {
    if (!commit) return Promise.resolve(null);
    let files = trees.get(commit);
    if (!files) trees.set(commit, (files = readDataTree(git, dir, commit, deps.fileCap)));
    return files;
  };
  for (let attempt = 1; ; attempt++) {
    const remote = await fetchHead(git, dir);
    const p = await plan(git, dir, link, remote);
    // Everything read is checked before anything is written: both trees first, then the backup, then the merge.
    const [base, theirs] = await Promise.all([read(p.base), read(p.theirs)]);
    const bringsAnything =
      p.theirs !== null && (p.base === null || (await treeOf(git, dir, p.base)) !== (await treeOf(git, dir, p.theirs)));
    if (deps.meetingLive()) throw new SyncPostponed('A meeting began: the merge waits for its end.');
    if (bringsAnything) await deps.backup();
    const outcome = mergeTeamTree(repos, clock, teamId, base, theirs);
    if (outcome.incoming > 0 || outcome.conflicts.length > 0) deps.merged(teamId);
    const [only] = p.parents;
    // The data as the one parent holds it: nothing to commit (the timer's usual sync), and no MADR folder to build.
    const unchanged = p.parents.length === 1 && only !== undefined && sameFiles(outcome.tree, (await read(only))!);
    let commit = unchanged ? only : await commitMerged(deps, dir, teamId, outcome, p.parents);
    // Nothing new since the one parent (the README or MADR folder as before): keep that commit rather than add an empty one.
    if (p.parents.length === 1 && only && (await treeOf(git, dir, commit)) === (await treeOf(git, dir, only))) commit = only;
    if (commit === remote) return { commit, pushed: true, outcome, rewritten: p.rewritten, pushFailure: null };
    try {
      await keepAndPush(git, dir, commit);
      return { commit, pushed: true, outcome, rewritten: p.rewritten, pushFailure: null };
    } catch (error) {
      if (!(error instanceof GitFailure)) throw error;
      if (error.kind === 'rejected' && attempt < PUSH_ATTEMPTS) continue;
      return { commit, pushed: false, outcome, rewritten: p.rewritten, pushFailure: error };
    }
  }
}
