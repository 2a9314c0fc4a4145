import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cloneDir } from '../../src/main/services/sync/sync-clone';
import { Git, GIT_MISSING } from '../../src/main/services/sync/git';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';
import { runCli } from '../../src/main/cli/run-cli';

const temp = tempDirs('sync');
const cores: TestCore[] = [];

afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  temp.removeAll();
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }).trim();

function bareRemote(): string {
  const dir = path.join(temp.make(), 'team.git');
  git(path.dirname(dir), 'init', '--bare', '--quiet', '--initial-branch=main', dir);
  return dir;
}

async function laptop(): Promise<TestCore> {
  const t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'), temp.make());
  cores.push(t);
  return t;
}

/** Everything a data folder holds outside the clones, by path: what the folder-counting tests see. */
const filesOutsideSync = (dataDir: string) =>
  fs.readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((p) => !p.startsWith('sync'));

/** Pushes a commit made by hand in a clone of the remote: `build` changes the clone and stages what it changed. */
function pushByHand(remote: string, build: (work: string) => void, message = 'by hand'): void {
  const work = temp.make();
  git(work, 'clone', '--quiet', remote, '.');
  git(work, 'config', 'user.email', 'someone@example.com');
  git(work, 'config', 'user.name', 'Someone');
  build(work);
  git(work, 'commit', '--quiet', '-m', message);
  git(work, 'push', '--quiet', 'origin', 'HEAD:main');
}

