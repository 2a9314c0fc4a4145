import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type CadenceCore } from '../../src/main/core/cadence-core';
import { StartProgress, type StartPhase } from '../../src/main/core/start-progress';
import { UpdateFailedError } from '../../src/main/db/update-failure';
import { startingPageUrl } from '../../src/main/electron/starting-page';
import { failedBlock, failedPage, START_FAILED_ID } from '../../src/main/server/start-page';
import { ManualClock, openTestCore } from '../support/core';
import { fillDisk, mountProblem, testMounts } from '../support/mounts';
import { breakMigration25, rollBackToSchema24 } from '../support/older-schema';
import { tempDirs } from '../support/temp-dirs';

// The first start of a new version, when its update of the file fails: said in plain words, the file left sound.

const START = Date.parse('2026-11-24T09:00:00Z');
const dirs = tempDirs('start-update-faults');
const mounts = testMounts();
const cores: CadenceCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  mounts.unmountAll();
  dirs.removeAll();
});

/** A data folder (in `dataDir`, or a new one) whose file is at schema 24 with a team and `decisions` decisions. */
async function olderFolder(decisions: number, dataDir = dirs.make(), before?: (db: Database.Database) => void): Promise<string> {
  const t = await openTestCore(START, dataDir);
  await t.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ana', 'Ben'] });
  before?.(t.core.opened.db);
  t.close();
  rollBackToSchema24(path.join(dataDir, 'cadence.sqlite'), decisions);
  return dataDir;
}

function fileState(file: string): { version: number; check: string; decisions: number } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      check: db.pragma('quick_check', { simple: true }) as string,
      decisions: (db.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** The start of the new version on that folder, with where it went phase by phase. */
async function update(dataDir: string, onPhase?: (phase: StartPhase) => void) {
  const progress = new StartProgress();
  const phases: StartPhase[] = [];
  progress.on((phase) => {
    phases.push(phase);
    onPhase?.(phase);
  });
  const started = startCore({
    dataDir,
    mode: 'browser',
    version: 'test',
    clock: new ManualClock(START),
    backgroundCheckAfterMs: null,
    scheduledBackups: false,
    progress,
  });
  const outcome = await started.then(
    (core) => {
      cores.push(core);
      return { core, error: null };
    },
    (error: unknown) => ({ core: null, error: error as Error }),
  );
  return { ...outcome, phases };
}

const backupsIn = (dataDir: string) => fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => name.startsWith('before-migration'));

describe('an update whose migration fails', () => {
  it('says what failed, that the file is as it was and sound, where the backup is, and what to do; the next start is free', async () => {
    const dataDir = await olderFolder(50);
    const file = path.join(dataDir, 'cadence.sqlite');
    breakMigration25(file);
    const before = fileState(file);
    const { error, phases } = await update(dataDir);
    expect(error).toBeInstanceOf(UpdateFailedError);
    expect(phases).toEqual(['backing-up', 'updating', 'failed']);
    const [backup] = backupsIn(dataDir);
    const backupPath = path.join(dataDir, 'backups', backup!);
    expect(error!.message).toBe(
      'Cadence could not update your data for this version: migration 25 (decision search: four- and five-letter prefixes) ' +
        'failed (no such trigger: decisions_fts_objection_update).\n' +
        `Your data file ${file} was left as it was, at its old schema (24; checked, it is sound). ` +
        `The backup made before the update is ${backupPath}.\n` +
        'Start Cadence again to try once more. If it fails the same way, keep using the earlier version of Cadence, ' +
        `which still opens this file, and send the log (${path.join(dataDir, 'logs', 'cadence.log')}) with a problem report. ` +
        'Nothing you entered was lost.',
    );
    expect(fileState(file)).toEqual(before);
    expect(fileState(backupPath)).toEqual(before);
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => name.endsWith('.partial'))).toEqual([]);
    // The log the words point to holds what SQLite said.
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'cadence.log'), 'utf8')).toContain(
      'updating the data for this version failed: SqliteError: no such trigger: decisions_fts_objection_update',
    );
    // The lock was given back: the same fault again says the same, and nothing piles up but one backup a try.
    expect((await update(dataDir)).error).toBeInstanceOf(UpdateFailedError);
  });

  it('reads as an alert on the page and in the desktop window, and on the page the app is not started', () => {
    const words = 'Cadence could not update your data for this version: <the disk is full>.\nFree some space.';
    expect(failedBlock(words)).toBe(
      `<div id="${START_FAILED_ID}" role="alert" style="position:fixed;top:0;left:0;right:0;max-width:38rem;margin:18vh auto 0;` +
        'padding:0 1.5rem;font:1.125rem/1.6 system-ui,sans-serif"><p>Cadence could not update your data for this version: ' +
        '&lt;the disk is full&gt;.</p><p>Free some space.</p></div>',
    );
    expect(failedPage(words)).not.toMatch(/<script|src=|href=/);
    const html = decodeURIComponent(startingPageUrl(words, 'alert').replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html).toContain('<div role="alert"');
    expect(html).toContain('&lt;the disk is full&gt;.</p><p>Free some space.</p>');
  });
});

