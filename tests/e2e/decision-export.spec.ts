import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir } from '../support/server';

const SCREENS = 'test-results/screens';

test('the decision log exports a MADR folder and one HTML file whose search works from disk with the network off', async ({ browser }) => {
  const dir = tempDataDir('decision-export');
  const server = await startServer({ dataDir: dir });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await api(page, 'demo.load', {});
    await page.goto(`${server.origin}/#/decisions`);
    await expect(page.getByRole('heading', { name: 'Decisions', level: 1 })).toBeVisible();
    const madrButton = page.getByRole('button', { name: 'Export MADR folder…' });
    await expect(madrButton).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export as one HTML file' })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/decision-log-export-buttons.png` });

    // MADR: the browser mode asks for a folder on this computer (its server runs here) and writes there.
    await madrButton.click();
    const folderField = page.getByLabel('Folder on this computer for the MADR files');
    await expect(folderField).toHaveValue(/decisions$/);
    // Outside the data folder: an export there is refused (it could replace the database).
    const folder = path.join(tempDataDir('decision-export-out'), 'exported', 'decisions');
    await folderField.fill(folder);
    await page.screenshot({ path: `${SCREENS}/decision-log-export-folder.png` });
    await page.getByRole('button', { name: 'Export here' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Exported' });
    await expect(status).toHaveText(/^Exported \d+ files \(decisions and their README\.md index\) to .*exported\/decisions$/);
    // Every team's log: a folder per team (numbers are per team), each with its index, and an index above them.
    expect(fs.readdirSync(folder).sort()).toEqual(['README.md', 'harbor-product-team']);
    const names = fs.readdirSync(path.join(folder, 'harbor-product-team')).sort();
    expect(names).toContain('README.md');
    expect(names.filter((n) => /^\d{4}-.+\.md$/.test(n)).length).toBe(names.length - 1);
    await expect(folderField).toBeHidden();
    await page.screenshot({ path: `${SCREENS}/decision-log-exported-madr.png` });

    // One HTML file: a download in the browser mode.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as one HTML file' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}-all-teams-decision-log\.html$/);
    const saved = path.join(dir, file.suggestedFilename());
    await file.saveAs(saved);
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toHaveText(`Downloaded ${file.suggestedFilename()}`);
    await page.screenshot({ path: `${SCREENS}/decision-log-exported.png` });

    // Opened from disk with the network off: it asks for nothing, and its search filters.
    const offline = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
    const requested: string[] = [];
    offline.on('request', (r) => {
      if (!r.url().startsWith('file:')) requested.push(r.url());
    });
    const log = await offline.newPage();
    const errors: string[] = [];
    log.on('pageerror', (e) => errors.push(e.message));
    log.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await log.goto(`file://${saved}`);
    const articles = log.locator('article.decision');
    const total = await articles.count();
    expect(total).toBe(names.length - 1);
    await expect(log.getByRole('status')).toHaveText(`${total} decisions`);
    // Case and accents do not matter.
    await log.getByLabel('Search').fill('HÓTFIX');
    const shown = log.locator('article.decision:visible');
    await expect(log.getByRole('status')).toHaveText(/^\d+ of \d+ decisions$/);
    const hits = await shown.count();
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(total);
    for (const text of await shown.allTextContents()) expect(text.toLowerCase()).toContain('hotfix');
    await log.screenshot({ path: `${SCREENS}/decision-log-export.png` });
    await log.getByLabel('Search').fill('');
    await log.getByLabel('Status').selectOption('superseded');
    await expect(shown).toHaveCount(3);
    for (const s of await shown.locator('.status').first().allTextContents()) expect(s).toBe('Superseded');
    // A supersede link leads to the record it names.
    await log.getByLabel('Status').selectOption('');
    await log.getByLabel('Search').fill('two-week release train');
    const supersedes = shown.first().getByRole('link').first();
    const target = (await supersedes.getAttribute('href'))!;
    await supersedes.click();
    await expect(log.locator(target)).toBeVisible();
    // Printed: no search bar or index, one record after another.
    await log.getByLabel('Search').fill('');
    await log.emulateMedia({ media: 'print' });
    await expect(log.locator('.controls')).toBeHidden();
    await log.screenshot({ path: `${SCREENS}/decision-log-export-print.png` });
    expect(requested).toEqual([]);
    expect(errors).toEqual([]);
    await offline.close();
  } finally {
    await context.close();
    await server.stop();
  }
});
