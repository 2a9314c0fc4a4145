import { afterEach, describe, expect, it } from 'vitest';
import { Sql } from '../../src/main/db/query';
import { createRepositories } from '../../src/main/db/repositories';
import { Git } from '../../src/main/services/sync/git';
import { mergeTrees } from '../../src/main/services/sync/merge-job';
import { cloneDir, fetchHead } from '../../src/main/services/sync/sync-clone';
import { teamTree } from '../../src/main/services/sync/sync-data';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const temp = tempDirs('sync-merge-job');
const cores: TestCore[] = [];

afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  temp.removeAll();
});

async function laptop(): Promise<TestCore> {
  const t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'), temp.make());
  cores.push(t);
  return t;
}

/**
 * Laptop a linked to a bare remote, then b's rename of a member pushed: a's clone has fetched it, and the job that
 * merges it into a is returned, to be run with a write of a's app between its snapshot and its write.
 */
async function incomingRename() {
  const remote = path.join(temp.make(), 'team.git');
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
  const a = await laptop();
  const demo = await a.call('demo.load', {});
  await a.call('sync.link', { teamId: demo.id, url: remote });
  const b = await laptop();
  await b.call('sync.link', { url: remote });
  const memberId = b.core.opened.db.prepare('SELECT id FROM members WHERE team_id = ? ORDER BY id LIMIT 1').pluck().get(demo.id) as string;
  await b.call('members.update', { memberId, name: 'Renamed on b', roleTitle: null });
  expect((await b.call('sync.run', { teamId: demo.id })).problem).toBeNull();
  const repos = createRepositories(new Sql(a.core.opened.db));
  const gitDir = cloneDir(a.dataDir, demo.id);
  const base = repos.syncLinks.get(demo.id)!.last_commit;
  const theirs = await fetchHead(new Git(), gitDir);
  const job = {
    file: a.core.opened.file,
    teamId: demo.id,
    gitDir,
    gitEnv: { ...process.env },
    base,
    theirs,
    parents: theirs ? [theirs] : [],
    committer: 'Cadence test <cadence@localhost>',
    now: a.clock.now(),
  };
  return { a, repos, teamId: demo.id, memberId, job };
}

const nameOf = (t: TestCore, memberId: string) => t.core.opened.db.prepare('SELECT name FROM members WHERE id = ?').pluck().get(memberId);

describe('the merge in the worker thread, beside the app’s writes', () => {
  it('reads again when the app wrote after its snapshot: the app’s write and the incoming change both stand', async () => {
    const { a, repos, teamId, memberId, job } = await incomingRename();
    const rename = a.core.opened.db.prepare('UPDATE teams SET name = ? WHERE id = ?');
    const result = await mergeTrees(job, (attempt) => {
      if (attempt === 1) rename.run('Renamed here meanwhile', teamId);
    });
    expect(result.attempts).toBe(2);
    expect((await a.call('teams.get', { teamId })).team.name).toBe('Renamed here meanwhile');
    expect(nameOf(a, memberId)).toBe('Renamed on b');
    // The database holds exactly the tree the round commits, the app's write included.
    expect([...teamTree(repos, teamId)]).toEqual([...result.tree!]);
    expect(result.tree!.get('cadence/team.jsonl')).toContain('Renamed here meanwhile');
  });

  it('a team that keeps changing is merged on the last attempt under the write lock, so the sync still ends', async () => {
    const { a, repos, teamId, memberId, job } = await incomingRename();
    const rename = a.core.opened.db.prepare('UPDATE teams SET name = ? WHERE id = ?');
    const result = await mergeTrees(job, (attempt) => rename.run(`Renamed here, attempt ${attempt}`, teamId));
    expect(result.attempts).toBe(3);
    expect(nameOf(a, memberId)).toBe('Renamed on b');
    // The last write came before the lock was taken: it is in the merge, and nothing after it could be.
    expect((await a.call('teams.get', { teamId })).team.name).toBe('Renamed here, attempt 3');
    expect([...teamTree(repos, teamId)]).toEqual([...result.tree!]);
  });
});
