import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import type { MeetingDetail } from '../../src/shared/planning';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock, type TestServer } from '../support/server';

const SCREENS = 'test-results/screens';
const MIN = 60_000;
// Tuesday 24 Nov 2026, 10:00 in Berlin; the demo's next meeting is on Monday 30 Nov at 10:00.
const T0 = Date.parse('2026-11-24T09:00:00Z');

interface DemoRoom {
  server: TestServer;
  clock: TestClock;
  console_: Page;
  projector: Page;
  meetingId: string;
  /** Moves the live meeting on to the first item of this kind. */
  reach(kind: string): Promise<MeetingDetail>;
  close(): Promise<void>;
}

/** The demo team's next meeting, everyone present, started on time; the console and the projector open on it. */
async function demoRoom(browser: Browser, label: string, consoleSize = { width: 1366, height: 768 }): Promise<DemoRoom> {
  const dir = tempDataDir(label);
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: consoleSize });
  const console_ = await context.newPage();
  // Views take "now" from main's clock (the test's); each window's own clock is held still, so a busy machine's
  // seconds do not tick a countdown the test reads.
  await console_.clock.setFixedTime(new Date(T0));
  const close = async () => {
    await context.close();
    await server.stop();
  };
  try {
    await console_.goto(server.url);
    const team = await api(console_, 'demo.load', {});
    const meetingId = (await api(console_, 'meetings.list', { teamId: team.id })).upcoming[0]!.id;
    const planned = await api(console_, 'meetings.get', { meetingId });
    clock.set(planned.meeting.scheduledStart! + MIN);
    for (const a of planned.attendees) await api(console_, 'attendance.set', { attendeeId: a.id, status: 'present' });
    await api(console_, 'meetings.start', { meetingId });
    await console_.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const projector = await context.newPage();
    await projector.clock.setFixedTime(new Date(T0));
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const reach = async (kind: string) => {
      let d = await api(console_, 'meetings.get', { meetingId });
      while (d.items.find((i) => i.id === d.currentItemId)?.kind !== kind) {
        const current = d.items.find((i) => i.id === d.currentItemId)!;
        clock.advance(current.plannedMin * MIN);
        await api(console_, 'live.next', { meetingId });
        d = await api(console_, 'meetings.get', { meetingId });
      }
      return d;
    };
    return { server, clock, console_, projector, meetingId, reach, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** axe finds nothing serious or critical on the page as it stands. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, name).toEqual([]);
}

/** The rendered height of an element in CSS pixels. */
async function heightOf(page: Page, selector: string): Promise<number> {
  return (await page.locator(selector).first().boundingBox())!.height;
}

