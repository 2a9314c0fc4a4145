import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api, startedReview } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';

/** A team with `count` open commitments and a meeting of one commitment review, started; its id. */
const reviewOf = async (page: Page, count: number): Promise<string> =>
  (await startedReview(page, count, (i) => `Outcome number ${i + 1}: the release checklist is signed off`)).meetingId;

// loose22: the facilitator walked the review with ↓ before recording any outcome, and the projector kept showing the
// commitment its own rule put up next: the room read one commitment while the facilitator talked about another.
test('↓ twice on the console: the projector and a second console show the commitment the console is on', async ({ browser }) => {
  const dir = tempDataDir('review-focus');
  const clock = new TestClock(dir, Date.parse('2026-11-23T09:00:00Z'));
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const meetingId = await reviewOf(page, 4);
    const order = (await api(page, 'meetings.get', { meetingId })).commitments.review.map((c) => c.outcome);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const walk = page.getByRole('region', { name: 'Owner by owner' });
    const shown = projector.getByRole('list', { name: 'Commitments under review' }).locator('li[aria-current="step"] .pc-outcome');
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[0]}` })).toBeVisible();
    await expect(shown).toHaveText(order[0]!);

    await page.keyboard.press('ArrowDown');
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[1]}` })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[2]}` })).toBeVisible();
    await expect(shown).toHaveText(order[2]!);
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[2]}` })).toBeVisible();

    // A co-facilitator's console opens where the review is, and follows a move back up.
    const second = await context.newPage();
    await second.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const secondWalk = second.getByRole('region', { name: 'Owner by owner' });
    await expect(secondWalk.getByRole('article', { name: `Reviewing: ${order[2]}` })).toBeVisible();
    await page.bringToFront();
    await page.keyboard.press('ArrowUp');
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[1]}` })).toBeVisible();
    await expect(shown).toHaveText(order[1]!);
    await expect(secondWalk.getByRole('article', { name: `Reviewing: ${order[1]}` })).toBeVisible();

    // An outcome moves the review on as before (the shared rule), on both screens.
    await page.keyboard.press('1');
    await expect(walk.locator('.round-head .badge')).toHaveText('1 of 4 reviewed');
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[2]}` })).toBeVisible();
    await expect(shown).toHaveText(order[2]!);
    await expect(secondWalk.getByRole('article', { name: `Reviewing: ${order[2]}` })).toBeVisible();
  } finally {
    await context.close();
    await server.stop();
  }
});
