import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore } from '../../src/main/core/cadence-core';
import { resolveDataDir } from '../../src/main/data-folder/data-dir';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from '../../src/main/data-folder/data-lock';
import { nodeApiProblem } from '../../src/main/data-folder/runtime-check';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeLock(pid: number, kind = 'desktop app') {
  fs.writeFileSync(
    path.join(dir, LOCK_FILE),
    JSON.stringify({ pid, host: os.hostname(), kind, since: Date.parse('2026-11-24T08:00:00Z') }),
  );
}

function sleeper(): Promise<{ pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  return new Promise((resolve) => child.once('spawn', () => resolve({ pid: child.pid!, stop: () => child.kill('SIGKILL') })));
}

describe('the data folder lock', () => {
  it('refuses a second process with a message naming who holds it', async () => {
    const other = await sleeper();
    try {
      writeLock(other.pid, 'browser server');
      const error = (() => {
        try {
          acquireDataDirLock(dir, 'cli');
        } catch (e) {
          return e as Error;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect(error!.message).toBe(
        `Another Cadence process (browser server, pid ${other.pid}, since 2026-11-24T08:00:00.000Z) is using the data folder ${dir}. ` +
          'Close it first, or set CADENCE_DATA_DIR to use another folder.',
      );
    } finally {
      other.stop();
    }
  });

  it('a lock whose time no date can hold (a damaged one) is still refused in words, without the time', async () => {
    const other = await sleeper();
    try {
      for (const since of [1e20, -1e300, null]) {
        fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, host: os.hostname(), kind: 'desktop app', since }));
        expect(() => acquireDataDirLock(dir, 'cli'), String(since)).toThrow(
          `Another Cadence process (desktop app, pid ${other.pid}) is using the data folder ${dir}. ` +
            'Close it first, or set CADENCE_DATA_DIR to use another folder.',
        );
      }
    } finally {
      other.stop();
    }
  });

  it('takes over a stale lock whose process is gone, leaving nothing of it behind', async () => {
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    writeLock(gone.pid!);
    const lock = acquireDataDirLock(dir, 'cli');
    const owner = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number; kind: string };
    expect(owner).toMatchObject({ pid: process.pid, kind: 'cli' });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(`${LOCK_FILE}.`))).toEqual([]);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it.skipIf(process.platform !== 'linux')('takes over a lock whose process was killed and not yet reaped (a zombie)', async () => {
    // sh starts `sleep 0` and becomes `sleep 5`, which never reaps it: the child stays a zombie while the parent runs.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve(String(d)))));
      await expect.poll(() => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0]).toBe('Z');
      writeLock(pid);
      const lock = acquireDataDirLock(dir, 'cli');
      expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'cli' });
      lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('refuses a second lock in the same process, and only the holder releases it (found by a helper)', () => {
    const first = acquireDataDirLock(dir, 'desktop app');
    expect(() => acquireDataDirLock(dir, 'cli')).toThrow(DataDirLockedError);
    first.release();
    const second = acquireDataDirLock(dir, 'cli');
    first.release(); // a stale handle must not remove someone else's lock
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    second.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock left by a crashed earlier process whose pid this process now has', () => {
    writeLock(process.pid);
    const lock = acquireDataDirLock(dir, 'cli');
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'cli' });
    lock.release();
  });

  it('keeps a second core off a locked folder before any database file is made', async () => {
    const other = await sleeper();
    try {
      writeLock(other.pid);
      await expect(startCore({ dataDir: dir, mode: 'browser', version: 'test' })).rejects.toBeInstanceOf(DataDirLockedError);
      expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
    } finally {
      other.stop();
    }
  });
});

describe('where the data lives', () => {
  it('CADENCE_DATA_DIR wins; otherwise the folder Electron uses for an app named Cadence', () => {
    expect(resolveDataDir({ CADENCE_DATA_DIR: 'rel/dir' }, 'linux', '/home/ana')).toBe(path.resolve('rel/dir'));
    expect(resolveDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Cadence');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ana')).toBe('/xdg/Cadence');
    expect(resolveDataDir({ APPDATA: '' }, 'win32', 'C:\\Users\\ana')).toBe(path.join('C:\\Users\\ana', 'AppData', 'Roaming', 'Cadence'));
    expect(resolveDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Cadence');
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      path.join('C:\\Users\\ana\\AppData\\Roaming', 'Cadence'),
    );
  });

  it('refuses a runtime without Node-API 10 in one line that says what to run', () => {
    expect(nodeApiProblem({ ...process.versions, napi: '10' })).toBeNull();
    expect(nodeApiProblem({ ...process.versions, node: '20.20.2', napi: '9' })).toBe(
      'Cadence needs Node-API 10 (Node >= 22.14) but this is Node 20.20.2 with Node-API 9. Run it through npm (npm start, npm test), which uses the Node 22 installed with the project.',
    );
  });
});