test('issue 18.1: the demo’s deferred proposal, carried over, is reopened from its card at 1366x768 and decided as the one decision it is', async ({
  browser,
}) => {
  const room = await demoRoom(browser, 'reopen');
  const { console_, projector } = room;
  try {
    await room.reach('proposal');
    const card = console_.getByRole('article', { name: 'Proposal: Adopt a design review checklist' });
    // Where and when it was deferred: last week's meeting, Monday 23 November.
    await expect(card.locator('.deferred-note')).toContainText(/Deferred in “Monday accountability”, .*(16 Nov|Nov 16)/);
    // What reopening does, in the note's words: last week's positions stand (the go-round below keeps them).
    await expect(card.locator('.deferred-note')).toContainText('positions already taken stand; the go-round asks the rest.');
    const reopen = card.getByRole('button', { name: 'Reopen and start the go-round' });
    await expect(reopen).toBeInViewport({ ratio: 1 });
    await console_.screenshot({ path: `${SCREENS}/room-1-deferred-card-1366.png` });
    await expectAccessible(console_, 'console with a deferred proposal');

    await reopen.click();
    // The go-round is there at once and takes keys without a click: Maya, Sam and Priya stood last week.
    const round = card.getByRole('group', { name: 'Go-round of positions' });
    // The console's one key listener hands the stances to the go-round: the key bar shows them, nothing needs focus.
    await expect(console_.getByRole('navigation', { name: 'Keys' })).toContainText('stand aside');
    await expect(reopen).toHaveCount(0);
    for (const name of ['Diego Alvarez', 'Lena Fischer', 'Kofi Mensah']) {
      await expect(round.getByRole('listitem').filter({ hasText: name })).toHaveAttribute('aria-current', 'true');
      await console_.keyboard.press('a');
      await expect(round.getByRole('listitem').filter({ hasText: name })).toContainText('Agree');
    }
    // Sam's disagreement from last week is still open; he now consents, which closes it.
    await expect(projector.getByRole('list', { name: 'Open objections' })).toContainText('Sam Lindqvist');
    await round.getByRole('button', { name: 'Sam Lindqvist', exact: true }).click();
    await round.getByRole('button', { name: 'Sam Lindqvist: Consent' }).click();
    await expect(round.getByRole('listitem').filter({ hasText: 'Sam Lindqvist' })).toContainText('Consent');
    await expect(projector.getByRole('list', { name: 'Open objections' })).toHaveCount(0);
    await console_.screenshot({ path: `${SCREENS}/room-1-go-round-1366.png` });

    // Two options were weighed: the record says which one the room chose before it is read back.
    const record = card.getByRole('form', { name: 'Decision record' });
    await record.getByRole('combobox', { name: 'Chosen option' }).selectOption({ label: 'Checklist on every UI story' });
    await record.getByRole('button', { name: 'Save the record' }).click();
    await expect(record.getByRole('status')).toHaveText('Saved');
    await card.getByRole('button', { name: 'Read back on the projector' }).click();
    await expect(projector.getByRole('region', { name: 'Read-back' })).toContainText('passes the design checklist');
    await expect(projector.getByRole('region', { name: 'Read-back' })).toContainText('Checklist on every UI story');
    await card.getByRole('button', { name: 'Room confirms: accept' }).click();
    await expect(card.locator('.outcome-bar')).toContainText('Accepted');
    await expect(projector.getByRole('region', { name: 'Decided' })).toBeVisible();
    await projector.screenshot({ path: `${SCREENS}/room-1-projector-decided.png` });

    // The log holds one decision by that title, and its history says when it was deferred and when taken up again.
    await console_.goto(`${room.server.origin}/#/decisions`);
    await console_.getByRole('searchbox', { name: 'Search decisions' }).fill('design review checklist');
    const list = console_.getByRole('list', { name: 'Decisions' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem')).toContainText('Accepted');
    await list.getByRole('listitem').getByRole('link').click();
    const history = console_.getByRole('region', { name: 'History' }).locator('ol.amendments > li');
    // The chosen option set in the later meeting is kept too, with what it replaced: the record of the meeting that
    // deferred it shows the proposal as it stood there.
    // It ends on the acceptance that followed (record21: it ended on "Taken up again" and read as still pending).
    await expect(history).toHaveCount(4);
    await expect(history.nth(0)).toContainText(/(30 Nov|Nov 30).*Accepted in “Monday accountability”.*Status: proposed → accepted/s);
    await expect(history.nth(1)).toContainText(
      /(30 Nov|Nov 30).*Changed in “Monday accountability”.*Chosen option.*Checklist on every UI story/s,
    );
    await expect(history.nth(2)).toContainText(/(30 Nov|Nov 30).*Taken up again in “Monday accountability”.*Status: deferred → proposed/s);
    await expect(history.nth(3)).toContainText(/(16 Nov|Nov 16).*Deferred in “Monday accountability”.*Status: proposed → deferred/s);
    await console_.screenshot({ path: `${SCREENS}/room-1-decision-history-1366.png`, fullPage: true });
  } finally {
    await room.close();
  }
});

test('issues 18.2, 18.3 and 18.6: at 1920x1080 the room reads the meeting, its own time, the proposal with its options, and a countdown a fifth of the screen high on every kind of item', async ({
  browser,
}) => {
  const room = await demoRoom(browser, 'projector');
  const { console_, projector } = room;
  try {
    const floor = 0.2 * 1080;
    for (const [kind, shot] of [
      ['check_in', 'round'],
      ['commitment_review', 'commitment-review'],
      ['round_robin', 'updates'],
      ['proposal', 'proposal'],
      ['recognition', 'recognition'],
      ['check_out', 'check-out'],
    ] as const) {
      const d = await room.reach(kind);
      const current = d.items.find((i) => i.id === d.currentItemId)!;
      if (kind !== 'proposal') await expect(projector.getByRole('heading', { level: 1 })).toHaveText(current.title);
      const timer = projector.getByRole('timer', { name: 'Time left for this item' });
      await expect(timer).toHaveText(new RegExp(`^${current.plannedMin - 1}:[0-5]\\d$|^${current.plannedMin}:00$`));
      await expect(timer).toBeInViewport({ ratio: 1 });
      await expect(projector.getByRole('list', { name: 'Agenda progress' }).getByRole('listitem').last()).toBeInViewport({ ratio: 1 });
      expect(await heightOf(projector, '.projector-countdown'), `countdown on ${kind}`).toBeGreaterThanOrEqual(floor);
      // The meeting's title in type for the back of the room, with its own time: elapsed of planned, behind or ahead.
      expect(await heightOf(projector, '.projector-meeting')).toBeGreaterThanOrEqual(0.04 * 1080);
      const pace = projector.getByRole('timer', { name: 'Meeting time' });
      await expect(pace).toContainText(new RegExp(`^${Math.round((room.clock.current - d.clock.startedAt!) / MIN)}:\\d\\d of 45:00`));
      // The one calculation the console shows too: each item taken in its planned time, on an agenda that fits.
      await expect(pace.locator('.drift')).toHaveText('on time');
      await expect(console_.locator('.drift')).toHaveText('on time');
      await expect(pace.locator('.drift')).toHaveAttribute('data-plan', 'fits');
      await projector.screenshot({ path: `${SCREENS}/room-projector-${shot}.png` });

      if (kind === 'proposal') {
        // The proposal's own title is the page's heading; the slot's title is its label.
        const title = projector.getByRole('heading', { level: 1 });
        await expect(title).toHaveText('Adopt a design review checklist');
        expect(await heightOf(projector, '.projector-title')).toBeGreaterThanOrEqual(0.05 * 1080);
        await expect(projector.locator('.projector-kind')).toHaveText('Proposal · Proposals and discussion');
        const options = projector.getByRole('list', { name: 'Options considered' }).getByRole('listitem');
        await expect(options).toHaveText([
          'Checklist on every UI story+ Catches regressions early− Adds a step',
          'Checklist on the checkout flow only+ Where regressions cost most− Misses the rest',
        ]);
        await expect(projector.getByRole('list', { name: 'Positions' })).toBeInViewport({ ratio: 1 });
        await expectAccessible(projector, 'projector during a proposal');
      }
    }
  } finally {
    await room.close();
  }
});

/** Where the countdown's digits sit inside its corner card: the room left on each side, in CSS pixels. */
async function countdownMargins(page: Page): Promise<{ text: string; left: number; right: number; card: number; height: number }> {
  return page.locator('.projector-countdown').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const digits = range.getBoundingClientRect();
    const card = el.closest('.projector-timer')!.getBoundingClientRect();
    return {
      text: el.textContent ?? '',
      left: digits.left - card.left,
      right: card.right - digits.right,
      card: card.width,
      height: digits.height,
    };
  });
}

