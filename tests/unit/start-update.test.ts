import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCore } from '../../src/main/core/cadence-core';
import { isUpdateStart, isUsualStart } from '../../src/main/core/early-start';
import { phaseWords, StartProgress, UPDATING_WORDS, type StartPhase } from '../../src/main/core/start-progress';
import { startingPageUrl } from '../../src/main/electron/starting-page';
import { startingBlock, STARTING_ID, withStartingBlock } from '../../src/main/server/start-page';
import { openTestCore } from '../support/core';
import { rollBackToSchema24 } from '../support/older-schema';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('start-update');
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  dirs.removeAll();
});

describe('StartProgress', () => {
  it('goes forward through a backup and the update to ready, and tells each phase once', () => {
    const progress = new StartProgress();
    const heard: StartPhase[] = [];
    progress.on((phase) => heard.push(phase));
    expect(progress.phase).toBe('opening');
    expect(progress.updating).toBe(false);
    progress.to('backing-up');
    expect(progress.updating).toBe(true);
    progress.to('updating');
    progress.to('updating');
    expect(progress.updating).toBe(true);
    progress.to('ready');
    expect(progress.updating).toBe(false);
    expect(heard).toEqual(['backing-up', 'updating', 'ready']);
  });

  it('says the update in plain words only while it runs', () => {
    expect(phaseWords('opening')).toBeNull();
    expect(phaseWords('backing-up')).toBe(UPDATING_WORDS);
    expect(phaseWords('updating')).toBe(UPDATING_WORDS);
    expect(phaseWords('ready')).toBeNull();
    expect(phaseWords('failed')).toBeNull();
    expect(UPDATING_WORDS).toContain('nothing is lost if it is interrupted');
  });

  it('refuses a step back or past the end, can fail from any phase before the end, and end ready after a backup', () => {
    const usual = new StartProgress();
    usual.to('ready');
    expect(() => usual.to('updating')).toThrow(/from ready to updating/);
    expect(() => usual.to('failed')).toThrow();
    const updating = new StartProgress();
    updating.to('updating');
    expect(() => updating.to('backing-up')).toThrow(/from updating to backing-up/);
    updating.to('failed');
    expect(updating.phase).toBe('failed');
    // A backup that finds the file damaged: moved aside, the start goes on with an empty one (start-update-faults).
    const backingUp = new StartProgress();
    backingUp.to('backing-up');
    backingUp.to('ready');
    expect(() => backingUp.to('updating')).toThrow(/from ready to updating/);
  });
});

describe('the words a start that updates shows', () => {
  it('go in the browser page before its code, as text, under the id the app takes away', () => {
    const page = withStartingBlock(
      '<html><body><div id="root"></div><script type="module" src="/a.js"></script></body></html>',
      UPDATING_WORDS,
    );
    expect(page).toMatch(new RegExp(`<script[^>]*></script><div id="${STARTING_ID}" role="status"[^>]*><p>Updating your data`));
    expect(page.endsWith('</body></html>')).toBe(true);
    expect(startingBlock('<b>&')).toContain('<p>&lt;b&gt;&amp;</p>');
  });

  it('are the desktop window’s whole page while it updates, which runs and loads nothing', () => {
    const html = decodeURIComponent(startingPageUrl(UPDATING_WORDS).replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html).toContain(`<p>${UPDATING_WORDS}</p>`);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|src=|href=/);
  });
});

/** A data folder whose file is at schema 24 with enough decisions that migration 025 takes seconds (older-schema.ts). */
async function olderFolder(decisions: number): Promise<string> {
  const dataDir = dirs.make();
  const t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'), dataDir);
  await t.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ana', 'Ben'] });
  t.close();
  rollBackToSchema24(path.join(dataDir, 'cadence.sqlite'), decisions);
  return dataDir;
}

function fileState(file: string): { version: number; check: string; decisions: number; prefix: string } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      check: db.pragma('quick_check', { simple: true }) as string,
      decisions: (db.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n,
      prefix: /prefix = '([^']*)'/.exec(
        (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'decisions_fts'").get() as { sql: string }).sql,
      )![1]!,
    };
  } finally {
    db.close();
  }
}

describe('an update interrupted', () => {
  it('leaves the file at its old schema when the process is killed mid-migration, and the next start updates it', async () => {
    const server = path.resolve('out/main/test-server.js');
    expect(fs.existsSync(server), 'build first: npm run build').toBe(true);
    const dataDir = await olderFolder(8_000);
    const file = path.join(dataDir, 'cadence.sqlite');
    const before = fileState(file);
    expect(before).toMatchObject({ version: 24, check: 'ok', prefix: '3' });
    expect(isUpdateStart(dataDir)).toBe(true);
    expect(isUsualStart(dataDir)).toBe(false);

    // The browser server starts the update; it is killed once it says the backup is made and the migration runs.
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [server, '--port', '0'], {
        env: { ...process.env, CADENCE_DATA_DIR: dataDir },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      running.add(child);
      let said = '';
      child.stdout.on('data', (d: Buffer) => {
        said += d.toString();
        if (said.includes('updating the data now')) child.kill('SIGKILL');
      });
      child.stderr.on('data', (d: Buffer) => (said += d.toString()));
      child.on('exit', (code, signal) => {
        running.delete(child);
        if (signal === 'SIGKILL') resolve(said);
        else reject(new Error(`the server ended by itself (${code}):\n${said}`));
      });
    });
    expect(out).toContain(UPDATING_WORDS);
    // Killed while 025 ran (it had not said it was done): its one transaction never committed.
    expect(out).not.toContain('Your data is up to date');
    const after = fileState(file);
    expect(after).toEqual(before);
    const backups = fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => name.startsWith('before-migration-v24-to-v25'));
    expect(backups.filter((name) => name.endsWith('.sqlite'))).toHaveLength(1);

    // The next start finds the crash (its run marker), checks the file, and updates it.
    const core = await startCore({ dataDir, mode: 'browser', version: 'test', backgroundCheckAfterMs: null, scheduledBackups: false });
    try {
      expect(core.checkedAtStart).toBe(true);
      expect(core.opened.appliedMigrations).toEqual([25]);
      const found = await core.dispatcher.dispatch('decisions.search', { query: 'Bulk' });
      expect(found.ok).toBe(true);
    } finally {
      core.close();
    }
    expect(fileState(file)).toMatchObject({ version: 25, check: 'ok', decisions: before.decisions, prefix: '3 4 5' });
  });
});
