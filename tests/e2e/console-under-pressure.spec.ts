import type { Locator } from '@playwright/test';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { START, bothPress, coFacilitator, hold, round, startDemoMeeting, withStartedMeeting } from '../support/console-pressure';
import { startServer, tempDataDir, TestClock } from '../support/server';

test('a held key acts once: T ends one turn, N one item', async ({ page }) => {
  const dir = tempDataDir('pressure');
  const clock = new TestClock(dir, START);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    await page.clock.setFixedTime(new Date(START));
    await startDemoMeeting(page, server);

    // Held T: Maya's turn ends and Sam speaks; the repeats ended Sam's, Priya's and Diego's turns too.
    await hold(page, 't');
    // A key pressed once after it marks where the held key's writes end (they are answered in order).
    await page.keyboard.press('o');
    await expect.poll(() => round(page)).toMatch(/^Maya Okafor Spoke, Sam Lindqvist Passed, Priya Raman Speaking, Diego Alvarez Waiting/);

    // Held N: one item on, not four.
    await hold(page, 'n');
    await expect(page.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Agenda progress' }).locator('li.p-done')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('a double click takes one step: Next speaker ends one turn, Next item leaves one item', async ({ page }) => {
  const dir = tempDataDir('pressure');
  const clock = new TestClock(dir, START);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    await page.clock.setFixedTime(new Date(START));
    await startDemoMeeting(page, server);

    await page.getByRole('button', { name: /^Next speaker/ }).dblclick();
    await expect.poll(() => round(page)).toMatch(/^Maya Okafor Spoke, Sam Lindqvist Speaking, Priya Raman Waiting/);
    // The next press, once Sam's turn is on screen, is his.
    await page.getByRole('button', { name: /^Pass/ }).click();
    await expect.poll(() => round(page)).toMatch(/^Maya Okafor Spoke, Sam Lindqvist Passed, Priya Raman Speaking, Diego Alvarez Waiting/);

    await page.getByRole('button', { name: /^Next item/ }).dblclick();
    await expect(page.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    // On a busy machine a double click's second click can come after the first step is on screen: the same press still.
    await page.getByRole('button', { name: /^Next item/ }).dispatchEvent('click', { detail: 2 });
    await page.getByRole('button', { name: /^Previous/ }).click();
    await expect(page.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Agenda progress' }).locator('li.p-done')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('two consoles press N at once: the meeting moves one item, and the later one says why it did not', async ({ browser }) => {
  await withStartedMeeting(browser, async ({ maya, context }) => {
    // The co-facilitator's console, whose news of the other's step is still on its way when she presses N.
    const sam = await coFacilitator(context, maya);
    await expect(sam.page.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();

    // Both consoles show the one step taken: the check-in done, the read-out running, the review still to come.
    await bothPress(
      maya,
      sam,
      'n',
      'The meeting had already moved on from “Check-in round” (in another window): it is now on “Pricing page experiment: read-out”',
    );
  });
});

test('two consoles press Ctrl+Z at once: the last action is undone once, not with the one before, and the later one says why', async ({
  browser,
}) => {
  await withStartedMeeting(browser, async ({ maya, context }) => {
    const sam = await coFacilitator(context, maya);
    // Two steps to undo: the check-in and the read-out done, both consoles showing the third item.
    await maya.keyboard.press('n');
    await expect(maya.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    await maya.keyboard.press('n');
    for (const page of [maya, sam.page])
      await expect(page.getByRole('list', { name: 'Agenda progress' }).locator('li.p-done')).toHaveCount(2);

    // Both consoles show the one undo: the read-out running again, the check-in still done.
    await bothPress(
      maya,
      sam,
      'Control+z',
      'That action had already been undone, or another taken, in another window: the last action is now “next item”. Nothing was undone',
    );
  });
});

test('at 1366x768, thirty items and twenty people: the console keeps the current item and its row in the agenda on screen', async ({
  browser,
}) => {
  const dir = tempDataDir('pressure');
  const clock = new TestClock(dir, START);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(START));
    await page.goto(server.url);
    const members = Array.from({ length: 20 }, (_, i) => `Member ${String(i + 1).padStart(2, '0')} Lindqvist-Okafor`);
    const team = await api(page, 'teams.create', { name: 'Big Ops', timeZone: 'Europe/Berlin', members });
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title: 'Quarterly all-hands',
      date: '2026-11-30',
      time: '10:00',
      lengthMin: 90,
    });
    let d = await api(page, 'meetings.get', { meetingId });
    for (let i = 1; i <= 30; i++)
      d = await api(page, 'agenda.addItem', {
        meetingId,
        expectedRevision: d.meeting.agendaRevision,
        kind: 'discussion',
        title: `Topic ${i}${i % 3 ? '' : ': a title long enough to take two lines in the console’s agenda'}`,
        plannedMin: 2,
      });
    for (const attendee of d.attendees) await api(page, 'attendance.set', { attendeeId: attendee.id, status: 'present' });
    await api(page, 'meetings.start', { meetingId });
    for (let i = 1; i < 21; i++) await api(page, 'live.next', { meetingId });

    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    await expect(page.getByRole('heading', { name: 'Topic 21', level: 2 })).toBeVisible();
    const view = page.viewportSize()!;
    // Polled: the agenda's list is scrolled to the current row in the frame's rendering step, before it is painted.
    const inView = (what: string, target: Locator) =>
      expect
        .poll(
          async () => {
            const box = await target.boundingBox();
            return box !== null && box.y >= 0 && box.y + box.height <= view.height;
          },
          { message: `${what} is on screen` },
        )
        .toBe(true);
    await inView('the current item', page.locator('.current-item'));
    const row = page.getByRole('list', { name: 'Agenda progress' }).locator('[aria-current="step"]');
    await expect(row).toContainText('Topic 21');
    await inView('its row in the agenda', row);
    // N moves the row along with the item; the list stays short enough for the attendance to start on the first screen.
    await page.keyboard.press('n');
    await expect(row).toContainText('Topic 22');
    await inView('the next row', row);
    await inView('the attendance heading', page.getByRole('heading', { name: 'Attendance' }));
    await page.screenshot({ path: 'test-results/screens/console-thirty-items-1366x768.png' });
  } finally {
    await context.close();
    await server.stop();
  }
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
])
  test(`at ${viewport.width}x${viewport.height}, what an action did is said beside the clocks, not over them`, async ({ browser }) => {
    const dir = tempDataDir('pressure');
    const clock = new TestClock(dir, START);
    const server = await startServer({ dataDir: dir, clockFile: clock.file });
    const context = await browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(START));
      await startDemoMeeting(page, server);
      await page.keyboard.press('e');
      const notice = page.locator('.console-status').getByText('+1 min');
      await expect(notice).toBeVisible();
      const [said, ...covered] = await Promise.all(
        [notice, page.getByRole('timer', { name: 'Meeting time' }), page.locator('.current-top'), page.locator('.speaker-now')].map((l) =>
          l.boundingBox(),
        ),
      );
      for (const box of covered)
        expect(
          said!.x < box!.x + box!.width &&
            box!.x < said!.x + said!.width &&
            said!.y < box!.y + box!.height &&
            box!.y < said!.y + said!.height,
          `the notice at ${JSON.stringify(said)} covers ${JSON.stringify(box)}`,
        ).toBe(false);
      await page.screenshot({ path: `test-results/screens/console-notice-${viewport.width}x${viewport.height}.png` });
    } finally {
      await context.close();
      await server.stop();
    }
  });