test('issue 18 (walk): the projector countdown at ten minutes and in overtime fits its corner card with a margin at 1920x1080 and 1366x768', async ({
  browser,
}) => {
  const room = await demoRoom(browser, 'countdown');
  const { projector } = room;
  try {
    // The commitment review is planned for ten minutes: it opens on "10:00".
    await room.reach('commitment_review');
    const timer = projector.getByRole('timer', { name: 'Time left for this item' });
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      await projector.setViewportSize({ width, height });
      await expect(timer).toHaveText('10:00');
      const m = await countdownMargins(projector);
      expect(m.left, `10:00 at ${width}x${height}: ${JSON.stringify(m)}`).toBeGreaterThanOrEqual(0.03 * m.card);
      expect(m.right, `10:00 at ${width}x${height}: ${JSON.stringify(m)}`).toBeGreaterThanOrEqual(0.03 * m.card);
      // Still a fifth of the screen high.
      expect(await heightOf(projector, '.projector-countdown')).toBeGreaterThanOrEqual(0.2 * height);
    }
    // Twenty minutes on, the item runs ten minutes over: six characters in the same card.
    room.clock.advance(20 * MIN);
    await projector.reload();
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      await projector.setViewportSize({ width, height });
      await expect(timer).toHaveText(/^-10:\d\d$/);
      const m = await countdownMargins(projector);
      expect(m.left, `-10:00 at ${width}x${height}: ${JSON.stringify(m)}`).toBeGreaterThanOrEqual(0.03 * m.card);
      expect(m.right, `-10:00 at ${width}x${height}: ${JSON.stringify(m)}`).toBeGreaterThanOrEqual(0.03 * m.card);
      await projector.screenshot({ path: `${SCREENS}/room-projector-overtime-${width}.png` });
    }
  } finally {
    await room.close();
  }
});

