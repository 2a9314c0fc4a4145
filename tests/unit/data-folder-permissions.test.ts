import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/main/data-folder/data-lock';
import { SessionAuth } from '../../src/main/server/session-auth';
import { openTestCore } from '../support/core';

/** Every folder and file under dir (the folder itself first), with its permission bits; links are not followed. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': (fs.statSync(dir).mode & 0o777).toString(8) };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = (fs.lstatSync(full).mode & 0o777).toString(8);
  }
  return out;
}

const loose = (all: Record<string, string>) => Object.entries(all).filter(([, mode]) => mode !== '700' && mode !== '600');

let base: string;
let umask: number;
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-perm-'));
  // The usual umask, under which Cadence used to leave folders 0755 and files 0644.
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  fs.rmSync(base, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('the data folder is readable by this user only', () => {
  it('folders 0700 and files 0600, after a day of use: database, WAL, backups, restore, logs, session key', async () => {
    const dataDir = path.join(base, 'config', 'Cadence');
    const t = await openTestCore(Date.parse('2026-11-26T09:00:00Z'), dataDir);
    try {
      await t.call('demo.load', {});
      const backup = await t.call('backups.create', {});
      await t.call('backups.restore', { name: backup.name });
      t.core.log.error('meetings.get', new Error('disk said no'));
      SessionAuth.fromDataDir(dataDir);
      // An export is never written here (exports refuse the data folder): madr-export.test.ts.
      expect((await t.call('exports.decisionsMadr', { teamId: null, folder: path.join(dataDir, 'exports', 'decisions') })).status).toBe(
        'failed',
      );
      const all = modes(dataDir);
      // What was checked: the live database with its WAL, backups, logs.
      for (const name of [
        'cadence.sqlite',
        'cadence.sqlite-wal',
        'cadence.sqlite-shm',
        'cadence.lock',
        'browser-session.key',
        'logs/cadence.log',
      ])
        expect(all[name], name).toBeDefined();
      expect(Object.keys(all).filter((f) => f.startsWith('backups/')).length).toBeGreaterThanOrEqual(2);
      expect(loose(all)).toEqual([]);
    } finally {
      t.close();
    }
    expect(loose(modes(dataDir))).toEqual([]);
  });

  it('the lock is private from the moment it is taken, even in a folder an earlier Cadence left 0755', () => {
    const dataDir = path.join(base, 'Cadence');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    const lock = acquireDataDirLock(dataDir, 'test');
    try {
      // Start-up tightens the folder only after the lock is taken; until then the lock (host, pid) must not be readable.
      expect((fs.statSync(path.join(dataDir, 'cadence.lock')).mode & 0o777).toString(8)).toBe('600');
    } finally {
      lock.release();
    }
  });

  it('what an earlier Cadence left 0755 and 0644 is made private at start-up', async () => {
    const dataDir = path.join(base, 'Cadence');
    const first = await openTestCore(Date.parse('2026-11-26T09:00:00Z'), dataDir);
    await first.call('backups.create', {});
    first.close();
    for (const name of Object.keys(modes(dataDir))) {
      const full = path.join(dataDir, name);
      fs.chmodSync(full, fs.statSync(full).isDirectory() ? 0o755 : 0o644);
    }
    fs.writeFileSync(path.join(dataDir, 'notes-of-mine.txt'), 'not Cadence’s', { mode: 0o644 });
    expect(loose(modes(dataDir)).length).toBeGreaterThan(4);

    const again = await openTestCore(Date.parse('2026-11-26T10:00:00Z'), dataDir);
    again.close();
    // Everything Cadence keeps is private; a file of someone else's in that folder is left as it was.
    expect(loose(modes(dataDir))).toEqual([['notes-of-mine.txt', '644']]);
  });

  it('files written into a folder of the person’s own keep the usual modes', async () => {
    const t = await openTestCore(Date.parse('2026-11-26T09:00:00Z'), path.join(base, 'Cadence'));
    try {
      await t.call('demo.load', {});
      const shared = path.join(base, 'shared');
      fs.mkdirSync(shared, { mode: 0o755 });
      fs.chmodSync(shared, 0o755);
      expect((await t.call('exports.decisionsMadr', { teamId: null, folder: path.join(shared, 'log') })).status).toBe('saved');
      expect(modes(shared)).toMatchObject({ '.': '755', log: '755', 'log/README.md': '644' });
    } finally {
      t.close();
    }
  });
});
