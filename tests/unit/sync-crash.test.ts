import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cloneDir } from '../../src/main/services/sync/sync-clone';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';

/** A child process syncing the team over and over, killed with SIGKILL at seeded moments (seed printed for replay). */
const CHILD = path.resolve('out/main/sync-crash.js');
const ROUNDS = Number(process.env.SYNC_CRASH_ROUNDS ?? 4);
const SEED = Number(process.env.SYNC_CRASH_SEED ?? Date.now() % 100000);

function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 4294967296;
  };
}

/** Starts the child and kills it `afterMs` after it is ready; answers how many syncs it reported complete. */
function syncThenKill(dataDir: string, teamId: string, afterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD], {
      env: { ...process.env, CADENCE_DATA_DIR: dataDir, SYNC_TEAM_ID: teamId },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      const armed = out.includes('READY');
      out += d.toString();
      if (!armed && out.includes('READY')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the syncing child ended by itself (${code}): ${err}`));
      resolve(out.split('\n').filter((l) => l.startsWith('SYNCED ')).length);
    });
  });
}

const temp = tempDirs('sync-crash');
afterAll(() => temp.removeAll());

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const names = (t: TestCore, teamId: string) =>
  (t.core.opened.db.prepare('select name from members where team_id = ? order by name').pluck().all(teamId) as string[]).join(', ');

describe('a sync killed at random moments', () => {
  it(`leaves the database and the clone consistent through ${ROUNDS} SIGKILLs, and the next sync completes (seed printed)`, async () => {
    expect(fs.existsSync(CHILD), 'build first: npx electron-vite build').toBe(true);
    console.log(`sync crash seed: ${SEED} (replay with SYNC_CRASH_SEED=${SEED})`);
    const random = seeded(SEED);
    const remote = path.join(temp.make(), 'team.git');
    git('init', '--bare', '--quiet', '--initial-branch=main', remote);
    const aDir = temp.make();
    let a = await openTestCore(Date.parse('2026-11-24T09:00:00Z'), aDir);
    const demo = await a.call('demo.load', {});
    await a.call('sync.link', { teamId: demo.id, url: remote });
    a.close();
    const b = await openTestCore(Date.parse('2026-11-24T09:00:00Z'), temp.make());
    try {
      await b.call('sync.link', { url: remote });
      for (let round = 1; round <= ROUNDS; round++) {
        // Work on both sides, so the killed sync has something to bring in and something to send.
        await b.call('members.add', { teamId: demo.id, name: `From B ${round}` });
        await b.call('sync.run', { teamId: demo.id });
        a = await openTestCore(Date.parse('2026-11-24T09:00:00Z') + round * 60_000, aDir);
        await a.call('members.add', { teamId: demo.id, name: `From A ${round}` });
        a.close();
        await syncThenKill(aDir, demo.id, Math.floor(random() * 1500));
        a = await openTestCore(Date.parse('2026-11-24T09:00:00Z') + round * 60_000, aDir);
        const db = a.core.opened.db;
        expect(db.pragma('integrity_check', { simple: true }), `round ${round}, seed ${SEED}`).toBe('ok');
        expect(db.pragma('foreign_key_check'), `round ${round}, seed ${SEED}`).toEqual([]);
        const clone = cloneDir(aDir, demo.id);
        if (fs.existsSync(path.join(clone, 'HEAD'))) git('--git-dir', clone, 'fsck', '--no-dangling', '--no-progress');
        const after = await a.call('sync.run', { teamId: demo.id });
        expect(after.problem, `round ${round}, seed ${SEED}`).toBeNull();
        a.close();
      }
      await b.call('sync.run', { teamId: demo.id });
      a = await openTestCore(Date.parse('2026-11-25T09:00:00Z'), aDir);
      const expected = names(b, demo.id);
      for (let round = 1; round <= ROUNDS; round++) expect(expected).toContain(`From A ${round}`);
      expect(names(a, demo.id)).toBe(expected);
      a.close();
    } finally {
      b.close();
    }
  }, 240_000);
});
