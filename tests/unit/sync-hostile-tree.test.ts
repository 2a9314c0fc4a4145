import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Git } from '../../src/main/services/sync/git';
import { readDataTree, TreeRefused } from '../../src/main/services/sync/git-tree';
import { tempDirs } from '../support/temp-dirs';

const temp = tempDirs('sync-hostile');
afterEach(() => temp.removeAll());

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }).trim();

/** A repository whose one commit holds `files` (path to bytes); answers its git folder and the commit. */
function repositoryWith(files: Record<string, Buffer>): { gitDir: string; commit: string } {
  const work = temp.make();
  git(work, 'init', '--quiet', '--initial-branch=main');
  for (const [p, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, p)), { recursive: true });
    fs.writeFileSync(path.join(work, p), bytes);
  }
  git(work, 'add', '-A');
  git(work, '-c', 'user.name=Someone', '-c', 'user.email=someone@example.com', 'commit', '--quiet', '-m', 'hostile');
  return { gitDir: path.join(work, '.git'), commit: git(work, 'rev-parse', 'HEAD') };
}

describe('a repository holding more than any team', () => {
  // Each file under the cap, but together more than a team ever holds: thousands of near-identical 10 MB files
  // download as a few MB (git compresses them) and were all read into memory at once, gigabytes, before any check.
  it('is refused before its files are read, however small each one is', async () => {
    const MB = 1024 * 1024;
    const files: Record<string, Buffer> = { 'cadence/format.json': Buffer.from('{"format":"cadence.team-sync","version":1}\n') };
    for (let i = 0; i < 3; i++) files[`cadence/meetings/m${i}.jsonl`] = Buffer.alloc(0.9 * MB, 97 + i);
    const { gitDir, commit } = repositoryWith(files);
    const read = readDataTree(new Git(), gitDir, commit, MB, 2 * MB);
    await expect(read).rejects.toThrow(TreeRefused);
    await expect(read).rejects.toThrow(/2\.7 MB in cadence\/, more than the 2 MB .*Cadence wrote nothing/);
    // Under both caps the same tree reads as before.
    expect((await readDataTree(new Git(), gitDir, commit, MB, 3 * MB)).size).toBe(4);
  });
});
