import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { startServer, tempDataDir, TestClock, type TestServer } from '../support/server';
import { openDemoTeam } from '../support/demo-team';
import { api } from '../support/page-api';

// Monday 30 Nov 2026, 10:00 in Berlin: the demo team's next meeting starts now.
const START = Date.parse('2026-11-30T09:00:00Z');

/** The demo team's next meeting, everyone present, started: the console shows the check-in round. */
async function startDemoMeeting(page: Page, server: TestServer): Promise<void> {
  await page.goto(server.url);
  await openDemoTeam(page);
  await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('list', { name: 'Upcoming meetings' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Everyone expected is present' }).click();
  await page.getByRole('button', { name: 'Start meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();
}

/** Who spoke how, in the round's order: "Maya Okafor Spoke, Sam Lindqvist Speaking, …". */
async function round(page: Page): Promise<string> {
  const rows = await page.getByRole('list', { name: 'Speakers' }).getByRole('listitem').allInnerTexts();
  return rows.map((r) => r.replace(/\s+/g, ' ').trim()).join(', ');
}

/** A key held down: the browser repeats its keydown (with `repeat` set) until it is let go. */
async function hold(page: Page, key: string, repeats = 5): Promise<void> {
  for (let i = 0; i <= repeats; i++) await page.keyboard.down(key);
  await page.keyboard.up(key);
}

interface CoFacilitator {
  page: Page;
  hold: () => void;
  release: () => void;
}

/**
 * A second console on the meeting `maya` shows (a co-facilitator's tab): `hold()` keeps the news of changes made
 * elsewhere from reaching it (its own requests are still answered) until `release()`, as when two people press at once.
 */
async function coFacilitator(context: BrowserContext, maya: Page): Promise<CoFacilitator> {
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(START));
  let holding = false;
  const held: string[] = [];
  let flush = () => undefined as void;
  await page.routeWebSocket(/\/api\/events$/, (ws) => {
    const main = ws.connectToServer();
    main.onMessage((message) => {
      const type = (JSON.parse(String(message)) as { type: string }).type;
      if (holding && type !== 'reply' && type !== 'hello') held.push(String(message));
      else ws.send(message);
    });
    flush = () => {
      holding = false;
      for (const message of held.splice(0)) ws.send(message);
    };
  });
  await page.goto(maya.url());
  return { page, hold: () => void (holding = true), release: () => flush() };
}

/** The server going away and coming back on the same port, as a laptop's app restarting mid-meeting looks to a page. */
interface Outage {
  down(): Promise<void>;
  /** Back on the same port, `laterMs` after it went down by the server's clock. */
  back(laterMs?: number): Promise<void>;
}

/**
 * A data folder with its clock and server, a browser context, and Maya's console on the demo team's meeting, started;
 * `body` runs on them (with the means to take the server down and bring it back) and everything is closed after it.
 */
async function withStartedMeeting(
  browser: Browser,
  body: (run: { maya: Page; context: BrowserContext; outage: Outage }) => Promise<void>,
): Promise<void> {
  const dir = tempDataDir('pressure');
  const clock = new TestClock(dir, START);
  let server = await startServer({ dataDir: dir, clockFile: clock.file });
  const { port } = server;
  const outage: Outage = {
    down: () => server.stop(),
    back: async (laterMs = 0) => {
      clock.advance(laterMs);
      server = await startServer({ dataDir: dir, port, clockFile: clock.file });
    },
  };
  const context = await browser.newContext();
  try {
    const maya = await context.newPage();
    await maya.clock.setFixedTime(new Date(START));
    await startDemoMeeting(maya, server);
    await body({ maya, context, outage });
  } finally {
    await context.close();
    await server.stop();
  }
}

/** Each console shows one step taken from the start, and only one: the check-in done, the read-out running. */
async function expectReadOutRunning(pages: Page[]): Promise<void> {
  for (const page of pages) {
    await expect(page.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    const progress = page.getByRole('list', { name: 'Agenda progress' });
    await expect(progress.locator('li.p-done')).toHaveCount(1);
    await expect(progress.locator('li.p-done')).toContainText('Check-in round');
  }
}

/**
 * Maya presses `key` while the news of it is held from Sam's console, then Sam presses it too: his press is refused
 * with `refusal`, and both consoles end on the read-out, one step from the start.
 */
async function bothPress(maya: Page, sam: CoFacilitator, key: string, refusal: string): Promise<void> {
  sam.hold();
  await maya.keyboard.press(key);
  await expect(maya.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
  await sam.page.keyboard.press(key);
  await expect(sam.page.getByRole('alert')).toContainText(refusal);
  sam.release();
  await expectReadOutRunning([maya, sam.page]);
  await expect(maya.getByRole('alert')).toHaveCount(0);
}

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

test('notes typed while the other console moves on stay text, and each item keeps what was typed in it', async ({ browser }) => {
  await withStartedMeeting(browser, async ({ maya, context }) => {
    const { page: sam } = await coFacilitator(context, maya);
    await expect(sam.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();

    await maya.getByLabel('Notes on “Check-in round”').click();
    await maya.keyboard.type('Energy is good');
    await sam.keyboard.press('n');
    await expect(maya.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    // She types on: the letters are text in the read-out's notes (n, t and e were next item, next speaker, +1 min).
    await maya.keyboard.type('; then the pricing numbers');
    const readOut = maya.getByLabel('Notes on “Pricing page experiment: read-out”');
    await expect(readOut).toHaveValue('; then the pricing numbers');
    await expect(readOut).toBeFocused();
    await readOut.blur();
    await expect(maya.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await expect(maya.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    await expect(maya.locator('.current-item')).not.toContainText('planned + 1:00 added');
    // The check-in kept what was typed in it before the meeting moved on.
    await sam.keyboard.press('ArrowLeft');
    await expect(maya.getByLabel('Notes on “Check-in round”')).toHaveValue('Energy is good');
  });
});

test('notes typed while the server is down are saved once it is back, and the console and projector show the right time', async ({
  browser,
}) => {
  await withStartedMeeting(browser, async ({ maya: page, context, outage }) => {
    const projector = await context.newPage();
    await projector.clock.setFixedTime(new Date(START));
    await projector.goto(page.url().replace(/\/run$/, '/projector'));
    await expect(projector.getByRole('timer', { name: 'Time left for this item' })).toHaveText('5:00');

    await outage.down();
    await expect(page.getByRole('status').filter({ hasText: 'Lost the connection to Cadence' })).toBeVisible();
    await expect(projector.getByRole('status').filter({ hasText: 'Reconnecting to Cadence…' })).toBeVisible();
    const notes = page.getByLabel('Notes on “Check-in round”');
    await notes.fill('Energy is good; Lena is out sick.');
    await expect(page.locator('.notes-editor').getByRole('status')).toHaveText('Not saved');
    await expect(notes).toHaveValue('Energy is good; Lena is out sick.');

    // Back a minute later, on the same port: the note is saved without another keystroke, the old error gone.
    await outage.back(60_000);
    await expect(page.locator('.notes-editor').getByRole('status')).toHaveText('Saved');
    await expect(page.locator('.notes-editor').getByRole('alert')).toHaveCount(0);
    for (const view of [page, projector]) await expect(view.getByRole('timer', { name: 'Time left for this item' })).toHaveText('4:00');
    await expect(projector.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0);
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await expect(fresh.getByLabel('Notes on “Check-in round”')).toHaveValue('Energy is good; Lena is out sick.');
  });
});

test('a line typed on a turn while the server is down is saved once it is back', async ({ browser }) => {
  await withStartedMeeting(browser, async ({ maya: page, outage }) => {
    await outage.down();
    await expect(page.getByRole('status').filter({ hasText: 'Lost the connection to Cadence' })).toBeVisible();
    const line = page.getByLabel('Notes on Maya Okafor’s turn');
    await line.fill('Back from leave, catching up on the queue work');
    await line.blur();
    const state = page.locator('.round-panel').getByRole('status');
    await expect(state).toHaveText('Not saved');

    // Back on the same port: the line is saved without her leaving the box again.
    await outage.back();
    await expect(state).toHaveText('Saved');
    const meetingId = /meetings\/([^/]+)\/run/.exec(page.url())![1]!;
    const live = await api(page, 'meetings.live', { meetingId });
    expect(live.turns.find((t) => t.name === 'Maya Okafor')?.notes).toBe('Back from leave, catching up on the queue work');
    await expect(line).toHaveValue('Back from leave, catching up on the queue work');
  });
});

test('a line typed on a turn is kept when the other console moves on to the next speaker', async ({ browser }) => {
  await withStartedMeeting(browser, async ({ maya, context }) => {
    const { page: sam } = await coFacilitator(context, maya);
    await expect(sam.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();

    await maya.getByLabel('Notes on Maya Okafor’s turn').fill('Back from leave, catching up on the queue work');
    await sam.keyboard.press('t');
    await expect(maya.getByLabel('Notes on Sam Lindqvist’s turn')).toHaveValue('');
    const meetingId = /meetings\/([^/]+)\/run/.exec(maya.url())![1]!;
    await expect
      .poll(async () => (await api(maya, 'meetings.live', { meetingId })).turns.find((t) => t.name === 'Maya Okafor')?.notes)
      .toBe('Back from leave, catching up on the queue work');
    await expect(maya.getByRole('alert')).toHaveCount(0);
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
