import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type CadenceCore } from '../../src/main/app/cadence-core';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, type DataDirLock } from '../../src/main/app/data-lock';

const DATA_LOCK_MODULE = path.resolve('src/main/app/data-lock.ts');
const SINCE = Date.parse('2026-11-24T08:00:00.000Z');

let dir: string;
let lockPath: string;
const children: ChildProcess[] = [];
const held: DataDirLock[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-lock-'));
  lockPath = path.join(dir, LOCK_FILE);
});
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const readLock = () => JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number; host: string; kind: string; since: number };
const staleFiles = () => fs.readdirSync(dir).filter((f) => f.startsWith(`${LOCK_FILE}.stale-`));

function acquire(kind: string): DataDirLock {
  const lock = acquireDataDirLock(dir, kind);
  held.push(lock);
  return lock;
}

function writeLock(owner: { pid: number; host?: string; kind?: string }): void {
  fs.writeFileSync(lockPath, JSON.stringify({ pid: owner.pid, host: owner.host ?? os.hostname(), kind: owner.kind ?? 'desktop app', since: SINCE }));
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
}

/** A separate Node process that imports nothing and stays alive until killed. */
function sleeper(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid!));
    child.once('error', reject);
  });
}

/** The pid of a Node process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

/** A separate Node process that takes the lock with the real module and reports what happened on stdout. */
function lockingChild(kind: string, stayAlive: boolean): { child: ChildProcess; said: Promise<string> } {
  const script = `
    import(${JSON.stringify(DATA_LOCK_MODULE)}).then((m) => {
      try {
        m.acquireDataDirLock(process.argv[1], ${JSON.stringify(kind)});
        process.stdout.write('locked\\n');
        if (${stayAlive}) setTimeout(() => {}, 30000);
      } catch (error) {
        process.stdout.write(error.name + ': ' + error.message + '\\n');
      }
    });`;
  const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', '-e', script, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const said = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before answering: ${out}`)));
  });
  return { child, said };
}

