import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeEvery, openTestCore, type TestCore } from '../support/core';
import { fillDisk, mountProblem, testMounts } from '../support/mounts';
import { tempDirs } from '../support/temp-dirs';

/**
 * Repositories as teams really set them up, and disks as they really fill: each failure says what the person can
 * do about it, not that others kept pushing or that git could not complete, and keeps everything here.
 */
const temp = tempDirs('sync-git-faults');
const mounts = testMounts();
const cores: TestCore[] = [];
afterEach(() => {
  try {
    closeEvery(cores.splice(0));
  } finally {
    mounts.unmountAll();
    temp.removeAll();
  }
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }).trim();

function bareRemote(parent = temp.make()): string {
  const dir = path.join(parent, 'team.git');
  git(parent, 'init', '--bare', '--quiet', '--initial-branch=main', dir);
  return dir;
}

async function laptop(dataDir = temp.make()): Promise<TestCore> {
  const t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'), dataDir);
  cores.push(t);
  return t;
}

/** A fresh small filesystem, so a full disk is a real one (ENOSPC from the kernel). */
function smallDisk(size: string): string {
  const dir = temp.make();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  mounts.track(dir);
  return dir;
}

/** How many `git push` processes git's own trace (GIT_TRACE2_EVENT, one file per process) holds. */
function pushesIn(trace: string): number {
  return fs.readdirSync(trace).filter((file) =>
    fs
      .readFileSync(path.join(trace, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .some((line) => {
        const e = JSON.parse(line) as { event: string; argv?: string[] };
        return e.event === 'start' && e.argv?.[0] === 'git' && e.argv.includes('push');
      }),
  ).length;
}

const cannotMount = mountProblem((probe) => ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
const notRoot = process.getuid?.() !== 0;

describe('a repository set up the way a team might', () => {
  it('a folder with its files checked out (git init without --bare) is named as such, and the push is not retried as a race', async () => {
    const work = temp.make();
    git(work, 'init', '--quiet', '--initial-branch=main');
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    const trace = temp.make();
    process.env.GIT_TRACE2_EVENT = trace;
    let status;
    try {
      status = await a.call('sync.link', { teamId: team.id, url: work });
    } finally {
      delete process.env.GIT_TRACE2_EVENT;
    }
    expect(pushesIn(trace)).toBe(1);
    expect(status.problem?.kind).toBe('not-bare');
    expect(status.problem?.message).toMatch(/^The repository at that address is a folder with its files checked out.*git init --bare/);
    expect(status.waiting.unpushed).toBe(true);
  });

  it('another team’s repository is refused with both teams’ names, not their ids, and nothing of either is written', async () => {
    const remote = bareRemote();
    const a = await laptop();
    const platform = await a.call('demo.load', {});
    await a.call('sync.link', { teamId: platform.id, url: remote });
    const head = git(remote, 'rev-parse', 'main');
    const b = await laptop();
    const design = await b.call('teams.create', { name: 'Design', timeZone: 'Europe/Berlin', members: ['Ada'] });
    const status = await b.call('sync.link', { teamId: design.id, url: remote });
    expect(status.problem).toEqual({
      kind: 'refused',
      message: `The repository was refused: The repository holds another team, “${platform.name}”, not “Design”: a repository holds one team. Link this team to an empty repository; to have “${platform.name}” on this laptop, run cadence sync link <address> without --team. Nothing was synced.`,
    });
    expect(git(remote, 'rev-parse', 'main')).toBe(head);
    expect((await b.call('teams.list', {})).map((t) => t.name)).toEqual(['Design']);
  });

  it('an address whose host or user is an ssh option is refused in words, linking nothing and running nothing', async () => {
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    const witness = path.join(temp.make(), 'ran');
    for (const url of [
      `ssh://-oProxyCommand=touch%20${witness}/team.git`,
      'git@-oProxyCommand=x:team.git',
      'ssh://-oProxyCommand=x@example.com/team.git',
    ])
      expect(await a.fail('sync.link', { teamId: team.id, url }), url).toMatchObject({
        code: 'invalid_input',
        message: 'A repository address’s host or user name does not start with “-”.',
      });
    expect((await a.call('sync.status', { teamId: team.id })).url).toBeNull();
    expect(fs.existsSync(witness)).toBe(false);
  });

  it('a repository in a folder runs none of its hooks on this laptop when Cadence pushes to it', async () => {
    const remote = bareRemote();
    const witness = path.join(temp.make(), 'ran');
    for (const hook of ['pre-receive', 'update', 'post-receive', 'post-update', 'reference-transaction']) {
      fs.writeFileSync(path.join(remote, 'hooks', hook), `#!/bin/sh\necho ${hook} >> '${witness}'\n`);
      fs.chmodSync(path.join(remote, 'hooks', hook), 0o755);
    }
    // A command its settings give git to list the refs of a repository it borrows objects from.
    const borrowed = bareRemote();
    fs.writeFileSync(path.join(remote, 'objects', 'info', 'alternates'), `${path.join(borrowed, 'objects')}\n`);
    git(remote, 'config', 'core.alternateRefsCommand', `echo alternates >> '${witness}'; true`);
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    expect((await a.call('sync.link', { teamId: team.id, url: remote })).problem).toBeNull();
    await a.call('teams.rename', { teamId: team.id, name: 'Platform team' });
    expect((await a.call('sync.link', { teamId: team.id, url: `file://${remote}` })).problem).toBeNull();
    expect(git(remote, 'log', '-1', '--format=%(trailers:key=Cadence-Team,valueonly)', 'main')).toBe(team.id);
    expect(fs.existsSync(witness) ? fs.readFileSync(witness, 'utf8') : 'no hook ran').toBe('no hook ran');
  });

  it.skipIf(notRoot)('a bare repository of another account (a shared drive) says how to trust it', async () => {
    const remote = bareRemote();
    execFileSync('chown', ['-R', 'nobody', remote]);
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    const status = await a.call('sync.link', { teamId: team.id, url: remote });
    expect(status.problem).toEqual({
      kind: 'untrusted',
      message: expect.stringMatching(/^git does not trust the repository’s folder: it belongs to another account/) as string,
    });
    expect(status.problem?.message).toContain(`git config --global --add safe.directory ${remote})`);
    // Joining from the address alone says the same.
    const b = await laptop();
    expect((await b.fail('sync.link', { url: remote })).message).toContain(`safe.directory ${remote}`);
  });
});

describe.skipIf(cannotMount)(`a full disk${cannotMount ? ` (skipped: ${cannotMount})` : ''}`, () => {
  it('the repository’s disk full is named, nothing here is lost, and the next sync after freeing it sends everything', async () => {
    const disk = smallDisk('4m');
    const remote = bareRemote(disk);
    const a = await laptop();
    const demo = await a.call('demo.load', {});
    expect((await a.call('sync.link', { teamId: demo.id, url: remote })).problem).toBeNull();
    const free = fillDisk(disk);
    for (let i = 0; i < 10; i++) await a.call('members.add', { teamId: demo.id, name: `Joined ${i}` });
    const full = await a.call('sync.run', { teamId: demo.id });
    expect(full.problem?.kind).toBe('disk-full');
    expect(full.problem?.message).toMatch(/^A disk is full: this computer’s, or the one the repository is on\./);
    expect(full.waiting.unpushed).toBe(true);
    free();
    expect(await a.call('sync.run', { teamId: demo.id })).toMatchObject({ problem: null, waiting: { unpushed: false } });
    expect(git(remote, 'grep', '--count', 'Joined 9', 'main', '--', 'cadence/')).not.toBe('');
  });

  it('this computer’s disk full: a sync that cannot make its backup says so on the team page (it was only thrown, so a sync in the background said nothing)', async () => {
    const remote = bareRemote();
    const a = await laptop();
    const demo = await a.call('demo.load', {});
    await a.call('sync.link', { teamId: demo.id, url: remote });
    const disk = smallDisk('64m');
    const b = await laptop(disk);
    expect((await b.call('sync.link', { url: remote })).problem).toBeNull();
    for (let i = 0; i < 10; i++) await a.call('members.add', { teamId: demo.id, name: `Joined ${i}` });
    await a.call('sync.run', { teamId: demo.id });
    // Room for what git fetches and a line in the database, not for the backup (a copy of the database) made before the merge.
    const free = fillDisk(disk, 512 * 1024);
    const noBackup = await b.call('sync.run', { teamId: demo.id });
    expect(noBackup.problem).toEqual({
      kind: 'disk-full',
      message:
        'A disk is full: this computer’s, or the one the repository is on. Free some space; everything is kept here and goes out on the next sync.',
    });
    free();
    expect((await b.call('sync.run', { teamId: demo.id })).problem).toBeNull();
    expect((await b.call('teams.get', { teamId: demo.id })).members.map((m) => m.name)).toContain('Joined 9');
  });
});