// Walked (walk16) at 1280x720: under "Just recorded" a page held three of the demo's five commitments, each outcome in
// three lines between the owner's column and "due Mon, Nov 30, 2026". A row is now the owner and outcome in one text
// beside a short date, and a page is five rows on both screens.
test('issue 18.4: the commitment review shows the demo’s five commitments whole at 1920x1080 and 1280x720, with legible statuses and each outcome as recorded', async ({
  browser,
}) => {
  const room = await demoRoom(browser, 'review');
  const { console_, projector } = room;
  try {
    const d = await room.reach('commitment_review');
    const review = d.commitments.review;
    expect(review).toHaveLength(5);
    const list = projector.getByRole('list', { name: 'Commitments under review' });
    await expect(list.getByRole('listitem')).toHaveCount(5);
    // The due date is short on the projector: its day and month, no year.
    await expect(list.getByRole('listitem').first()).toContainText(/^.*due [A-Z][a-z]{2}[^0-9]*\d{1,2}[^0-9]*$/);
    const [first, second] = review;
    await api(console_, 'commitments.record', {
      commitmentId: first!.id,
      meetingId: room.meetingId,
      outcome: 'renegotiated',
      newDueDate: '2026-12-07',
      reason: 'The second candidate moved the interview',
    });
    // The new date as the app writes dates, not 2026-12-07.
    await expect(list.getByRole('listitem').filter({ hasText: first!.outcome })).toContainText(/New date: .*(7 Dec|Dec 7)/);
    await api(console_, 'commitments.record', {
      commitmentId: second!.id,
      meetingId: room.meetingId,
      outcome: 'slipped',
      rootCause: 'missing_resource',
      correctiveAction: 'Ask data engineering for the export',
    });
    const slipped = list.getByRole('listitem').filter({ hasText: second!.outcome });
    await expect(slipped).toContainText('Slipped');
    await expect(projector.getByRole('region', { name: 'Just recorded' })).toContainText('Ask data engineering for the export');
    // Where the review has got to is marked.
    await expect(list.locator('li[aria-current="step"]')).toContainText(review[2]!.outcome);
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await projector.setViewportSize({ width, height });
      // Under "Just recorded" the whole review is on the screen: five rows, each whole, and no page note.
      await expect(list.getByRole('listitem')).toHaveCount(5);
      for (const row of await list.getByRole('listitem').all()) await expect(row).toBeInViewport({ ratio: 1 });
      await expect(projector.locator('.projector-page-note')).toHaveCount(0);
      const bottom = await projector.locator('.projector-commitments').evaluate((el) => el.getBoundingClientRect().bottom);
      expect(bottom, `the review ends above the screen edge at ${width}x${height}`).toBeLessThanOrEqual(height - 0.02 * height);
      // The marked row keeps its text in the same column as the others (its accent bar once pushed it right).
      const lefts = await list.locator('.pc-what').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
      expect(new Set(lefts).size, `text columns at ${lefts.join(', ')}`).toBe(1);
      // A status is as tall as the text.
      expect(await heightOf(projector, '.pc-status')).toBeGreaterThanOrEqual(0.035 * height);
      await projector.screenshot({ path: `${SCREENS}/room-projector-review-recorded-${width}.png` });
    }
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await expectAccessible(projector, 'projector during the commitment review');
    // One more done: the mark moves on with the review.
    await api(console_, 'commitments.record', { commitmentId: review[2]!.id, meetingId: room.meetingId, outcome: 'done' });
    await expect(list.locator('li[aria-current="step"]')).toContainText(review[3]!.outcome);
    await expect(list.getByRole('listitem').filter({ hasText: review[2]!.outcome })).toContainText('Done');
    await expect(list.getByRole('listitem').filter({ hasText: review[4]!.outcome })).toBeInViewport({ ratio: 1 });
  } finally {
    await room.close();
  }
});

test('issue 18.5: once everyone has rated, the check-out shows the result and no speaker, and never who gave what', async ({ browser }) => {
  const room = await demoRoom(browser, 'checkout');
  const { console_, projector } = room;
  try {
    const d = await room.reach('check_out');
    await expect(projector.getByText('Speaking')).toBeVisible();
    // Walked: the console's check-out showed the round's "0 of 6 spoken" above its "2 of 6 rated": one counter.
    await expect(console_.getByText(/of \d+ rated/)).toHaveCount(1);
    await expect(console_.getByText(/of \d+ spoken/)).toHaveCount(0);
    const ratings = [8, 9, 7, 8, 6, 10];
    for (const [i, a] of d.attendees.entries()) {
      await api(console_, 'feedback.give', { meetingId: room.meetingId, attendeeId: a.id, rating: ratings[i]!, better: null });
    }
    await expect(projector.getByText(`${d.attendees.length} of ${d.attendees.length}`)).toBeVisible();
    await expect(projector.locator('.projector-checkout-average')).toContainText('8.0');
    await expect(projector.getByText('Speaking')).toHaveCount(0);
    await expect(projector.locator('.projector-speaker')).toHaveCount(0);
    for (const a of d.attendees) await expect(projector.locator('.projector-main')).not.toContainText(a.name);
    await projector.screenshot({ path: `${SCREENS}/room-projector-check-out-rated.png` });
  } finally {
    await room.close();
  }
});
