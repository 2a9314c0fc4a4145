import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isUpdateStart, isUsualStart } from '../../src/main/core/early-start';
import { acquireDataDirLock, LOCK_FILE } from '../../src/main/data-folder/data-lock';
import { hasLoggedStart, LogFile } from '../../src/main/data-folder/log-file';
import { RUN_MARKER, RunMarker } from '../../src/main/data-folder/run-marker';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('pipe');
let opener: ChildProcess | null = null;
afterEach(() => {
  opener?.kill();
  opener = null;
  dirs.removeAll();
});

/**
 * A named pipe at `file`. Opening one waits until something opens its other end: from 3 s on, a loop here opens it for
 * reading and writing again and again, so code that opens it shows as a slow answer rather than a test that never ends.
 */
function pipeAt(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
  opener = spawn('sh', ['-c', 'sleep 3; while :; do : <> "$1"; done', 'sh', file], { stdio: 'ignore' });
}

/** What `act` answers, and that it answered at once. */
function atOnce<T>(act: () => T): T {
  const started = performance.now();
  const answer = act();
  expect(performance.now() - started).toBeLessThan(1500);
  return answer;
}

describe('a named pipe where a file of Cadence’s belongs is not opened, and the start goes on', () => {
  it('cadence.sqlite: the early start reads no header from it', () => {
    const dir = dirs.make();
    pipeAt(path.join(dir, 'cadence.sqlite'));
    expect(atOnce(() => [isUsualStart(dir), isUpdateStart(dir)])).toEqual([false, false]);
  });

  it('the lock: taken over as an unreadable lock is', () => {
    const dir = dirs.make();
    pipeAt(path.join(dir, LOCK_FILE));
    const lock = atOnce(() => acquireDataDirLock(dir, 'test'));
    expect(fs.statSync(path.join(dir, LOCK_FILE)).isFile()).toBe(true);
    lock.release();
  });

  it('the run marker: still a marker (the last run did not end cleanly), and replaced by this run’s', () => {
    const dir = dirs.make();
    pipeAt(path.join(dir, RUN_MARKER));
    const marker = new RunMarker(dir);
    expect(atOnce(() => marker.begin(Date.now()))).toBe('unclean-shutdown');
    expect(fs.statSync(path.join(dir, RUN_MARKER)).isFile()).toBe(true);
  });

  it('the log: nothing is written to it or read from it', () => {
    const logs = path.join(dirs.make(), 'logs');
    pipeAt(path.join(logs, 'cadence.log'));
    const log = new LogFile(logs, { now: () => Date.now() });
    atOnce(() => log.info('started browser test'));
    expect(atOnce(() => [hasLoggedStart(logs), log.recentErrors()])).toEqual([false, []]);
  });
});

describe('a link where the log belongs', () => {
  it('is not written through: the file it leads to is left as it was', () => {
    const logs = path.join(dirs.make(), 'logs');
    fs.mkdirSync(logs);
    const mine = path.join(dirs.make(), 'notes.md');
    fs.writeFileSync(mine, 'my notes\n');
    fs.symlinkSync(mine, path.join(logs, 'cadence.log'));
    new LogFile(logs, { now: () => Date.now() }).info('started browser test');
    expect(fs.readFileSync(mine, 'utf8')).toBe('my notes\n');
  });
});
