import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/test';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, tempDataDir } from '../support/server';
import { chooseTheme, THEMES } from '../support/theme';
import { openDemoTeam } from '../support/demo-team';
import { api } from '../support/page-api';

const SCREENS = 'test-results/screens';

test('a team moves to another computer in one archive file, and home shows the chosen member', async ({ page }) => {
  const first = await startServer();
  const second = await startServer({ dataDir: tempDataDir('empty') });
  const folder = tempDataDir('download');
  try {
    // Computer one: the demo team, exported from its page as a download.
    await page.goto(first.url);
    await openDemoTeam(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export team archive' }).click();
    const download = await downloading;
    await expect(page.getByRole('status').filter({ hasText: /^Downloaded / })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/team-export-archive.png` });
    expect(download.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}-harbor-product-team\.cadence-archive\.json$/);
    const file = path.join(folder, download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ format: 'cadence.team-archive', formatVersion: 1 });

    // Computer two: empty, so the welcome offers the import.
    await page.goto(second.url);
    await expect(page.getByRole('heading', { name: 'Meetings that keep their promises.' })).toBeVisible();
    await page.getByLabel('Team archive file').setInputFiles(file);
    const summary = page.getByRole('region', { name: 'Imported: Harbor Product Team' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('status')).toContainText(/\d+ rows added, 0 updated, 0 unchanged, 0 conflicts/);
    await expect(summary).toContainText('To undo this import, restore it in Settings, Backups');
    await summary.getByText('By table, and how rows were merged').click();
    await expect(summary.getByRole('row', { name: /^decisions 6 0 0 0$/ })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/archive-import.png`, fullPage: true });

    // Right after the import: who am I?
    await summary.getByLabel('Which member of Harbor Product Team are you?').selectOption({ label: 'Sam Lindqvist' });
    await summary.getByRole('button', { name: 'This is me' }).click();
    await expect(summary).toContainText('home now shows your commitments');
    await summary.getByRole('button', { name: 'Close' }).click();

    const mine = page.getByRole('region', { name: 'My commitments in Harbor Product Team' });
    await expect(mine.getByRole('heading', { name: 'Harbor Product Team: Sam Lindqvist' })).toBeVisible();
    await expect(mine.getByRole('list', { name: 'My open commitments in Harbor Product Team' })).toContainText(
      'Pricing experiment read-out',
    );
    const followThrough = mine.getByRole('region', { name: 'My follow-through' });
    // Sam's first date for the announcement passed with it done, and the read-out's date was renegotiated before it passed.
    await expect(followThrough.getByRole('row', { name: /^Sam Lindqvist 2 50% \(1\) 50% \(1\) 0 0$/ })).toBeVisible();
    await expect(followThrough.getByRole('rowheader', { name: 'Whole team' })).toHaveCount(0);
    await page.screenshot({ path: `${SCREENS}/home-this-is-me.png`, fullPage: true });
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(
        axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
        theme,
      ).toEqual([]);
    }
    await page.screenshot({ path: `${SCREENS}/home-this-is-me-contrast.png`, fullPage: true });
    await chooseTheme(page, 'Light');

    // The decision log came along, and its search works.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decision log' }).click();
    await expect(page.getByText('Release every Thursday').first()).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search decisions' }).fill('Thursday');
    await expect(page.getByText(/^\d+ decisions?/)).toBeVisible();
    await expect(page.locator('.log-title', { hasText: 'Release every Thursday' })).toBeVisible();

    // The import can be undone: the backup made before it is listed.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('list', { name: 'Backups' })).toContainText('Before an archive import');

    // A second import of the same file changes nothing.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByLabel('Team archive file').setInputFiles(file);
    const again = page.getByRole('region', { name: 'Brought up to date: Harbor Product Team' });
    await expect(again.getByRole('status')).toContainText(/^0 rows added, 0 updated, \d+ unchanged, 0 conflicts/);
  } finally {
    await first.stop();
    await second.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a file that is not an archive is refused with a clear message, and nothing is imported', async ({ page }) => {
  const server = await startServer();
  const folder = tempDataDir('bad');
  try {
    const file = path.join(folder, 'notes.json');
    fs.writeFileSync(file, '{"format": "cadence.team-archive", "formatVersion": 1, "tables": {');
    await page.goto(server.url);
    await page.getByLabel('Team archive file').setInputFiles(file);
    await expect(page.getByRole('alert')).toContainText('This file is not complete JSON');
    await expect(page.getByRole('alert')).toContainText('Nothing was imported');
    await page.screenshot({ path: `${SCREENS}/archive-import-refused.png`, fullPage: true });
    await expect(page.getByRole('heading', { name: 'Meetings that keep their promises.' })).toBeVisible();
  } finally {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a role made on both computers under one name is settled on import, and the summary lists what it renamed', async ({
  page,
  context,
}) => {
  const first = await startServer();
  const second = await startServer({ dataDir: tempDataDir('empty') });
  const folder = tempDataDir('download');
  try {
    // The demo team on computer one, copied to computer two by an archive.
    await page.goto(first.url);
    await page.getByRole('button', { name: 'Explore a demo team' }).click();
    await expect(page.getByRole('region', { name: 'Next up' })).toBeVisible();
    const teamId = (await api(page, 'teams.list', {}))[0]!.id;
    const archive = (content: string, name: string) => {
      const file = path.join(folder, name);
      fs.writeFileSync(file, content);
      return file;
    };
    const other = await context.newPage();
    await other.goto(second.url);
    await other
      .getByLabel('Team archive file')
      .setInputFiles(archive((await api(page, 'archive.export', { teamId })).content, 'copy.json'));
    await other.getByRole('region', { name: 'Imported: Harbor Product Team' }).getByRole('button', { name: 'Close' }).click();

    // Apart, each computer gives someone a role named "Scribe": computer one first.
    await api(page, 'roles.create', { teamId, name: 'Scribe' });
    await expect.poll(async () => (await api(other, 'roles.list', { teamId })).length).toBeGreaterThan(0);
    await api(other, 'roles.create', { teamId, name: 'Scribe' });

    // Computer one's archive brought to computer two: its Scribe came first and keeps the name.
    await other
      .getByLabel('Team archive file')
      .setInputFiles(archive((await api(page, 'archive.export', { teamId })).content, 'again.json'));
    const summary = other.getByRole('region', { name: 'Brought up to date: Harbor Product Team' });
    const settled = summary.getByRole('list', { name: 'Settled as a sync would' });
    await expect(settled.getByRole('listitem')).toHaveText([
      'Role “Scribe” was renamed “Scribe (2)”: another laptop made a role of that name first',
    ]);
    await other.screenshot({ path: `${SCREENS}/archive-import-settled.png`, fullPage: true });
    expect(
      (await api(other, 'roles.list', { teamId }))
        .map((r) => r.name)
        .filter((n) => n.startsWith('Scribe'))
        .sort(),
    ).toEqual(['Scribe', 'Scribe (2)']);
  } finally {
    await first.stop();
    await second.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
