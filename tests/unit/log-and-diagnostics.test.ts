import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogFile } from '../../src/main/data-folder/log-file';
import { migrations } from '../../src/main/db/migrations';
import { openTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-26T09:00:00Z'));
});
afterEach(() => t.close());

describe('the log file', () => {
  it('rotates by size and keeps a bounded number of files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-log-'));
    const log = new LogFile(dir, { now: () => Date.parse('2026-11-26T09:00:00Z') }, 2000, 2);
    for (let i = 0; i < 100; i++) log.info(`line ${i} ${'x'.repeat(80)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['cadence.log', 'cadence.log.1', 'cadence.log.2']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(2000 + 200);
    expect(fs.readFileSync(path.join(dir, 'cadence.log'), 'utf8')).toContain('line 99');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records start-up and every failure, and "copy diagnostics" reports versions, data, last backup and recent errors', async () => {
    const log = fs.readFileSync(t.core.log.file, 'utf8');
    const latest = migrations.at(-1)!.version;
    expect(log).toContain(
      `2026-11-26T09:00:00.000Z INFO started browser test, schema ${latest}, migrated ${migrations.map((m) => m.version).join(', ')}`,
    );
    await t.call('backups.create', {});
    t.core.log.error('meetings.get', new Error('disk said no'));
    const { text } = await t.call('app.diagnostics', {});
    expect(text).toContain('Cadence test (browser)');
    expect(text).toContain(`Node ${process.versions.node}`);
    expect(text).toContain(`Data folder: ${t.dataDir}`);
    // Sizes in KB, or in MB from a megabyte on (the migrations' rebuild of the search index leaves a WAL of about 1 MB).
    const size = '[\\d.]+ (?:KB|MB)';
    expect(text).toMatch(
      new RegExp(
        `Database: .*cadence\\.sqlite \\(${size}(: ${size} in the file, ${size} in its write-ahead log)?, schema ${migrations.at(-1)!.version}\\)`,
      ),
    );
    expect(text).toContain('synchronous=2');
    expect(text).toMatch(/Last backup: 2026-11-26T09:00:00.000Z \(manual, /);
    expect(text).toContain('Recent errors (1):');
    expect(text).toContain('meetings.get failed: Error: disk said no');
  });

  it('reports the database’s size with its write-ahead log, where the newest writes sit until a checkpoint', async () => {
    await t.call('demo.load', {});
    const file = path.join(t.dataDir, 'cadence.sqlite');
    const main = fs.statSync(file).size;
    const wal = fs.statSync(`${file}-wal`).size;
    expect(wal).toBeGreaterThan(0);
    const kb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
    const { text } = await t.call('app.diagnostics', {});
    expect(text).toContain(
      `cadence.sqlite (${kb(main + wal)}: ${kb(main)} in the file, ${kb(wal)} in its write-ahead log, schema ${migrations.at(-1)!.version})`,
    );
  });

  it('logs a restore: which backup replaced the data, and the copy that undoes it', async () => {
    const backup = await t.call('backups.create', {});
    t.clock.advance(60_000);
    const { safetyCopy } = await t.call('backups.restore', { name: backup.name });
    const log = fs.readFileSync(t.core.log.file, 'utf8');
    expect(log).toContain(
      `2026-11-26T09:01:00.000Z INFO restored backup ${backup.name} (manual, 2026-11-26T09:00:00.000Z); ` +
        `the data it replaced is in ${safetyCopy.name}, which undoes this restore`,
    );
  });
});
