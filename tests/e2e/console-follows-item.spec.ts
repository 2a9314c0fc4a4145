import { expect, test } from '../support/test';
import { startServer, tempDataDir, TestClock } from '../support/server';

// Monday 30 Nov 2026, 10:00 in Berlin: the demo team's next meeting.
const START = Date.parse('2026-11-30T09:00:00Z');

// Walked at 1366x768: read down to a proposal's decision record, the facilitator pressed N and the window stayed
// where it was, on the next item's lower half; its title and countdown were out of sight, as if N had done nothing.
test('moving to another item brings its title and countdown into view, from wherever the console was scrolled; the record says what each took', async ({
  browser,
}) => {
  const dir = tempDataDir('follow');
  const clock = new TestClock(dir, START);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Explore a demo team' }).click();
    await page.getByRole('region', { name: 'Next up' }).getByRole('link').first().click();
    // Walked: the attendance card's one-line help was in body type, larger than every other help line on the page.
    const help = page.getByText('One click marks everyone present; then mark who is absent or late.');
    const [helpPx, bodyPx] = await help.evaluate((el) =>
      [getComputedStyle(el).fontSize, getComputedStyle(document.body).fontSize].map(parseFloat),
    );
    expect(helpPx).toBeLessThan(bodyPx!);
    await page.getByRole('button', { name: 'Everyone expected is present' }).click();
    await page.getByRole('button', { name: 'Start meeting' }).click();
    await expect(page.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeInViewport();

    for (const [key, title] of [
      ['n', 'Pricing page experiment: read-out'],
      ['n', 'Commitment review'],
      ['ArrowLeft', 'Pricing page experiment: read-out'],
    ] as const) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(page.getByRole('heading', { level: 2 }).first()).not.toBeInViewport();
      await page.keyboard.press(key);
      await expect(page.getByRole('heading', { name: title, level: 2 })).toBeInViewport();
      await expect(page.getByRole('timer', { name: 'Time left for this item' })).toBeInViewport();
    }

    // A scroll of the person's own while the item stays is left alone.
    await page.evaluate(() => window.scrollTo(0, 400));
    await page.keyboard.press('e');
    await expect(page.getByText(/1:00 added/)).toBeAttached();
    expect(await page.evaluate(() => window.scrollY)).toBe(400);

    // The record says what each item took as the minutes do: "took 0" read as a figure left out.
    await page.getByRole('button', { name: 'End meeting' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End meeting' }).click();
    await page.getByRole('link', { name: 'Open the record' }).click();
    const checkIn = page.getByRole('list', { name: 'Agenda' }).getByRole('listitem').filter({ hasText: 'Check-in round' });
    await expect(checkIn.locator('.agenda-actual')).toHaveText('took under a minute');
  } finally {
    await context.close();
    await server.stop();
  }
});
