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
