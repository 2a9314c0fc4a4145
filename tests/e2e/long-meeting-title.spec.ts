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

const LONG_TITLE =
  'The Monday accountability meeting of the Platform team, with every decision, commitment and objection read back to the room at the end, as agreed in the operating agreement of October'.padEnd(
    200,
    '.',
  );

// Walked (walk18): the meeting's title was measured on each item, but the clock's words widen within an item too: an
// item that runs over put "3 min behind · " before "planned 10 min over the meeting's length", and the title was cut even
// at its smallest step: the clock's words now wrap past two fifths of the screen, and are measured as they change.
test('a meeting title of 200 characters stays whole on the projector when the clock’s words widen within an item', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    // Two items of 20 minutes in a meeting of 30: once the first runs late, the words say how late before the plan.
    const { meetingId } = await startedWithItem(page, {
      team: { name: 'Platform', timeZone: 'UTC', members: ['Ada', 'Grace'] },
      meeting: { title: LONG_TITLE, date: '2026-12-07', time: '09:00' },
      item: 'Release train',
      kind: 'discussion',
      plannedMin: 20,
      then: ['Hiring'],
    });
    const projector = await context.newPage();
    await projector.clock.install();
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const meeting = projector.locator('.projector-meeting');
    const drift = projector.locator('.projector-pace .drift');
    await expect(drift).toHaveText("planned 10 min over the meeting's length");
    const cut = () => meeting.evaluate((el) => el.scrollHeight - el.clientHeight);
    await expect.poll(cut, { message: 'the title whole beside the first words' }).toBeLessThanOrEqual(4);
    await projector.clock.fastForward('23:00');
    await expect(drift).toHaveText("3 min behind · planned 10 min over the meeting's length");
    await expect(projector.locator('.projector-title')).toHaveText('Release train');
    await expect.poll(cut, { message: 'the title whole once the clock’s words widened' }).toBeLessThanOrEqual(4);
    await projector.screenshot({ path: `${SCREENS}/projector-long-meeting-title-behind-1280.png` });
  } finally {
    await context.close();
    await server.stop();
  }
});

// Walked (walk18): before the meeting starts, the projector said the 200-character title twice, the second time in
// 9vh type that ran off the screen with "Starting soon" under it, out of sight.
test('the projector’s “Starting soon” screen of a meeting titled in 200 characters fits 1280x720 and 1920x1080', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const team = await api(page, 'teams.create', { name: 'Platform', timeZone: 'UTC', members: ['Ada', 'Grace'] });
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title: LONG_TITLE,
      date: '2026-12-07',
      time: '09:00',
      lengthMin: 45,
    });
    const planned = await api(page, 'meetings.get', { meetingId });
    await api(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: planned.meeting.agendaRevision,
      kind: 'discussion',
      title: 'Release train',
      plannedMin: 20,
    });
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
      const welcome = page.locator('.projector-welcome');
      await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Starting soon');
      await expect(welcome).toContainText('1 item · 45 minutes');
      await expect(welcome).toBeInViewport({ ratio: 1 });
      // The title once, whole, in the head.
      await expect(page.getByText(LONG_TITLE, { exact: true })).toHaveCount(1);
      await expect
        .poll(() => page.locator('.projector-meeting').evaluate((el) => el.scrollHeight - el.clientHeight), {
          message: `the meeting's title cut at ${size.width}`,
        })
        .toBeLessThanOrEqual(4);
      expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
      await page.screenshot({ path: `${SCREENS}/projector-starting-soon-long-title-${size.width}.png` });
    }
  } finally {
    await context.close();
    await server.stop();
  }
});
