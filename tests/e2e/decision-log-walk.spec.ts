import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/test';
import { api, startedWithProposal } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';

// 23:30 UTC on 25 October is already 05:00 on 26 October in Kolkata: the team's record says the 26th.
const TAKEN = Date.parse('2026-10-25T23:30:00Z');

test('a decision taken late in UTC reads the team’s day in the log, in search results and on its page, as in its MADR file', async ({
  browser,
}) => {
  const dir = tempDataDir('decision-dates');
  const clock = new TestClock(dir, TAKEN);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  // The viewer's computer is on UTC, where it is still the 25th.
  const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await api(page, 'settings.update', { dateStyle: 'iso' });
    const { team, meetingId, withItem } = await startedWithProposal(page, {
      team: { name: 'Bengaluru', timeZone: 'Asia/Kolkata', members: ['Asha', 'Ravi'] },
      meeting: { title: 'Early sync', date: '2026-10-26', time: '05:00' },
      item: 'On-call rota',
    });
    const proposed = await api(page, 'decisions.propose', {
      meetingId,
      agendaItemId: withItem.items[0]!.id,
      title: 'Weekly on-call rota',
      decision: 'Rotate on-call weekly.',
      ownerId: withItem.members[0]!.id,
    });
    await api(page, 'decisions.readBack', { decisionId: proposed.id, on: true });
    await api(page, 'decisions.decide', { decisionId: proposed.id, outcome: 'accepted' });

    const folder = path.join(tempDataDir('decision-dates-madr'), 'madr');
    await api(page, 'exports.decisionsMadr', { teamId: team.id, folder });
    const file = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).find((n) => /\d{4}-weekly.+\.md$/.test(n))!;
    const madrDate = /^date: (\S+)$/m.exec(fs.readFileSync(path.join(folder, file), 'utf8'))![1];
    expect(madrDate).toBe('2026-10-26');

    await page.goto(`${server.origin}/#/decisions`);
    const row = page.getByRole('listitem').filter({ hasText: 'Weekly on-call rota' });
    await expect(row).toContainText(`Mon ${madrDate} · Bengaluru`);
    // The list box is as tall as its one row (and its border), not a screen-high empty box under it.
    const box = (await page.getByRole('list', { name: 'Decisions' }).boundingBox())!;
    const rowBox = (await row.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(rowBox.height + 2);
    await page.screenshot({ path: 'test-results/screens/decision-log-one-result.png' });
    await page.getByLabel('Search decisions').fill('rota');
    await expect(row.locator('mark').first()).toBeVisible();
    await expect(row).toContainText(`Mon ${madrDate} · Bengaluru`);

    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Weekly on-call rota', level: 1 })).toBeVisible();
    await expect(page.locator('.lede').first()).toContainText(`Decided Mon ${madrDate}, 05:00`);
    await expect(page.locator('.lede').first()).toContainText(`Early sync (Mon ${madrDate})`);
    await page.screenshot({ path: 'test-results/screens/decision-record-team-day.png' });
  } finally {
    await context.close();
    await server.stop();
  }
});

test('with more decisions than the screen holds the log’s list box stops at the screen and scrolls inside it', async ({ browser }) => {
  const server = await startServer({ dataDir: tempDataDir('decision-log-many') });
  // 700 px high: the demo's six decisions, each row as tall as it measures (about 75 px), are more than the box holds.
  // At 800 px they fit once measured, and whether the list scrolled depended on checking before the rows were measured.
  const context = await browser.newContext({ viewport: { width: 1280, height: 700 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await api(page, 'demo.load', {});
    await page.goto(`${server.origin}/#/decisions`);
    const list = page.getByRole('list', { name: 'Decisions' });
    await expect(list.getByRole('listitem').first()).toContainText('·');
    const total = Number(/^(\d+)/.exec((await page.locator('.log-summary').innerText()).replace(',', ''))![1]);
    const box = (await list.boundingBox())!;
    // The cap the stylesheet sets: the window's height less the controls above it (700 - 330).
    expect(box.height).toBeLessThanOrEqual(370 + 2);
    // The rest scrolls inside the box, where the virtualiser follows it.
    expect(total * 104).toBeGreaterThan(box.height);
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

    // Walked: a row under the pointer took the tags' own fill, and its tags read as loose words.
    const tagged = list
      .getByRole('listitem')
      .filter({ has: page.locator('.tag') })
      .first();
    await tagged.hover();
    const fills = await tagged
      .locator('.log-row')
      .evaluate((row) => [getComputedStyle(row).backgroundColor, getComputedStyle(row.querySelector('.tag')!).backgroundColor]);
    expect(fills[1], `row ${fills[0]}, tag ${fills[1]}`).not.toBe(fills[0]);
  } finally {
    await context.close();
    await server.stop();
  }
});
