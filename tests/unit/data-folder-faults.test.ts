import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../src/main/core/cadence-core';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from '../../src/main/data-folder/data-lock';
import { DiskFullError } from '../../src/main/data-folder/disk-full';
import { LogFile } from '../../src/main/data-folder/log-file';
import { RUN_MARKER } from '../../src/main/data-folder/run-marker';
import { ManualClock, openTestCore } from '../support/core';
import { fillDisk, mountProblem, testMounts } from '../support/mounts';

// Faults found by breaking Cadence from outside (issue 16): an emptied database, a full disk,
// a lock whose pid was reused, and files that pile up after crashes.

const START = Date.parse('2026-11-24T09:00:00Z');
const dirs: string[] = [];
const mounts = testMounts();
afterEach(() => {
  mounts.unmountAll();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-faults-'));
  dirs.push(dir);
  return dir;
}

/** A fresh 2 MB filesystem, so a full disk is a real one (ENOSPC from the kernel, SQLITE_FULL from SQLite). */
function smallDisk(): string {
  const dir = tempDir();
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
  mounts.track(dir);
  return dir;
}

const cannotMount = mountProblem((probe) => ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);

/** A pid no process has any more. */
async function deadPid(): Promise<number> {
  const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => gone.once('exit', resolve));
  return gone.pid!;
}

function writeLock(dir: string, owner: Record<string, unknown>): void {
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ host: os.hostname(), kind: 'desktop app', since: START, ...owner }));
}

describe('an emptied database file', () => {
  it('is damage when backups sit beside it: moved aside, the newest good backup offered', async () => {
    const dir = tempDir();
    const first = await openTestCore(START, dir);
    await first.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    const backup = (await first.call('backups.create', {})).name;
    first.close();
    fs.truncateSync(path.join(dir, 'cadence.sqlite'), 0);

    const t = await openTestCore(START, dir);
    try {
      const info = await t.call('app.info', {});
      expect(info.recovery).not.toBeNull();
      expect(info.recovery!.detail).toMatch(/empty \(0 bytes\)/);
      expect(fs.statSync(info.recovery!.movedTo).size).toBe(0);
      expect(info.recovery!.newestBackup!.name).toBe(backup);
    } finally {
      t.close();
    }
  });

  it('is damage when a crash marker or logged starts show the folder was used, even with no backup', async () => {
    for (const sign of ['marker', 'log'] as const) {
      const dir = tempDir();
      (await openTestCore(START, dir)).close();
      fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
      if (sign === 'marker') {
        fs.rmSync(path.join(dir, 'logs'), { recursive: true, force: true });
        fs.writeFileSync(path.join(dir, RUN_MARKER), JSON.stringify({ pid: 1, since: START }));
      }
      fs.truncateSync(path.join(dir, 'cadence.sqlite'), 0);
      const t = await openTestCore(START, dir);
      try {
        const recovery = (await t.call('app.info', {})).recovery;
        expect(recovery, sign).not.toBeNull();
        expect(recovery!.newestBackup, sign).toBeNull();
      } finally {
        t.close();
      }
    }
  });

  it('is a new start in a brand-new data folder', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'cadence.sqlite'), '');
    const t = await openTestCore(START, dir);
    try {
      expect((await t.call('app.info', {})).recovery).toBeNull();
      expect(await t.call('teams.list', {})).toEqual([]);
    } finally {
      t.close();
    }
  });
});

