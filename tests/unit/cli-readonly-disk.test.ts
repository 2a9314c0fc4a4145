import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale, runCadence } from '../support/cli-binary';
import { mountProblem, testMounts } from '../support/mounts';

const dirs: string[] = [];
const mounts = testMounts();
let source: string;

function temp(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cadence-cli-ro-${label}-`));
  dirs.push(dir);
  return dir;
}

/** A copy of the demo data folder on a read-only mount, as on a USB stick: its files as given, nothing can be added. */
function readOnlyCopy(prepare: (dir: string) => void = () => {}): string {
  const dir = temp('stick');
  fs.cpSync(source, dir, { recursive: true });
  prepare(dir);
  execFileSync('mount', ['--bind', dir, dir]);
  mounts.track(dir);
  execFileSync('mount', ['-o', 'remount,ro,bind', dir]);
  return dir;
}

const cannotMount = mountProblem((probe) => ['--bind', probe, probe]);

beforeAll(() => {
  buildCliIfStale();
  source = temp('source');
  expect(runCadence(['demo', 'load'], source).code).toBe(0);
  // Only the database file, as a folder copied by hand often is (no -wal, no -shm, no backups).
  for (const name of fs.readdirSync(source)) if (name !== 'cadence.sqlite') fs.rmSync(path.join(source, name), { recursive: true });
}, 120_000);
afterEach(() => mounts.unmountAll());
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(cannotMount !== null)(
  `the command line on a read-only disk${cannotMount ? ` (skipped: mounting is not permitted here: ${cannotMount})` : ''}`,
  () => {
    // Walked: a data folder copied to a read-only mount answered every command with "cadence: unable to open database
    // file": SQLite could not make the shared-memory file a WAL database is read through.
    it('reads: lists, searches and exports, leaving the disk as it was', () => {
      const stick = readOnlyCopy();
      const before = fs.readdirSync(stick).sort();
      expect(runCadence(['teams', 'list'], stick)).toMatchObject({ code: 0, err: '', out: expect.stringContaining('Harbor Product Team') });
      const search = runCadence(['decisions', 'search', 'release'], stick);
      expect(search).toMatchObject({ code: 0, err: '' });
      expect(search.out).toContain('*release*');
      const meetings = runCadence(['meetings', 'list'], stick);
      const ended = meetings.out
        .split('\n')
        .find((l) => l.split(/\s+/)[3] === 'ended')!
        .split(/\s+/)[0]!;
      const minutes = runCadence(['export', 'minutes', '--meeting', ended], stick);
      expect(minutes).toMatchObject({ code: 0, err: '' });
      expect(minutes.out).toMatch(/^---\n/);
      const out = temp('madr');
      expect(runCadence(['export', 'decisions', '--format', 'madr', '--out', out], stick)).toMatchObject({ code: 0, err: '' });
      expect(fs.readdirSync(out)).toContain('README.md');
      expect(fs.readdirSync(stick).sort()).toEqual(before);
    });

    it('reads what a write-ahead log copied with the file still holds, not the file alone', () => {
      const stick = readOnlyCopy((dir) => {
        const db = new Database(path.join(dir, 'cadence.sqlite'));
        db.pragma('wal_autocheckpoint = 0');
        db.prepare("update teams set name = 'Harbor, renamed in the log'").run();
        // Left as a crash leaves it: the change is only in cadence.sqlite-wal; the copy drops the -shm.
        fs.copyFileSync(path.join(dir, 'cadence.sqlite-wal'), path.join(dir, 'kept-wal'));
        fs.copyFileSync(path.join(dir, 'cadence.sqlite'), path.join(dir, 'kept-db'));
        db.close();
        fs.renameSync(path.join(dir, 'kept-db'), path.join(dir, 'cadence.sqlite'));
        fs.renameSync(path.join(dir, 'kept-wal'), path.join(dir, 'cadence.sqlite-wal'));
        fs.rmSync(path.join(dir, 'cadence.sqlite-shm'), { force: true });
      });
      expect(fs.statSync(path.join(stick, 'cadence.sqlite-wal')).size).toBeGreaterThan(0);
      // Its own temp folder: the machine's is shared with every other test (and Cadence) reading at the same time,
      // whose copies come and go there (the landing CI of cdc6903 failed on another worker's).
      const ownTemp = temp('tmp');
      expect(runCadence(['teams', 'list'], stick, { env: { TMPDIR: ownTemp } })).toMatchObject({
        code: 0,
        err: '',
        out: expect.stringContaining('Harbor, renamed in the log'),
      });
      expect(fs.readdirSync(ownTemp)).toEqual([]);
    });

    it('says plainly that a command writes, and that reading works there', () => {
      const stick = readOnlyCopy();
      expect(runCadence(['demo', 'load'], stick)).toEqual({
        code: 1,
        out: '',
        err:
          `cadence: This command writes to the data folder ${stick}, and Cadence may not write there (it is on a read-only disk). ` +
          'Reading commands (export, decisions search, meetings list, teams list) work there as they are. Nothing was changed.\n',
      });
    });
  },
);
