import { expect, test } from '../support/test';
import { api, startedWithItem } from '../support/page-api';
import { startServer } from '../support/server';
import { demoOnALaptop } from '../support/demo-on-a-laptop';
import { chooseTheme } from '../support/theme';

const SCREENS = 'test-results/screens';

// Walked (walk16): a meeting title of 200 characters (the contract's most) was cut to two lines on the projector, where
// nobody can hover or scroll, and on a 1366x768 console it took the head's whole first row and put the meeting's clock
// on a second row, centred between the title and the tools.
test('a meeting title of 200 characters: the projector shows it whole at 1280x720 and 1920x1080; the console keeps its clock beside it', async ({
  browser,
}) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const title =
      'The Monday accountability meeting of the Platform team, with every decision, commitment and objection read back to the room at the end, as agreed in the operating agreement of October'.padEnd(
        200,
        '.',
      );
    expect(title).toHaveLength(200);
    const { meetingId } = await startedWithItem(page, {
      team: { name: 'Platform', timeZone: 'UTC', members: ['Ada', 'Grace'] },
      meeting: { title, date: '2026-12-07', time: '09:00' },
      item: 'Release train',
      kind: 'discussion',
      plannedMin: 10,
      then: ['Hiring'],
    });

    const projector = await context.newPage();
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await projector.setViewportSize(size);
      await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
      await expect(projector.locator('.projector-title')).toHaveText('Release train');
      const meeting = projector.locator('.projector-meeting');
      await expect(meeting).toHaveText(title);
      // Whole: no line cut off (a line's glyphs may reach a few pixels past its box), and inside the screen.
      await expect
        .poll(() => meeting.evaluate((el) => el.scrollHeight - el.clientHeight), { message: `the meeting's title cut at ${size.width}` })
        .toBeLessThanOrEqual(4);
      const box = (await meeting.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      // The meeting's clock and the item's countdown are still on the screen beside it.
      await expect(projector.getByRole('timer', { name: 'Meeting time' })).toBeInViewport({ ratio: 1 });
      await expect(projector.getByRole('timer', { name: 'Time left for this item' })).toBeInViewport({ ratio: 1 });
      await projector.screenshot({ path: `${SCREENS}/projector-long-meeting-title-${size.width}.png` });
    }
    // Walked: the next item, reached ten minutes early, widened the clock's words ("10 min ahead · 10 min spare in the
    // plan") and cut the title at the step measured beside "on time": it is measured again.
    await projector.setViewportSize({ width: 1280, height: 720 });
    await api(page, 'live.next', { meetingId });
    await expect(projector.locator('.projector-title')).toHaveText('Hiring');
    await expect(projector.locator('.drift')).toContainText('ahead');
    await expect
      .poll(() => projector.locator('.projector-meeting').evaluate((el) => el.scrollHeight - el.clientHeight), {
        message: "the meeting's title cut on the next item",
      })
      .toBeLessThanOrEqual(4);

    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveAttribute('title', title);
    const clock = page.locator('.console-head').getByRole('timer', { name: 'Meeting time' });
    await expect(clock).toBeVisible();
    const h1 = (await heading.boundingBox())!;
    const at = (await clock.boundingBox())!;
    const head = (await page.locator('.console-head').boundingBox())!;
    // On the title's row, at the head's right end, not on a row of its own under it.
    expect(at.y, 'the clock starts above the title’s last line').toBeLessThan(h1.y + h1.height);
    expect(head.x + head.width - (at.x + at.width), 'the clock at the head’s right end').toBeLessThanOrEqual(2);
    expect(at.x).toBeGreaterThan(h1.x + h1.width - 1);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${SCREENS}/console-long-meeting-title-1366.png` });
  } finally {
    await context.close();
    await server.stop();
  }
});

// Walked: the decision links of a meeting's old business and a decision page's links were the browser's blue and
// purple, a pale violet on the dark theme's cards.
test('links read in the app’s accent in the light and dark themes, visited or not', async ({ browser }) => {
  const { page, meetingId, close } = await demoOnALaptop(browser);
  try {
    await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meetingId}`);
    const link = page.getByRole('region', { name: 'Old business' }).getByRole('link').first();
    await expect(link).toBeVisible();
    for (const theme of ['Light', 'Dark'] as const) {
      await chooseTheme(page, theme);
      const [color, accent] = await link.evaluate((a) => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--accent)';
        a.parentElement!.append(probe);
        const wanted = getComputedStyle(probe).color;
        probe.remove();
        return [getComputedStyle(a).color, wanted];
      });
      expect(color, `an old-business link in the ${theme} theme`).toBe(accent);
    }
    await chooseTheme(page, 'Light');
  } finally {
    await close();
  }
});
