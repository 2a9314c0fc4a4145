import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Git } from '../../src/main/services/sync/git';
import { MADR_FOLDER, writeCommit } from '../../src/main/services/sync/git-tree';
import { activeMembers, holdMeeting } from '../support/sync-actions';
import { openTestCore, type TestCore } from '../support/core';
import { treeOf, wholeTree } from '../support/sync-whole-tree';
import { tempDirs } from '../support/temp-dirs';

const SEED = Number(process.env.SYNC_SEED ?? Date.now() % 100000);
process.stdout.write(`sync incremental seed: ${SEED} (replay with SYNC_SEED=${SEED})\n`);

const temp = tempDirs('sync-incremental');
const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  temp.removeAll();
});

const gitIn = (dir: string, ...args: string[]) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8' }).trim();

function bare(): string {
  const dir = path.join(temp.make(), 'repo.git');
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', dir]);
  return dir;
}

const commitOf = (files: ReadonlyMap<string, string>, parents: string[], n: number) => ({
  files,
  parents,
  message: `step ${n}\n`,
  at: Date.parse('2026-11-24T09:00:00Z') + n * 1000,
  committer: 'Cadence test <cadence@localhost>',
});

/** The same files written whole (no parent to start from: every file goes in), as the first push writes them. */
async function fullTree(git: Git, dir: string, files: ReadonlyMap<string, string>): Promise<string> {
  return treeOf(dir, await writeCommit(git, dir, commitOf(files, [], 0)));
}

// Paths that share folders (so a deletion can empty one), and names fast-import must quote.
const pathArb = fc.constantFrom(
  'README.md',
  'cadence/team.jsonl',
  'cadence/members/a.jsonl',
  'cadence/members/b.jsonl',
  'cadence/meetings/2026/x.jsonl',
  'cadence/meetings/2026/y.jsonl',
  'decisions/0001-ship-it.md',
  'decisions/0002-a "quoted" title.md',
  'decisions/0003-café déjà vu.md',
  'decisions/deep/er/0004-alone.md',
);
const filesArb = fc
  .dictionary(pathArb, fc.oneof(fc.constant(''), fc.string(), fc.constantFrom('same text\n', 'other text\n')), { maxKeys: 10 })
  .map((o) => new Map(Object.entries(o)));

describe('an incremental commit', () => {
  it('has the tree writing every file would give, over random histories of changes, additions and deletions (seed printed)', async () => {
    const git = new Git();
    await fc.assert(
      fc.asyncProperty(fc.array(filesArb, { minLength: 1, maxLength: 4 }), async (history) => {
        const dir = bare();
        let parent: string | null = null;
        for (const [n, files] of history.entries()) {
          const commit = await writeCommit(git, dir, commitOf(files, parent ? [parent] : [], n + 1));
          expect(treeOf(dir, commit)).toBe(await fullTree(git, dir, files));
          // Nothing changed since the one parent: no commit is added, the parent answers.
          if (parent && treeOf(dir, parent) === treeOf(dir, commit)) expect(commit).toBe(parent);
          else if (parent) expect(gitIn(dir, 'rev-parse', `${commit}^`)).toBe(parent);
          parent = commit;
        }
      }),
      { seed: SEED, numRuns: 8 },
    );
  }, 240_000);

  it('keeps both parents of a merge, its tree that of the files given', async () => {
    const git = new Git();
    const dir = bare();
    const ours = await writeCommit(git, dir, commitOf(new Map([['cadence/a.jsonl', 'a\n']]), [], 1));
    const theirs = await writeCommit(git, dir, commitOf(new Map([['cadence/b.jsonl', 'b\n']]), [], 2));
    const files = new Map([
      ['cadence/a.jsonl', 'a\n'],
      ['cadence/b.jsonl', 'b\n'],
    ]);
    const merged = await writeCommit(git, dir, commitOf(files, [ours, theirs], 3));
    expect(gitIn(dir, 'rev-list', '--parents', '-1', merged).split(' ').slice(1)).toEqual([ours, theirs]);
    expect(treeOf(dir, merged)).toBe(await fullTree(git, dir, files));
    // The same files on one parent that holds them already: a merge commit is still written, it joins two histories.
    expect(await writeCommit(git, dir, commitOf(files, [merged, theirs], 4))).not.toBe(merged);
  }, 60_000);
});

