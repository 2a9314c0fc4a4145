import { execFileSync } from 'node:child_process';
import { Sql } from '../../src/main/db/query';
import { createRepositories } from '../../src/main/db/repositories';
import { collectDecisions } from '../../src/main/services/exports/decision-records';
import { decisionsMadr } from '../../src/main/services/exports/decisions-madr';
import { Git } from '../../src/main/services/sync/git';
import { MADR_FOLDER, README, writeCommit } from '../../src/main/services/sync/git-tree';
import { cloneDir } from '../../src/main/services/sync/sync-clone';
import { teamTree } from '../../src/main/services/sync/sync-data';
import { repositoryReadme } from '../../src/main/services/sync/sync-readme';
import type { TestCore } from './core';

const gitIn = (dir: string, ...args: string[]) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8' }).trim();

/** A commit's tree id. */
export const treeOf = (dir: string, commit: string) => gitIn(dir, 'rev-parse', `${commit}^{tree}`);

/**
 * The tree id of what a sync commits, built whole from this laptop's database on the test's thread (no cache of a
 * merge, no memo of rendered records): the data laid out afresh, the MADR folder rendered afresh, the README. Written
 * as a commit of no parent into the team's clone, so its id compares with the one a sync committed.
 */
export async function wholeTree(t: TestCore, teamId: string): Promise<string> {
  const repos = createRepositories(new Sql(t.core.opened.db));
  const files = new Map(teamTree(repos, teamId));
  for (const f of decisionsMadr(collectDecisions(repos, teamId))) files.set(`${MADR_FOLDER}${f.suggestedName}`, f.content);
  files.set(README, repositoryReadme(repos.teams.find(teamId)!.name, teamId));
  const dir = cloneDir(t.dataDir, teamId);
  const commit = await writeCommit(new Git(), dir, {
    files,
    parents: [],
    message: 'whole\n',
    at: Date.parse('2026-11-24T09:00:00Z'),
    committer: 'Cadence test <cadence@localhost>',
  });
  return treeOf(dir, commit);
}

/** The tree of the laptop's last sync commit is the one a whole rebuild of its database gives. */
export async function expectSyncedWhole(t: TestCore, teamId: string): Promise<void> {
  const repos = createRepositories(new Sql(t.core.opened.db));
  const last = repos.syncLinks.get(teamId)?.last_commit;
  if (!last) throw new Error('the laptop has not synced this team');
  const dir = cloneDir(t.dataDir, teamId);
  const synced = treeOf(dir, last);
  const whole = await wholeTree(t, teamId);
  if (synced !== whole)
    throw new Error(
      `the last sync committed a tree other than a whole rebuild of the database gives:\n${gitIn(dir, 'diff', synced, whole)}`,
    );
}