describe('taking and releasing the lock', () => {
  it('writes who holds it, and release() removes the file', () => {
    const lock = acquireDataDirLock(dir, 'cli');
    expect(readLock()).toEqual({ pid: process.pid, host: os.hostname(), kind: 'cli', since: expect.any(Number) });
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
    lock.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('release() leaves alone a lock that now belongs to another process', async () => {
    const lock = acquireDataDirLock(dir, 'cli');
    const other = await sleeper();
    writeLock({ pid: other, kind: 'browser server' });
    lock.release();
    expect(readLock()).toMatchObject({ pid: other, kind: 'browser server' });
  });
});

describe('a lock held by another live process', () => {
  it('is refused with DataDirLockedError naming its kind, pid and CADENCE_DATA_DIR, and the lock file is left as it was', async () => {
    const other = await sleeper();
    writeLock({ pid: other, kind: 'browser server' });
    const before = sha256(lockPath);
    const error = thrownBy(() => acquire('cli'));
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect(error).toMatchObject({ owner: { pid: other, kind: 'browser server', since: SINCE } });
    const message = (error as Error).message;
    expect(message).toContain('browser server');
    expect(message).toContain(`pid ${other}`);
    expect(message).toContain('since 2026-11-24T08:00:00.000Z');
    expect(message).toContain(dir);
    expect(message).toContain('CADENCE_DATA_DIR');
    expect(sha256(lockPath)).toBe(before);
    // The temp file the attempt wrote beside the lock is cleaned up too.
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('is refused when a real child process holds it, and taken over once that process is killed', async () => {
    const holder = lockingChild('cli', true);
    expect(await holder.said).toBe('locked');
    expect(readLock()).toMatchObject({ pid: holder.child.pid, kind: 'cli' });
    expect(thrownBy(() => acquire('desktop app'))).toBeInstanceOf(DataDirLockedError);

    const exited = new Promise((resolve) => holder.child.once('exit', resolve));
    holder.child.kill('SIGKILL');
    await exited;
    acquire('desktop app');
    expect(readLock()).toMatchObject({ pid: process.pid, kind: 'desktop app' });
    expect(staleFiles()).toHaveLength(1);
  });

  it('refuses a child process while this process holds it', async () => {
    acquire('desktop app');
    const { said } = lockingChild('cli', false);
    const answer = await said;
    expect(answer).toMatch(/^DataDirLockedError: Another Cadence process \(desktop app, pid \d+/);
    expect(answer).toContain(`pid ${process.pid}`);
    expect(readLock()).toMatchObject({ pid: process.pid, kind: 'desktop app' });
  });

  it('is refused when it comes from another computer, whose processes cannot be checked from here', async () => {
    writeLock({ pid: await deadPid(), host: 'another-laptop.local', kind: 'desktop app' });
    expect(thrownBy(() => acquire('cli'))).toBeInstanceOf(DataDirLockedError);
    expect(readLock()).toMatchObject({ host: 'another-laptop.local' });
  });
});

describe('a lock held by this same process', () => {
  it('refuses a second acquire in the same process while the first is held', () => {
    // Two holders in one process (say a CLI command run inside the app, or a second core) would both write the database.
    const first = acquire('desktop app');
    const error = thrownBy(() => acquire('cli'));
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect(readLock()).toMatchObject({ pid: process.pid, kind: 'desktop app' });
    expect(staleFiles()).toEqual([]);
    first.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock file naming this pid that it does not hold (an earlier process whose pid was reused)', () => {
    writeLock({ pid: process.pid, kind: 'desktop app' });
    acquire('cli');
    expect(readLock()).toMatchObject({ pid: process.pid, kind: 'cli' });
    expect(staleFiles()).toHaveLength(1);
  });
});

describe('a stale lock', () => {
  it('naming a process that has exited is taken over, the old file kept aside as cadence.lock.stale-*', async () => {
    const gone = await deadPid();
    writeLock({ pid: gone, kind: 'browser server' });
    acquire('cli');
    expect(readLock()).toMatchObject({ pid: process.pid, kind: 'cli' });
    const stale = staleFiles();
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatch(/^cadence\.lock\.stale-\d+$/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, stale[0]!), 'utf8'))).toMatchObject({ pid: gone, kind: 'browser server' });
  });

  it('that cannot be read is taken over and kept aside', () => {
    fs.writeFileSync(lockPath, 'not json');
    acquire('cli');
    expect(readLock()).toMatchObject({ pid: process.pid, kind: 'cli' });
    expect(staleFiles().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).toEqual(['not json']);
  });
});

describe('startCore on a locked folder', () => {
  it('fails with DataDirLockedError and creates no database file', async () => {
    writeLock({ pid: await sleeper() });
    await expect(startCore({ dataDir: dir, mode: 'browser', version: 'test' })).rejects.toBeInstanceOf(DataDirLockedError);
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('fails with DataDirLockedError and leaves an existing database byte for byte', async () => {
    const first = await startCore({ dataDir: dir, mode: 'browser', version: 'test' });
    await first.dispatcher.dispatch('teams.create', { name: 'Ops', timeZone: 'UTC' });
    first.close();
    const dbFile = path.join(dir, 'cadence.sqlite');
    const before = sha256(dbFile);
    const listing = fs.readdirSync(dir).sort();
    writeLock({ pid: await sleeper() });
    await expect(startCore({ dataDir: dir, mode: 'browser', version: 'test' })).rejects.toBeInstanceOf(DataDirLockedError);
    expect(sha256(dbFile)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual([...listing, LOCK_FILE].sort());
  });

  it('refuses a second core in the same process while the first is open', async () => {
    const first = await startCore({ dataDir: dir, mode: 'desktop', version: 'test', lockKind: 'desktop app' });
    let second: CadenceCore | null = null;
    try {
      const outcome = await startCore({ dataDir: dir, mode: 'browser', version: 'test', lockKind: 'browser server' }).then(
        (core) => {
          second = core;
          return null;
        },
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(DataDirLockedError);
      expect(readLock()).toMatchObject({ kind: 'desktop app' });
    } finally {
      (second as CadenceCore | null)?.close();
      first.close();
    }
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});
