import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from './test';
import { startServer, tempDataDir, TestClock, type TestServer } from './server';
import { openDemoTeam } from './demo-team';

/* The console under pressure: the demo team's meeting started, a second console whose news can be held, an outage. */

// Monday 30 Nov 2026, 10:00 in Berlin: the demo team's next meeting starts now.
export const START = Date.parse('2026-11-30T09:00:00Z');

/** The demo team's next meeting, everyone present, started: the console shows the check-in round. */
export async function startDemoMeeting(page: Page, server: TestServer): Promise<void> {
  await page.goto(server.url);
  await openDemoTeam(page);
  await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('list', { name: 'Upcoming meetings' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Everyone expected is present' }).click();
  await page.getByRole('button', { name: 'Start meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();
}

/** Who spoke how, in the round's order: "Maya Okafor Spoke, Sam Lindqvist Speaking, …". */
export async function round(page: Page): Promise<string> {
  const rows = await page.getByRole('list', { name: 'Speakers' }).getByRole('listitem').allInnerTexts();
  return rows.map((r) => r.replace(/\s+/g, ' ').trim()).join(', ');
}

/** A key held down: the browser repeats its keydown (with `repeat` set) until it is let go. */
export async function hold(page: Page, key: string, repeats = 5): Promise<void> {
  for (let i = 0; i <= repeats; i++) await page.keyboard.down(key);
  await page.keyboard.up(key);
}

export interface CoFacilitator {
  page: Page;
  hold: () => void;
  release: () => void;
  /**
   * Resolves once none of the page's operations on its socket awaits its reply: a page that has just heard of changes
   * reads the meeting again, and held news is of no use while such a read is on its way (its answer is the news).
   */
  settled: () => Promise<void>;
}

/**
 * A second console on the meeting `maya` shows (a co-facilitator's tab): `hold()` keeps the news of changes made
 * elsewhere from reaching it (its own requests are still answered) until `release()`, as when two people press at once.
 */
export async function coFacilitator(context: BrowserContext, maya: Page): Promise<CoFacilitator> {
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(START));
  let holding = false;
  const held: string[] = [];
  let flush = () => undefined as void;
  // The page's operations sent on its socket and not yet answered, by id.
  const awaiting = new Set<number>();
  await page.routeWebSocket(/\/api\/events$/, (ws) => {
    const main = ws.connectToServer();
    ws.onMessage((message) => {
      const sent = JSON.parse(String(message)) as { type: string; id?: number };
      if (sent.type === 'op' && sent.id !== undefined) awaiting.add(sent.id);
      main.send(message);
    });
    main.onMessage((message) => {
      const heard = JSON.parse(String(message)) as { type: string; id?: number };
      if (heard.type === 'reply' && heard.id !== undefined) awaiting.delete(heard.id);
      if (holding && heard.type !== 'reply' && heard.type !== 'hello') held.push(String(message));
      else ws.send(message);
    });
    flush = () => {
      holding = false;
      for (const message of held.splice(0)) ws.send(message);
    };
  });
  await page.goto(maya.url());
  const settled = () => expect.poll(() => awaiting.size, { message: 'the second console has no read on its way' }).toBe(0);
  return { page, hold: () => void (holding = true), release: () => flush(), settled };
}

/** The server going away and coming back on the same port, as a laptop's app restarting mid-meeting looks to a page. */
export interface Outage {
  down(): Promise<void>;
  /** Back on the same port, `laterMs` after it went down by the server's clock. */
  back(laterMs?: number): Promise<void>;
}

/**
 * A data folder with its clock and server, a browser context, and Maya's console on the demo team's meeting, started;
 * `body` runs on them (with the means to take the server down and bring it back) and everything is closed after it.
 */
export async function withStartedMeeting(
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
export async function expectReadOutRunning(pages: Page[]): Promise<void> {
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
export async function bothPress(maya: Page, sam: CoFacilitator, key: string, refusal: string): Promise<void> {
  // Sam's console as it stands once its own reads are answered (a read still on its way would bring Maya's step).
  await sam.settled();
  sam.hold();
  await maya.keyboard.press(key);
  await expect(maya.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
  await sam.page.keyboard.press(key);
  await expect(sam.page.getByRole('alert')).toContainText(refusal);
  sam.release();
  await expectReadOutRunning([maya, sam.page]);
  await expect(maya.getByRole('alert')).toHaveCount(0);
}