describe('sync through a git repository', () => {
  it('checks that git is where the tests expect it', () => {
    expect(fs.existsSync('/usr/bin/git')).toBe(true);
  });

  it('links a team, pushes it, and a second data folder joins it from the address alone', async () => {
    const remote = bareRemote();
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    const status = await a.call('sync.link', { teamId: team.id, url: remote });
    expect(status).toMatchObject({
      url: remote,
      problem: null,
      lastSyncAt: a.clock.now(),
      waiting: { unpushed: false, changesSinceSync: 0 },
    });
    const files = git(remote, 'ls-tree', '-r', '--name-only', 'main').split('\n');
    expect(files).toContain('README.md');
    expect(files.some((f) => f.startsWith('cadence/'))).toBe(true);
    expect(git(remote, 'log', '-1', '--format=%(trailers:key=Cadence-Team,valueonly)', 'main')).toBe(team.id);
    // The clone is private, and nothing else in the data folder changed for it.
    expect(fs.statSync(cloneDir(a.dataDir, team.id)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(a.dataDir, 'sync')).mode & 0o777).toBe(0o700);

    const b = await laptop();
    const before = filesOutsideSync(b.dataDir).length;
    const joined = await b.call('sync.link', { url: remote });
    expect(joined).toMatchObject({ teamId: team.id, problem: null });
    expect((await b.call('teams.list', {})).map((t) => t.name)).toContain('Platform');
    expect(filesOutsideSync(b.dataDir).length).toBeGreaterThanOrEqual(before);
    expect(fs.readdirSync(path.join(b.dataDir, 'sync'))).toEqual([team.id]);

    // A sync with nothing new on either side adds no commit.
    const head = git(remote, 'rev-parse', 'main');
    await a.call('sync.run', { teamId: team.id });
    expect(git(remote, 'rev-parse', 'main')).toBe(head);
  });

  it('counts what waits to go out, and a remote that cannot be reached keeps it with the reason', async () => {
    const remote = bareRemote();
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    await a.call('sync.link', { teamId: team.id, url: remote });
    await a.call('members.add', { teamId: team.id, name: 'Ada' });
    expect((await a.call('sync.status', { teamId: team.id })).waiting.changesSinceSync).toBe(1);
    fs.renameSync(remote, `${remote}-away`);
    const failed = await a.call('sync.run', { teamId: team.id });
    expect(failed.problem?.kind).toBe('not-found');
    expect(failed.problem?.message).toMatch(/no repository at that address/);
    // The message names git's command, not the clone's folder.
    expect(failed.problem?.message).toMatch(/\(git fetch failed: /);
    expect(failed.waiting.changesSinceSync).toBe(1);
    fs.renameSync(`${remote}-away`, remote);
    const ok = await a.call('sync.run', { teamId: team.id });
    expect(ok).toMatchObject({ problem: null, waiting: { unpushed: false, changesSinceSync: 0 } });
  });

  it('never merges beside a live meeting: Sync now says so in words, and the meeting’s end syncs the team', async () => {
    const remote = bareRemote();
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ada'] });
    await a.call('sync.link', { teamId: team.id, url: remote });
    const head = git(remote, 'rev-parse', 'main');
    const { meetingId } = await a.call('meetings.create', {
      teamId: team.id,
      title: 'Weekly',
      date: '2026-11-30',
      time: '10:00',
      lengthMin: 30,
    });
    await a.call('meetings.start', { meetingId });
    const refused = await a.fail('sync.run', { teamId: team.id });
    expect([refused.code, refused.message]).toEqual([
      'conflict',
      'A meeting is being held on this laptop: the team syncs when it ends, so the meeting never waits for git.',
    ]);
    expect(git(remote, 'rev-parse', 'main')).toBe(head);
    await a.call('meetings.end', { meetingId });
    // The sync after the meeting runs in the background: wait for the meeting to reach the repository.
    await expect.poll(() => git(remote, 'rev-parse', 'main'), { timeout: 20_000 }).not.toBe(head);
    await expect.poll(async () => (await a.call('sync.status', { teamId: team.id })).running, { timeout: 20_000 }).toBe(false);
  });

  it('a rewritten remote (its history lost what this laptop pushed) is merged with no base, losing nothing here', async () => {
    const remote = bareRemote();
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    await a.call('members.add', { teamId: team.id, name: 'Ada' });
    await a.call('sync.link', { teamId: team.id, url: remote });
    const work = temp.make();
    git(work, 'init', '--quiet', '--initial-branch=main');
    fs.writeFileSync(path.join(work, 'README.md'), '# Started over\n');
    git(work, 'add', '-A');
    git(work, '-c', 'user.name=Someone', '-c', 'user.email=someone@example.com', 'commit', '--quiet', '-m', 'Start over');
    git(work, 'push', '--quiet', '--force', remote, 'HEAD:main');
    const orphan = git(work, 'rev-parse', 'HEAD');
    const status = await a.call('sync.run', { teamId: team.id });
    expect(status.problem?.kind).toBe('rewritten');
    expect(status.problem?.message).toMatch(/history was rewritten .* keeping everything from this laptop/);
    expect((await a.call('teams.get', { teamId: team.id })).members.map((m) => m.name)).toEqual(['Ada']);
    expect(git(remote, 'rev-parse', 'main^')).toBe(orphan);
    expect(
      git(remote, 'ls-tree', '-r', '--name-only', 'main')
        .split('\n')
        .some((f) => f.startsWith('cadence/')),
    ).toBe(true);
    expect((await a.call('sync.run', { teamId: team.id })).problem).toBeNull();
  });

  it('two syncs of one team at once are one sync', async () => {
    const remote = bareRemote();
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    await a.call('sync.link', { teamId: team.id, url: remote });
    await a.call('teams.rename', { teamId: team.id, name: 'Platform team' });
    const [x, y] = await Promise.all([a.call('sync.run', { teamId: team.id }), a.call('sync.run', { teamId: team.id })]);
    expect(x).toEqual(y);
    expect(Number(git(remote, 'rev-list', '--count', 'main'))).toBe(2);
  });

  it('refuses an address with a password, in words, and stores nothing', async () => {
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    const error = await a.fail('sync.link', { teamId: team.id, url: 'https://ada:s3cret@example.com/team.git' });
    expect(error.message).toMatch(/holds a password .* Cadence stores no credential/);
    expect((await a.call('sync.status', { teamId: team.id })).url).toBeNull();
    expect((await a.fail('sync.link', { teamId: team.id, url: 'ext::sh -c evil' })).message).toMatch(/not a git remote helper/);
  });

  it('says git is missing, and how to install it, when PATH holds no git', async () => {
    const missing = new Git({ PATH: temp.make() });
    await expect(missing.run(['--version'])).rejects.toThrow(GIT_MISSING);
    expect(GIT_MISSING).toMatch(/apt install git/);
  });
});

describe('hostile repository content is refused with nothing written', () => {
  const cases: [string, (work: string) => void, RegExp][] = [
    [
      'a symbolic link',
      (w) => {
        fs.symlinkSync('/etc/passwd', path.join(w, 'cadence', 'link.json'));
        git(w, 'add', '-A');
      },
      /symbolic link/,
    ],
    [
      'a submodule',
      (w) => git(w, 'update-index', '--add', '--cacheinfo', `160000,${git(w, 'rev-parse', 'HEAD')},cadence/sub`),
      /submodule/,
    ],
    [
      'a path outside Cadence’s folders',
      (w) => {
        fs.writeFileSync(path.join(w, 'run.sh'), 'rm -rf ~\n');
        git(w, 'add', '-A');
      },
      /outside Cadence's folders/,
    ],
    [
      'a huge file',
      (w) => {
        fs.writeFileSync(path.join(w, 'cadence', 'huge.json'), Buffer.alloc(11 * 1024 * 1024, 32));
        git(w, 'add', '-A');
      },
      /more than the 10 MB/,
    ],
  ];
  for (const [what, build, words] of cases) {
    it(`refuses ${what}`, async () => {
      const remote = bareRemote();
      const a = await laptop();
      const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
      await a.call('sync.link', { teamId: team.id, url: remote });
      pushByHand(remote, build);
      const head = git(remote, 'rev-parse', 'main');
      await a.call('teams.rename', { teamId: team.id, name: 'Renamed here' });
      const db = a.core.opened.db;
      const count = () => db.prepare('select count(*) as n from teams').get() as { n: number };
      const before = count();
      const status = await a.call('sync.run', { teamId: team.id });
      expect(status.problem?.kind).toBe('refused');
      expect(status.problem?.message).toMatch(words);
      expect(status.problem?.message).toMatch(/wrote nothing/);
      expect(count()).toEqual(before);
      expect(git(remote, 'rev-parse', 'main')).toBe(head);
      expect((await a.call('teams.get', { teamId: team.id })).team.name).toBe('Renamed here');
    });
  }

  it('refuses a line that is not JSON in the worker thread, with the same words as on the answering thread', async () => {
    const remote = bareRemote();
    const a = await laptop();
    const team = await a.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    await a.call('sync.link', { teamId: team.id, url: remote });
    pushByHand(remote, (w) => {
      fs.writeFileSync(path.join(w, 'cadence', 'team.jsonl'), 'not json\n');
      git(w, 'add', '-A');
    });
    await a.call('teams.rename', { teamId: team.id, name: 'Renamed here' });
    const status = await a.call('sync.run', { teamId: team.id });
    expect(status.problem).toEqual({
      kind: 'refused',
      message: 'The repository was refused: cadence/team.jsonl line 1 is not JSON. Nothing was synced.',
    });
    expect((await a.call('teams.get', { teamId: team.id })).team.name).toBe('Renamed here');
  });
});

describe('two laptops', () => {
  // Two laptops, two git pushes and merges: 14-21 s beside a loaded machine, so its own timeout; nothing in it is timed.
  it(
    'each holds a meeting offline on the same day, then both syncs end with both meetings and their decisions',
    { timeout: 60_000 },
    async () => {
      const remote = bareRemote();
      const a = await laptop();
      const demo = await a.call('demo.load', {});
      await a.call('sync.link', { teamId: demo.id, url: remote });
      const b = await laptop();
      await b.call('sync.link', { url: remote });
      const hold = async (t: TestCore, title: string) => {
        const { meetingId } = await t.call('meetings.create', { teamId: demo.id, title, date: '2026-11-24', time: '10:00', lengthMin: 30 });
        await t.call('meetings.start', { meetingId });
        await t.call('meetings.end', { meetingId });
        return meetingId;
      };
      const onA = await hold(a, 'Held on laptop A');
      const onB = await hold(b, 'Held on laptop B');
      await a.call('sync.run', { teamId: demo.id });
      await b.call('sync.run', { teamId: demo.id });
      await a.call('sync.run', { teamId: demo.id });
      for (const t of [a, b]) {
        const lists = await t.call('meetings.list', { teamId: demo.id });
        const ids = [...lists.upcoming, ...lists.past].map((m) => m.id);
        expect(ids).toEqual(expect.arrayContaining([onA, onB]));
      }
      const decisions = (t: TestCore) => t.core.opened.db.prepare('select id from decisions order by id').all();
      expect(decisions(b)).toEqual(decisions(a));
      // Laptop B's own work is in its database, not in a commit of its own: its sync commits on top of A's.
      expect((await b.call('sync.run', { teamId: demo.id })).waiting.unpushed).toBe(false);
      const lastOf = (t: TestCore) => t.core.opened.db.prepare('select last_commit from sync_links').pluck().get();
      expect(lastOf(a)).toBe(git(remote, 'rev-parse', 'main'));
      expect(lastOf(b)).toBe(git(remote, 'rev-parse', 'main'));
    },
  );
});

describe('the command line', () => {
  async function cadence(argv: string[], env: NodeJS.ProcessEnv = process.env) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli({ argv, env, version: 'test', io: { out: (s) => out.push(s), err: (s) => err.push(s) } });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('links a team, joins it from a second folder, syncs, and names a missing git', async () => {
    const remote = bareRemote();
    const first = temp.make();
    const t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'), first);
    await t.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin' });
    t.close();
    const linked = await cadence(['sync', 'link', remote, '--team', 'platform', '--data-dir', first]);
    expect(linked).toMatchObject({ code: 0, err: '' });
    expect(linked.out).toMatch(/^Platform: synced with .*team\.git \(\d+ in, \d+ out\)\.$/);
    const second = temp.make();
    const joined = await cadence(['sync', 'link', remote, '--data-dir', second]);
    expect(joined).toMatchObject({ code: 0, err: '' });
    expect(joined.out).toMatch(/^Platform: synced/);
    expect(await cadence(['sync', '--data-dir', second])).toMatchObject({ code: 0 });
    const noGit = await cadence(['sync', '--data-dir', first], { ...process.env, PATH: temp.make() });
    expect(noGit.code).toBe(1);
    expect(noGit.err).toMatch(/Platform: not synced\. Cadence syncs through git, which is not installed .* apt install git/);
  });
});
