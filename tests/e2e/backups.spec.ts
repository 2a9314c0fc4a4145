import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, TestClock, type TestServer } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

test('back up by hand and restore from Settings; the restore can be undone', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await openDemoTeam(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const backups = page.getByRole('list', { name: 'Backups' });
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(backups.getByRole('listitem')).toHaveCount(1);
    await expect(backups).toContainText('1 team, 4 meetings');

    // A change after the backup…
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page
      .getByRole('list', { name: 'Teams' })
      .getByRole('link', { name: /Harbor Product Team/ })
      .click();
    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('New member').fill('Noor Haddad');
    await add.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByText('Saved: Noor Haddad added')).toBeVisible();

    // …is gone after restoring, and a copy of it was kept first.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await backups
      .getByRole('button', { name: /^Restore the backup of/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'this can be undone' })).toBeVisible();
    await expect(backups).toContainText('Before a restore');
    await page.screenshot({ path: 'test-results/screens/settings-backups.png', fullPage: true });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page
      .getByRole('list', { name: 'Teams' })
      .getByRole('link', { name: /Harbor Product Team/ })
      .click();
    await expect(page.getByRole('list', { name: 'Active members' })).not.toContainText('Noor Haddad');
  } finally {
    await server.stop();
  }
});

/** The demo team loaded, one backup made from Settings, and the server stopped: a data folder to damage. */
async function demoWithOneBackup(page: Page, server: TestServer): Promise<void> {
  await page.goto(server.url);
  await openDemoTeam(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(1);
  await server.stop();
}

test('after an unclean shutdown, a damaged database is moved aside and the newest good backup is offered', async ({ page }) => {
  let server = await startServer();
  const dataDir = server.dataDir;
  try {
    await demoWithOneBackup(page, server);

    // Damage the file the way a failing disk might: garbage over several pages.
    const file = path.join(dataDir, 'cadence.sqlite');
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 6, 0x5a), 0, 4096 * 6, 4096 * 2);
    fs.closeSync(fd);
    // And leave the run marker as a crash does: only then does the start read the whole file first.
    fs.writeFileSync(path.join(dataDir, 'cadence.running'), JSON.stringify({ pid: 999999, since: Date.now() }));

    server = await startServer({ dataDir });
    await page.goto(server.url);
    const banner = page.getByRole('alert').filter({ hasText: 'Cadence found its database damaged' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('.damaged-');
    await page.screenshot({ path: 'test-results/screens/recovery-banner.png' });
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('cadence.sqlite.damaged-'))).toBe(true);
    await banner.getByRole('button', { name: 'Restore that backup' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Teams' })).toContainText('Harbor Product Team');
  } finally {
    await server.stop();
  }
});

test('damage found by the check in the background is told in plain words, the file stays, and the next start recovers', async ({
  page,
}) => {
  let server = await startServer();
  const dataDir = server.dataDir;
  try {
    await demoWithOneBackup(page, server);

    // Garbage over one index the first screens never read, in a cleanly closed file: the start does not notice, the check does.
    const file = path.join(dataDir, 'cadence.sqlite');
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'decisions_by_owner'").get() as { rootpage: number })
      .rootpage;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);

    // The test server (it needs a clock file) runs the check at once rather than 30 s after the start.
    const clock = new TestClock(dataDir, Date.now());
    server = await startServer({ dataDir, clockFile: clock.file, env: { CADENCE_TEST_CHECK_AFTER_MS: '0' } });
    // The check runs in the worker as soon as the server is up; the log says when it has found the damage.
    const log = path.join(dataDir, 'logs', 'cadence.log');
    await expect.poll(() => fs.readFileSync(log, 'utf8'), { timeout: 30_000 }).toContain('The database file is damaged');
    await page.goto(server.url);
    const banner = page.getByRole('alert').filter({ hasText: 'Cadence found damage in its database file' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Close Cadence and start it again');
    await page.screenshot({ path: 'test-results/screens/damage-found-banner.png' });
    expect(fs.readdirSync(dataDir).some((f) => f.includes('damaged'))).toBe(false);
    await server.stop();

    server = await startServer({ dataDir });
    await page.goto(server.url);
    const recovery = page.getByRole('alert').filter({ hasText: 'Cadence found its database damaged' });
    await expect(recovery).toBeVisible();
    await recovery.getByRole('button', { name: 'Restore that backup' }).click();
    await expect(page.getByRole('list', { name: 'Teams' })).toContainText('Harbor Product Team');
  } finally {
    await server.stop();
  }
});