describe.skipIf(cannotMount !== null)(
  `a full disk${cannotMount ? ` (skipped: mounting a small tmpfs is not permitted here: ${cannotMount})` : ''}`,
  () => {
    it('is named to the person, and the write rolled back', async () => {
      const disk = smallDisk();
      const t = await openTestCore(START, disk);
      try {
        await t.call('teams.create', { name: 'Team 0', timeZone: 'UTC', members: ['Ana'] });
        const free = fillDisk(disk);
        let failure: { code: string; message: string } | null = null;
        for (let i = 1; i <= 200 && failure === null; i++) {
          const result = await t.core.dispatcher.dispatch('teams.create', { name: `Team ${i}`, timeZone: 'UTC', members: ['Ana'] });
          if (!result.ok) failure = result.error;
        }
        expect(failure).toEqual({ code: 'disk_full', message: 'The disk is full: free some space; nothing you entered was lost.' });
        free();
        const names = (await t.call('teams.list', {})).map((team) => team.name);
        // Every acknowledged write is there, and the refused one is not half there.
        expect(names.length).toBeGreaterThanOrEqual(1);
        await t.call('teams.create', { name: 'After', timeZone: 'UTC', members: ['Ana'] });
        const now = (await t.call('teams.list', {})).map((team) => team.name);
        expect(now).toHaveLength(names.length + 1);
        expect(now).toEqual(expect.arrayContaining([...names, 'After']));
      } finally {
        t.close();
      }
    });

    it('never leaves half a log line to be glued to the next', () => {
      const disk = smallDisk();
      const log = new LogFile(disk, new ManualClock(START));
      log.info('before the disk filled');
      const free = fillDisk(disk);
      log.info(`a long line ${'x'.repeat(64 * 1024)}`);
      free();
      log.info('after space was freed');
      const lines = fs.readFileSync(log.file, 'utf8').split('\n');
      expect(lines).toEqual([
        '2026-11-24T09:00:00.000Z INFO before the disk filled',
        '2026-11-24T09:00:00.000Z INFO after space was freed',
        '',
      ]);
    });

    it('stops start-up with a plain message and leaves no temporary file', async () => {
      const disk = smallDisk();
      const dataDir = path.join(disk, 'data');
      fs.mkdirSync(dataDir);
      fillDisk(disk);
      const error = await startCore({ dataDir, mode: 'browser', version: 'test', backgroundCheckAfterMs: null }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(DiskFullError);
      expect(error!.message).toBe(
        `The disk holding the data folder ${dataDir} is full: free some space, then start Cadence again. Nothing you entered was lost.`,
      );
      // Folders may have been made; no file (a lock's temp file, a marker's) is left behind.
      const files = fs
        .readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
        .filter((name) => fs.statSync(path.join(dataDir, name)).isFile());
      expect(files).toEqual([]);
    });
  },
);

describe.skipIf(!fs.existsSync('/proc/self/stat'))('a lock whose pid now belongs to another process', () => {
  function sleep60(): Promise<{ pid: number; stop: () => void }> {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    return new Promise((resolve) => child.once('spawn', () => resolve({ pid: child.pid!, stop: () => child.kill('SIGKILL') })));
  }
  const bootId = () => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  const startTime = (pid: number) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
  };

  it('is taken over when the start time or the boot differs', async () => {
    const other = await sleep60();
    try {
      for (const owner of [
        { started: '1', bootId: bootId() },
        { started: startTime(other.pid), bootId: '00000000-0000-0000-0000-000000000000' },
      ]) {
        const dir = tempDir();
        writeLock(dir, { pid: other.pid, ...owner });
        const core = await startCore({ dataDir: dir, mode: 'browser', version: 'test', backgroundCheckAfterMs: null });
        expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
          pid: process.pid,
          started: startTime(process.pid),
        });
        core.close();
      }
    } finally {
      other.stop();
    }
  });

  it('still refuses when the pid, its start time and the boot all match', async () => {
    const other = await sleep60();
    try {
      const dir = tempDir();
      writeLock(dir, { pid: other.pid, started: startTime(other.pid), bootId: bootId() });
      expect(() => acquireDataDirLock(dir, 'cli')).toThrow(DataDirLockedError);
    } finally {
      other.stop();
    }
  });
});

describe('a write while another connection holds the write lock past the wait', () => {
  it('is refused in plain words, writes nothing, and the next write goes through', async () => {
    const t = await openTestCore(START);
    const other = new Database(path.join(t.dataDir, 'cadence.sqlite'));
    try {
      other.exec('BEGIN IMMEDIATE');
      const refused = await t.core.dispatcher.dispatch('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining('nothing was changed') } });
      other.exec('ROLLBACK');
      expect(await t.call('teams.list', {})).toEqual([]);
      await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
      expect((await t.call('teams.list', {})).map((team) => team.name)).toEqual(['Ops']);
    } finally {
      other.close();
      t.close();
    }
  });
});

describe('files after repeated crashes and backups', () => {
  it('stay the same in number', async () => {
    const dir = tempDir();
    const first = await openTestCore(START, dir);
    await first.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana'] });
    await first.call('backups.create', {});
    first.close();
    const names = () => fs.readdirSync(dir).sort();
    const after = names();
    for (let crash = 1; crash <= 10; crash++) {
      // What a SIGKILL leaves: its lock naming a dead pid, and the marker of a run that never closed.
      writeLock(dir, { pid: await deadPid() });
      fs.writeFileSync(path.join(dir, RUN_MARKER), JSON.stringify({ pid: 1, since: START }));
      const t = await openTestCore(START + crash * 60_000, dir);
      await t.call('backups.create', {});
      t.close();
      expect(names(), `after crash ${crash}`).toEqual(after);
    }
    // Backups are one file each: no -wal or -shm beside them.
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
    // Eleven starts, each checking the whole file after a crash and starting a worker for its backup: about 5 s on an
    // idle machine, and more than the usual 20 s with both cores loaded (a time budget, not a speed target).
  }, 90_000);
});
