import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api, startedReview } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';

const OPEN = 9;

/** A team with `count` open commitments and a meeting of one commitment review, started; its id. */
const reviewOf = async (page: Page, count: number): Promise<string> =>
  (await startedReview(page, count, (i) => `Outcome number ${i + 1}: the release checklist is signed off by the platform team`)).meetingId;

// Walk18: no test followed the projector through a review of more commitments than it shows at once (five at 1280x720).
test('a review of nine commitments at 1280x720: the projector pages with the walk, each commitment comes up whole in turn, none skipped', async ({
  browser,
}) => {
  const dir = tempDataDir('review-pages');
  const clock = new TestClock(dir, Date.parse('2026-11-23T09:00:00Z'));
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const meetingId = await reviewOf(page, OPEN);
    const order = (await api(page, 'meetings.get', { meetingId })).commitments.review.map((c) => c.outcome);
    expect(order).toHaveLength(OPEN);

    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const walk = page.getByRole('region', { name: 'Owner by owner' });
    const list = projector.getByRole('list', { name: 'Commitments under review' });
    const seen: string[] = [];
    for (let i = 0; i < OPEN; i++) {
      const next = list.locator('li[aria-current="step"]');
      await expect(next.locator('.pc-outcome')).toHaveText(order[i]!);
      await expect(walk.locator('.round-head .badge')).toHaveText(`${i} of ${OPEN} reviewed`);
      // Every row shown is whole on the screen, and the note says which page of the list it is.
      const rows = list.getByRole('listitem');
      const count = await rows.count();
      expect(count).toBeLessThanOrEqual(5);
      for (let r = 0; r < count; r++) await expect(rows.nth(r)).toBeInViewport({ ratio: 1 });
      for (let r = 0; r < count; r++)
        expect(
          await rows
            .nth(r)
            .locator('.pc-outcome')
            .evaluate((el) => el.scrollHeight - el.clientHeight),
        ).toBeLessThanOrEqual(4);
      const first = order.indexOf((await rows.first().locator('.pc-outcome').textContent())!);
      await expect(projector.locator('.projector-page-note')).toHaveText(`${first + 1}–${first + count} of ${OPEN} · ${i} reviewed`);
      await expect(projector.locator('.projector-page-note')).toBeInViewport({ ratio: 1 });
      seen.push((await next.locator('.pc-outcome').textContent())!);
      await page.keyboard.press('1');
    }
    await expect(walk.locator('.round-head .badge')).toHaveText(`${OPEN} of ${OPEN} reviewed`);
    expect(seen).toEqual(order);
    await projector.screenshot({ path: 'test-results/screens/projector-review-pages-1280.png' });
  } finally {
    await context.close();
    await server.stop();
  }
});

// Walked (walk19): a commitment passed over with ↓ and the rest reviewed, the console stayed on the last one while the
// projector showed the one passed over as up next.
test('a commitment passed over with ↓: once the rest are reviewed, the console comes back to it, the one the projector shows', async ({
  browser,
}) => {
  const dir = tempDataDir('review-back');
  const clock = new TestClock(dir, Date.parse('2026-11-23T09:00:00Z'));
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const meetingId = await reviewOf(page, 3);
    const order = (await api(page, 'meetings.get', { meetingId })).commitments.review.map((c) => c.outcome);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const walk = page.getByRole('region', { name: 'Owner by owner' });
    const upNext = projector.getByRole('list', { name: 'Commitments under review' }).locator('li[aria-current="step"] .pc-outcome');
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[0]}` })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[1]}` })).toBeVisible();
    await page.keyboard.press('1');
    await expect(walk.locator('.round-head .badge')).toHaveText('1 of 3 reviewed');
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[2]}` })).toBeVisible();
    await page.keyboard.press('1');
    await expect(walk.locator('.round-head .badge')).toHaveText('2 of 3 reviewed');
    await expect(upNext).toHaveText(order[0]!);
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[0]}` })).toBeVisible();
    await page.keyboard.press('2');
    await expect(walk.locator('.round-head .badge')).toHaveText('3 of 3 reviewed');
  } finally {
    await context.close();
    await server.stop();
  }
});

// The console walked on from the one just recorded while the projector named the first without an outcome: with one
// passed over with ↓, they named different commitments as up next until the end of the review.
test('a commitment passed over with ↓: after each outcome the console and the projector name the same commitment up next', async ({
  browser,
}) => {
  const dir = tempDataDir('review-agree');
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
    const upNext = projector.getByRole('list', { name: 'Commitments under review' }).locator('li[aria-current="step"] .pc-outcome');
    const both = async (i: number, reviewed: number) => {
      await expect(walk.locator('.round-head .badge')).toHaveText(`${reviewed} of 4 reviewed`);
      await expect(walk.getByRole('article', { name: `Reviewing: ${order[i]}` })).toBeVisible();
      await expect(upNext).toHaveText(order[i]!);
    };
    await both(0, 0);
    // The first is passed over; the second gets an outcome: both go on to the third, not back to the first.
    await page.keyboard.press('ArrowDown');
    await expect(walk.getByRole('article', { name: `Reviewing: ${order[1]}` })).toBeVisible();
    await page.keyboard.press('1');
    await both(2, 1);
    await page.keyboard.press('2');
    await both(3, 2);
    await page.keyboard.press('1');
    // Then back to the one passed over.
    await both(0, 3);
    // A projector opened now (or a console reloaded) names the same one.
    await page.reload();
    await projector.reload();
    await both(0, 3);
  } finally {
    await context.close();
    await server.stop();
  }
});
