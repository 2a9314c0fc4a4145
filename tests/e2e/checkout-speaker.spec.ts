import { expect, test } from '../support/test';
import { startedWithItem } from '../support/page-api';
import { startServer } from '../support/server';

// Walked (walk18): in the check-out, a rating moved the ratings' cursor to the next person while the round stayed with
// the one just rated, so the projector showed one speaker and the console rated another.
test('check-out: the person being rated is the round’s speaker, on the console and on the projector, rating after rating', async ({
  browser,
}) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const names = ['Ada', 'Grace', 'Linus'];
    const { meetingId } = await startedWithItem(page, {
      team: { name: 'Platform', timeZone: 'UTC', members: names },
      meeting: { title: 'Weekly', date: '2026-12-07', time: '09:00' },
      item: 'Check-out',
      kind: 'check_out',
      plannedMin: 5,
    });
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const ratings = page.getByRole('group', { name: 'Check-out ratings, person by person' });
    const cursor = ratings.locator('li[aria-current="true"] .go-round-name');
    const speaker = page.locator('.speaker-now .speaker-name');
    const onProjector = projector.locator('.projector-speaker-name');
    for (const [i, rating] of ['8', '7'].entries()) {
      await expect(speaker).toHaveText(names[i]!);
      await expect(cursor).toHaveText(names[i]!);
      await expect(onProjector).toHaveText(names[i]!);
      await page.keyboard.press(rating);
      // The rating ends the speaker's turn: all three move on together.
      await expect(page.locator('.checkout-round .badge')).toContainText(`${i + 1} of 3 rated`);
      await expect(speaker).toHaveText(names[i + 1]!);
      await expect(cursor).toHaveText(names[i + 1]!);
      await expect(onProjector).toHaveText(names[i + 1]!);
    }
  } finally {
    await context.close();
    await server.stop();
  }
});

// Walked (walk19): once the round was over, the list's cursor went back to where the page had loaded (the first person,
// or the next unrated one after a reload) while the sentence box asked about the last person rated: a digit then
// re-rated someone else than the box named.
test('check-out: when the round ends, the person picked is the last one rated, the one the sentence box names', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const names = ['Ada', 'Grace', 'Linus'];
    const { meetingId } = await startedWithItem(page, {
      team: { name: 'Platform', timeZone: 'UTC', members: names },
      meeting: { title: 'Weekly', date: '2026-12-07', time: '09:00' },
      item: 'Check-out',
      kind: 'check_out',
      plannedMin: 5,
    });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const ratings = page.getByRole('group', { name: 'Check-out ratings, person by person' });
    const cursor = ratings.locator('li[aria-current="true"] .go-round-name');
    const badge = page.locator('.checkout-round .badge');
    // The ratings' keys are the console's once its key bar offers them.
    await expect(page.getByRole('navigation', { name: 'Keys' }).getByLabel('Ratings keys')).toContainText('rate 10');
    for (const [i, rating] of ['8', '7', '9'].entries()) {
      await expect(page.locator('.speaker-now .speaker-name')).toHaveText(names[i]!);
      await page.keyboard.press(rating);
      await expect(badge).toContainText(`${i + 1} of 3 rated`);
    }
    await expect(page.getByText('Everyone has had their turn.')).toBeVisible();
    await expect(page.getByLabel('What would make the next meeting better, for Linus? (optional)')).toBeVisible();
    await expect(cursor).toHaveText('Linus');
    // A digit now corrects the person named, and no one else.
    await page.keyboard.press('6');
    await expect(ratings.getByRole('listitem').filter({ hasText: 'Linus' }).locator('.rating-chip')).toHaveText('6');
    await expect(ratings.getByRole('listitem').filter({ hasText: 'Ada' }).locator('.rating-chip')).toHaveText('8');
  } finally {
    await context.close();
    await server.stop();
  }
});
