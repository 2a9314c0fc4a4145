import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from '../../data-folder/private-files';
import type { Git } from './git';

export const BRANCH = 'main';
const REMOTE_HEAD = `refs/remotes/origin/${BRANCH}`;
/** The commit message's trailer naming the team, so a laptop joining from the address alone knows which team it is. */
export const TEAM_TRAILER = 'Cadence-Team';

/** Every team's clone lives in `sync/<team id>/` inside the data folder, private like the rest of it. */
export function syncRoot(dataDir: string): string {
  return path.join(dataDir, 'sync');
}

export function cloneDir(dataDir: string, teamId: string): string {
  return path.join(syncRoot(dataDir), teamId);
}

/** Clones this process made or checked, by folder, with the address they point at: the next sync spawns no git to check again. */
const checked = new Map<string, string>();

/** A sync of this clone failed: the next one checks it again, as after a restart. */
export function forgetClone(dir: string): void {
  checked.delete(dir);
}

/**
 * Makes the team's clone (a bare repository: Cadence writes commits with fast-import and never needs a work tree)
 * pointing at `url`. A folder a killed process left half-made is made again; git answers for what it holds.
 */
export async function ensureClone(git: Git, dir: string, url: string): Promise<void> {
  if (checked.get(dir) === url && fs.existsSync(path.join(dir, 'HEAD'))) return;
  checked.delete(dir);
  ensurePrivateDir(path.dirname(dir));
  const made = fs.existsSync(path.join(dir, 'HEAD')) && fs.existsSync(path.join(dir, 'objects'));
  if (made) {
    try {
      await git.run(['--git-dir', dir, 'rev-parse', '--git-dir']);
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else if (fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
  if (!fs.existsSync(dir)) {
    ensurePrivateDir(dir);
    await git.run(['init', '--bare', '--quiet', `--initial-branch=${BRANCH}`, dir]);
  }
  ensurePrivateDir(dir);
  // Every sync comes here: the remote is written only when it is missing or its address changed (exit 1: no such key).
  const { code, stdout } = await git.run(['--git-dir', dir, 'config', '--get', 'remote.origin.url'], { okCodes: [1] });
  const current = code === 0 ? stdout.toString('utf8').replace(/\n$/, '') : null;
  if (current !== url) {
    const remotes = current === null ? await git.text(['--git-dir', dir, 'remote']) : 'origin';
    await git.run(['--git-dir', dir, 'remote', remotes.split('\n').includes('origin') ? 'set-url' : 'add', 'origin', url]);
  }
  checked.set(dir, url);
}

/** Fetches the team's branch; answers the remote's head commit, or null for a repository with no commits yet. */
export async function fetchHead(git: Git, dir: string): Promise<string | null> {
  await git.run(['--git-dir', dir, 'fetch', '--quiet', '--no-tags', '--prune', 'origin', `+refs/heads/*:refs/remotes/origin/*`], {
    network: true,
  });
  return commitOrNull(git, dir, REMOTE_HEAD);
}

export async function commitOrNull(git: Git, dir: string, rev: string): Promise<string | null> {
  const { code, stdout } = await git.run(['--git-dir', dir, 'rev-parse', '--quiet', '--verify', `${rev}^{commit}`], { okCodes: [1, 128] });
  return code === 0 ? stdout.toString('utf8').trim() : null;
}

export async function isAncestor(git: Git, dir: string, older: string, newer: string): Promise<boolean> {
  return (await git.run(['--git-dir', dir, 'merge-base', '--is-ancestor', older, newer], { okCodes: [1] })).code === 0;
}

export async function mergeBase(git: Git, dir: string, a: string, b: string): Promise<string | null> {
  const { code, stdout } = await git.run(['--git-dir', dir, 'merge-base', a, b], { okCodes: [1] });
  return code === 0 ? stdout.toString('utf8').trim() : null;
}

/** Whether two commits hold the same tree (one `rev-parse` for both). */
export async function sameTree(git: Git, dir: string, a: string, b: string): Promise<boolean> {
  const [x, y] = (await git.text(['--git-dir', dir, 'rev-parse', `${a}^{tree}`, `${b}^{tree}`])).split('\n');
  return x === y;
}

/** The team a commit names in its trailer, or null. */
export async function teamOfCommit(git: Git, dir: string, commit: string): Promise<string | null> {
  const value = await git.text(['--git-dir', dir, 'log', '-1', `--format=%(trailers:key=${TEAM_TRAILER},valueonly)`, commit]);
  return value.split('\n')[0]?.trim() || null;
}

/** The clone's own branch: the round writes its commit there (fast-import), so git never collects it, pushed or not. */
export const OWN_BRANCH = `refs/heads/${BRANCH}`;

/**
 * Pushes `commit` as the branch (never forced). Keeps it on the clone's own branch first, so git never collects it,
 * unless the round's fast-import just wrote it there (`onBranch`).
 */
export async function keepAndPush(git: Git, dir: string, url: string, commit: string, onBranch: boolean): Promise<void> {
  if (!onBranch) await git.run(['--git-dir', dir, 'update-ref', OWN_BRANCH, commit]);
  const receivePack = url.startsWith('file://') || path.isAbsolute(url) ? [`--receive-pack=${FOLDER_RECEIVE_PACK}`] : [];
  await git.run(['--git-dir', dir, 'push', '--quiet', ...receivePack, 'origin', `${commit}:refs/heads/${BRANCH}`], { network: true });
}

/**
 * A push to a repository in a folder (a shared drive) runs git's receive-pack on this laptop, with the hooks and the
 * settings that folder holds: anyone who can write there would have every teammate's laptop run their program at
 * each sync. Its hooks, file-system monitor and command listing its alternates' refs are turned off (over ssh or
 * https they run on the server, not here).
 */
const FOLDER_RECEIVE_PACK = 'git -c core.hooksPath=/dev/null -c core.fsmonitor=false -c core.alternateRefsCommand=true receive-pack';