describe('an update whose backup fails', () => {
  it('says the backup failed, that none was made and nothing updated, and leaves no part of a copy', async () => {
    const dataDir = await olderFolder(50);
    const file = path.join(dataDir, 'cadence.sqlite');
    const before = fileState(file);
    // A folder of that name, with a file in it, where the backup goes: the checked copy cannot take its name.
    const target = path.join(dataDir, 'backups', 'before-migration-v24-to-v25-2026-11-24T09-00-00-000Z.sqlite');
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, 'kept'), 'x');
    const { error, phases } = await update(dataDir);
    expect(error).toBeInstanceOf(UpdateFailedError);
    expect(phases).toEqual(['backing-up', 'failed']);
    expect(error!.message).toMatch(/^Cadence could not update your data for this version: the backup it makes first failed \(E\w+: /);
    expect(error!.message).toContain(
      `Your data file ${file} was left as it was, at its old schema (24; checked, it is sound). No backup was made, so nothing was updated.\nStart Cadence again`,
    );
    expect(fileState(file)).toEqual(before);
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([path.basename(target)]);
  });
});

describe('an update whose backup finds the file damaged', () => {
  it('takes the path damage takes at any start: moved aside unchanged, an empty file, the newest good backup offered', async () => {
    const dataDir = await olderFolder(50, dirs.make(), (db) => {
      // A table of the test's own whose root page is zeroed below: quick_check fails, the app's tables still read.
      db.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, body BLOB)');
      db.transaction(() => {
        for (let i = 0; i < 100; i++) db.exec('INSERT INTO ballast (body) VALUES (randomblob(2000))');
      })();
    });
    const file = path.join(dataDir, 'cadence.sqlite');
    // A good backup of the folder's own, made before the damage (a schema 24 copy of the file).
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    const backupName = 'cadence-2026-11-23T09-00-00-000Z-manual.sqlite';
    fs.copyFileSync(file, path.join(dataDir, 'backups', backupName));
    const db = new Database(file);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'ballast'").get() as { rootpage: number }).rootpage;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(file);

    const { core, error, phases } = await update(dataDir);
    expect(error).toBeNull();
    expect(phases).toEqual(['backing-up', 'ready']);
    const recovery = core!.recovery!;
    expect(recovery).not.toBeNull();
    expect(fs.readFileSync(recovery.movedTo)).toEqual(damaged);
    expect(recovery.newestBackup!.name).toBe(backupName);
    expect(recovery.detail).not.toMatch(/^Backup /);
    expect(backupsIn(dataDir)).toEqual([]);
    const info = await core!.dispatcher.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { recovery: { movedTo: recovery.movedTo } } });
    const restored = await core!.dispatcher.dispatch('backups.restore', { name: backupName });
    expect(restored.ok).toBe(true);
    const teams = await core!.dispatcher.dispatch('teams.list', {});
    expect(teams).toMatchObject({ ok: true, value: [{ name: 'Platform' }] });
  });
});

const cannotMount = mountProblem((probe) => ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);

describe.skipIf(cannotMount !== null)(
  `a full disk during the update${cannotMount ? ` (skipped: mounting a small tmpfs is not permitted here: ${cannotMount})` : ''}`,
  () => {
    /** A data folder at schema 24 on a fresh 64 MB filesystem of its own. */
    async function onSmallDisk(): Promise<{ disk: string; dataDir: string }> {
      const disk = dirs.make();
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', disk], { stdio: 'ignore' });
      mounts.track(disk);
      const dataDir = path.join(disk, 'data');
      fs.mkdirSync(dataDir);
      return { disk, dataDir: await olderFolder(2_000, dataDir) };
    }

    it('in the migration: says the disk is full, leaves the file at its old schema and sound, and the next start updates it', async () => {
      const { disk, dataDir } = await onSmallDisk();
      const file = path.join(dataDir, 'cadence.sqlite');
      const before = fileState(file);
      let free: () => void = () => {};
      // The backup is made; then the disk fills, before the migration writes.
      const { error, phases } = await update(dataDir, (phase) => {
        if (phase === 'updating') free = fillDisk(disk);
      });
      free();
      expect(phases).toEqual(['backing-up', 'updating', 'failed']);
      expect(error).toBeInstanceOf(UpdateFailedError);
      const [backup] = backupsIn(dataDir);
      expect(error!.message).toBe(
        'Cadence could not update your data for this version: the disk is full.\n' +
          `Your data file ${file} was left as it was, at its old schema (24; checked, it is sound). ` +
          `The backup made before the update is ${path.join(dataDir, 'backups', backup!)}.\n` +
          'Free some space on that disk, then start Cadence again: the update runs again. Nothing you entered was lost.',
      );
      expect(fileState(file)).toEqual(before);

      const next = await update(dataDir);
      expect(next.error).toBeNull();
      expect(next.core!.opened.appliedMigrations).toEqual([25]);
      expect(fileState(file)).toMatchObject({ version: 25, check: 'ok', decisions: before.decisions });
    });

    it('in the backup: says the disk is full, that no backup was made, and leaves no part of one', async () => {
      const { disk, dataDir } = await onSmallDisk();
      const file = path.join(dataDir, 'cadence.sqlite');
      const before = fileState(file);
      let free: () => void = () => {};
      const { error, phases } = await update(dataDir, (phase) => {
        if (phase === 'backing-up') free = fillDisk(disk);
      });
      free();
      expect(phases).toEqual(['backing-up', 'failed']);
      expect(error).toBeInstanceOf(UpdateFailedError);
      expect(error!.message).toContain('Cadence could not update your data for this version: the disk is full.\n');
      expect(error!.message).toContain('(24; checked, it is sound). No backup was made, so nothing was updated.\nFree some space');
      expect(fileState(file)).toEqual(before);
      expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
    });
  },
);
