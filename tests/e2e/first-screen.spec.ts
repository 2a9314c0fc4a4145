import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { startServer } from '../support/server';

/** The operations a page asks for while it loads, in the order it sent them. */
function opsOf(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const match = /\/api\/op\/([\w.]+)$/.exec(new URL(request.url()).pathname);
    if (match) sent.push(match[1]!);
  });
  return sent;
}

test('home sends its first reads once each, before the app has loaded, and shows what they answer', async ({ browser }) => {
  const server = await startServer();
  try {
    const context = await browser.newContext();
    const setUp = await context.newPage();
    await setUp.goto(server.url);
    await setUp.getByRole('button', { name: 'Explore a demo team' }).click();
    await expect(setUp.getByRole('region', { name: 'Next up' })).toContainText('Monday accountability');
    await setUp.close();

    const page = await context.newPage();
    const sent = opsOf(page);
    let appRequestedAt = -1;
    page.on('request', (request) => {
      if (appRequestedAt < 0 && /\/assets\/start-app-[\w-]+\.js$/.test(request.url())) appRequestedAt = sent.length;
    });
    await page.goto(server.origin + '/#/');
    await expect(page.getByRole('list', { name: 'Teams' }).getByText('Harbor Product Team')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Next up' })).toContainText('Monday accountability');
    await expect(page.getByRole('heading', { name: 'Me' })).toBeVisible();

    const first = ['events.since', 'settings.get', 'app.info', 'teams.list', 'meetings.nextUp', 'me.list'];
    expect(sent.slice(0, first.length)).toEqual(first);
    for (const name of first)
      expect(
        sent.filter((n) => n === name),
        `${name} sent once`,
      ).toHaveLength(1);
    // The app's code is preloaded from index.html, so it is asked for before the boot's reads leave.
    expect(appRequestedAt).toBe(0);
    expect(sent).not.toContain('meetings.list');
    // "Which member are you?" lists the members me.list answered with: no read of each team after it.
    await expect(
      page.getByRole('form', { name: 'Who you are in Harbor Product Team' }).getByRole('option', { name: 'Maya Okafor' }),
    ).toBeAttached();
    expect(sent).not.toContain('teams.get');
    await context.close();
  } finally {
    await server.stop();
  }
});

test('another screen opened first (signing in with its address) sends the reads every window makes, then its own', async ({ page }) => {
  const server = await startServer();
  try {
    const sent = opsOf(page);
    await page.goto(`${server.url}#/settings`);
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    expect(sent.slice(0, 3)).toEqual(['events.since', 'settings.get', 'app.info']);
    expect(sent.filter((n) => n === 'settings.get')).toHaveLength(1);
  } finally {
    await server.stop();
  }
});