describe('a sync after each change', () => {
  async function laptop(start: string): Promise<TestCore> {
    const t = await openTestCore(Date.parse(start), temp.make());
    cores.push(t);
    return t;
  }

  it('commits the tree a whole rebuild gives, byte for byte, through renames, new and superseding decisions and merges', async () => {
    const remote = bare();
    const a = await laptop('2026-11-24T09:00:00Z');
    const teamId = (await a.call('demo.load', {})).id;
    await a.call('sync.link', { teamId, url: remote });
    const head = () => gitIn(remote, 'rev-parse', 'main');
    const expectWhole = async (t: TestCore) => expect(treeOf(remote, head())).toBe(await wholeTree(t, teamId));
    await expectWhole(a);
    const laptopA = { name: 'a', t: a };

    // A member renamed: every record naming them (decision-makers, positions, informed) is rendered again.
    const [member] = await activeMembers(laptopA, teamId);
    await a.call('members.update', { memberId: member!.id, name: 'Renamed Person', roleTitle: null });
    const before = head();
    await a.call('sync.run', { teamId });
    expect(head()).not.toBe(before);
    await expectWhole(a);

    // A meeting with a new decision, then one that supersedes it: both records and the index change.
    a.clock.advance(86_400_000);
    const held = await holdMeeting(laptopA, teamId, 'Weekly', '2026-11-25');
    await a.call('sync.run', { teamId });
    await expectWhole(a);
    const { meetingId } = await a.call('meetings.create', {
      teamId,
      title: 'Next weekly',
      date: '2026-11-26',
      time: '10:00',
      lengthMin: 30,
    });
    const planned = await a.call('meetings.get', { meetingId });
    const withItem = await a.call('agenda.addItem', {
      meetingId,
      expectedRevision: planned.meeting.agendaRevision,
      kind: 'proposal',
      title: 'Proposals',
      plannedMin: 15,
    });
    await a.call('attendance.allPresent', { meetingId });
    await a.call('meetings.start', { meetingId });
    const replacing = await a.call('decisions.propose', {
      meetingId,
      agendaItemId: withItem.items.find((i) => i.kind === 'proposal')!.id,
      title: 'A fortnightly rota',
      question: 'Who carries the pager?',
      decision: 'Two weeks each.',
      options: [],
      proposerId: member!.id,
      ownerId: member!.id,
      supersedesId: held.decisionId,
    });
    await a.call('decisions.readBack', { decisionId: replacing.id, on: true });
    await a.call('decisions.decide', { decisionId: replacing.id, outcome: 'accepted' });
    await a.call('meetings.end', { meetingId });
    await a.call('sync.run', { teamId });
    await expectWhole(a);

    // The superseded decision retitled: its file is renamed (the old path goes), and the record linking to it changes.
    const old = await a.call('decisions.get', { decisionId: held.decisionId });
    const named = (p: string) => gitIn(remote, 'ls-tree', '-r', '--name-only', 'main').split('\n').includes(p);
    const oldFiles = gitIn(remote, 'ls-tree', '-r', '--name-only', 'main')
      .split('\n')
      .filter((p) => p.startsWith(`${MADR_FOLDER}${String(old.number).padStart(4, '0')}-`));
    expect(oldFiles).toHaveLength(1);
    await a.call('decisions.amend', { decisionId: held.decisionId, reason: 'A clearer title', title: 'A weekly rota, as first agreed' });
    await a.call('sync.run', { teamId });
    expect(named(oldFiles[0]!)).toBe(false);
    await expectWhole(a);

    // A second laptop joins and holds a meeting while this one renames the team: this one's commit is on top of b's,
    // its first parent a tree this laptop never wrote.
    const b = await laptop('2026-11-27T09:00:00Z');
    await b.call('sync.link', { url: remote });
    await holdMeeting({ name: 'b', t: b }, teamId, 'On b', '2026-11-27');
    await b.call('sync.run', { teamId });
    await expectWhole(b);
    const fromB = head();
    a.clock.advance(3 * 86_400_000);
    await a.call('teams.rename', { teamId, name: 'Renamed team' });
    await a.call('sync.run', { teamId });
    expect(gitIn(remote, 'rev-parse', 'main^')).toBe(fromB);
    await expectWhole(a);
    await b.call('sync.run', { teamId });
    await expectWhole(b);
  }, 240_000);
});
