import { expect, test } from '../support/test';
import { startedReview } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';

const OPEN = 120;

test('a team with 120 open commitments: the console review draws only the rows in view, follows the walk and picks any of them', async ({
  browser,
}) => {
  const dir = tempDataDir('review-list');
  const clock = new TestClock(dir, Date.parse('2026-11-23T09:00:00Z'));
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const { meetingId } = await startedReview(page, OPEN, (i) => `Outcome number ${i + 1}`);
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);

    const walk = page.getByRole('region', { name: 'Owner by owner' });
    await expect(walk.locator('.round-head .badge')).toHaveText(`0 of ${OPEN} reviewed`);
    const rows = walk.getByRole('list', { name: 'Commitments to review' }).getByRole('listitem');
    // A window of rows, not all 120: the first is there, the last is not until the box scrolls to it.
    await expect(rows.first()).toBeVisible();
    const drawn = await rows.count();
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(30);
    const first = (await rows.first().textContent())!;
    await expect(rows.first()).toHaveAttribute('aria-setsize', String(OPEN));

    // Walking down with the keys keeps the current row drawn and in view, far past the first window.
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
    const current = walk.locator('.review-list li.is-current');
    // In view within its box (the box itself may sit below the fold of the page at this size).
    const inBox = () =>
      current.evaluate((li) => {
        const box = li.closest('.review-scroll')!.getBoundingClientRect();
        const row = li.getBoundingClientRect();
        return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
      });
    await expect.poll(inBox).toBe(true);
    const reviewing = (await walk.getByRole('article').getAttribute('aria-label'))!.replace('Reviewing: ', '');
    await expect(current).toContainText(reviewing);
    await expect(rows.filter({ hasText: first })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/console-review-list-1366.png' });

    // Any drawn row can be picked with the mouse, and the walk shows it.
    const pick = rows.filter({ hasNot: page.locator('.is-current') }).last();
    const picked = (await pick.locator('span').first().textContent())!.split(': ')[1]!;
    await pick.getByRole('button').click();
    await expect(walk.getByRole('article', { name: `Reviewing: ${picked}` })).toBeVisible();
  } finally {
    await context.close();
    await server.stop();
  }
});

test('walk22: Escape closes an outcome’s form in the review, and the next digit chooses again', async ({ browser }) => {
  const dir = tempDataDir('review-escape');
  const clock = new TestClock(dir, Date.parse('2026-11-23T09:00:00Z'));
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const { meetingId } = await startedReview(page, 3, (i) => `Outcome number ${i + 1}`);
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const walk = page.getByRole('region', { name: 'Owner by owner' });
    await expect(walk.locator('.round-head .badge')).toHaveText('0 of 3 reviewed');

    // 5 by mistake: the renegotiation's form opens on its date. Escape did nothing, and the 4 pressed next went into
    // the date ("04/dd/yyyy") instead of choosing "slipped".
    await page.keyboard.press('5');
    await expect(page.getByLabel('New due date')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('New due date')).toHaveCount(0);
    await expect(walk.getByRole('button', { name: /^Renegotiate/ })).toBeFocused();
    await page.keyboard.press('4');
    await expect(page.getByLabel('Root cause')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('Root cause')).toHaveCount(0);
    await page.keyboard.press('1');
    await expect(walk.locator('.round-head .badge')).toHaveText('1 of 3 reviewed');
    // The list of keys says how to leave a box or a form.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Escape leaves it');
  } finally {
    await context.close();
    await server.stop();
  }
});
