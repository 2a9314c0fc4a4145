import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { startServer, tempDataDir, TestClock, type TestServer } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

// Monday 30 Nov 2026, 09:58 in Berlin: the demo team's next meeting starts at 10:00.
const T0 = Date.parse('2026-11-30T08:58:00Z');

async function openDemoMeeting(page: Page, server: TestServer) {
  await page.goto(server.url);
  await openDemoTeam(page);
  await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('list', { name: 'Upcoming meetings' }).getByRole('link').first().click();
  await expect(page.getByRole('list', { name: 'Agenda' })).toBeVisible();
}

async function markAttendance(page: Page, absent: string) {
  const list = page.getByRole('list', { name: 'Attendees' });
  for (const row of await list.getByRole('listitem').all()) {
    const name = (await row.locator('.attendee-name').textContent())!.trim();
    await row.getByRole('button', { name: name === absent ? 'Absent' : 'Present' }).click();
    await expect(row.getByRole('button', { name: name === absent ? 'Absent' : 'Present' })).toHaveAttribute('aria-pressed', 'true');
  }
}

const timer = (page: Page, name: string) => page.getByRole('timer', { name });

test('run the meeting from the console while the projector follows; a server restart keeps the clock right', async ({ browser }) => {
  const dir = tempDataDir('live');
  const clock = new TestClock(dir, T0);
  let server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // (The fixed clock below also stops framer-motion's own time; the views must read right regardless.)
  const facilitator = await context.newPage();
  try {
    // Views take "now" from main's clock; this window's own clock is held still.
    await facilitator.clock.setFixedTime(new Date(T0));
    await openDemoMeeting(facilitator, server);
    await markAttendance(facilitator, 'Lena Fischer');

    const projector = await context.newPage();
    await projector.clock.setFixedTime(new Date(T0));
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(facilitator.url() + '/projector');
    await expect(projector.getByText('Starting soon')).toBeVisible();

    clock.set(Date.parse('2026-11-30T09:00:00Z'));
    await facilitator.getByRole('button', { name: 'Start meeting' }).click();
    await expect(facilitator.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();
    await expect(timer(facilitator, 'Time left for this item')).toHaveText('5:00');

    // The projector opens from the console as a window of its own.
    const popup = facilitator.waitForEvent('popup');
    await facilitator.getByRole('button', { name: 'Projector view' }).click();
    const opened = await popup;
    await expect(opened).toHaveURL(/#\/meetings\/.+\/projector$/);
    await opened.close();

    // Lena arrives after all, late.
    const lena = facilitator.getByRole('group', { name: 'Attendance of Lena Fischer' });
    await lena.getByRole('button', { name: 'Late' }).click();
    await expect(lena.getByRole('button', { name: 'Late' })).toHaveAttribute('aria-pressed', 'true');
    // The chime is off unless chosen; the choice is saved.
    await facilitator.getByRole('button', { name: 'Chime: off' }).click();
    await expect(facilitator.getByRole('button', { name: 'Chime: on' })).toHaveAttribute('aria-pressed', 'true');

    // The projector follows: item, countdown, speaker.
    await expect(projector.getByRole('heading', { name: 'Check-in round' })).toBeVisible();
    await expect(timer(projector, 'Time left for this item')).toHaveText('5:00');
    await expect(projector.locator('.projector-speaker-name')).toHaveText('Maya Okafor');
    await expect(projector.locator('.projector-next')).toHaveText('Next: Sam Lindqvist');

    // A round from the keyboard: Maya speaks, Sam passes, Priya is skipped, Diego speaks. Each key once the console
    // shows whose turn it is: it takes one step per answer on its screen and lets go of a key pressed before (its step
    // gate, console-actions.ts); in a five-fold run the projector showed Priya before the console did, and X was let go.
    const speakerNow = facilitator.locator('.speaker-now .speaker-name');
    clock.advance(40_000);
    await facilitator.keyboard.press('t');
    await expect(projector.locator('.projector-speaker-name')).toHaveText('Sam Lindqvist');
    await expect(speakerNow).toHaveText('Sam Lindqvist');
    clock.advance(5_000);
    await facilitator.keyboard.press('o');
    await expect(projector.locator('.projector-speaker-name')).toHaveText('Priya Raman');
    await expect(speakerNow).toHaveText('Priya Raman');
    await facilitator.keyboard.press('x');
    await expect(projector.locator('.projector-speaker-name')).toHaveText('Diego Alvarez');
    await expect(timer(facilitator, 'Time left for this item')).toHaveText('4:15');
    const speakers = facilitator.getByRole('list', { name: 'Speakers' });
    await expect(speakers).toContainText('Sam LindqvistPassed');
    await expect(speakers).toContainText('Priya RamanSkipped');
    await expect(speakers).not.toContainText('Lena Fischer'); // absent when the round began
    // A line of notes on Diego's turn, saved when the field is left.
    const turnNotes = facilitator.getByLabel('Notes on Diego Alvarez’s turn');
    await turnNotes.fill('Migration to the new queue is done; load test Thursday.');
    await turnNotes.blur();
    // Each field's own status: the turn's "Saved" may still show when the item's notes say theirs.
    await expect(facilitator.locator('label.field', { has: turnNotes }).getByRole('status')).toHaveText('Saved');
    await facilitator.screenshot({ path: 'test-results/screens/console-round.png' });
    await projector.screenshot({ path: 'test-results/screens/projector-round.png' });

    // Notes saved as typed; "Saved" only after main answered.
    const notes = facilitator.getByLabel('Notes on “Check-in round”');
    await notes.fill('Energy is good; Lena is out sick.');
    await expect(facilitator.locator('label.field', { has: notes }).getByRole('status')).toHaveText('Saved');
    // Shortcuts stay off while typing; leaving the box turns them back on.
    await facilitator.keyboard.press('n');
    await expect(notes).toHaveValue('Energy is good; Lena is out sick.n');
    await notes.fill('Energy is good; Lena is out sick.');
    await notes.blur();

    // Next item; pause stops the clock.
    await facilitator.keyboard.press('n');
    await expect(facilitator.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    await expect(projector.getByRole('heading', { name: 'Pricing page experiment: read-out' })).toBeVisible();
    clock.advance(2 * 60_000);
    await facilitator.keyboard.press('p');
    await expect(projector.getByText('Paused')).toBeVisible();
    // The facilitator presses P again once the console itself shows the pause.
    await expect(facilitator.getByText(/^Paused\. The clock stands still/)).toBeVisible();
    clock.advance(10 * 60_000);
    await facilitator.keyboard.press('p');
    await expect(projector.getByText('Paused')).toHaveCount(0);
    await expect(timer(facilitator, 'Time left for this item')).toHaveText('3:00');

    // The server goes down for 90 seconds mid-item; the room's clock kept going.
    const port = server.port;
    await server.stop();
    clock.advance(90_000);
    server = await startServer({ dataDir: dir, port, clockFile: clock.file });
    await expect(timer(facilitator, 'Time left for this item')).toHaveText('1:30', { timeout: 20_000 });
    await expect(timer(projector, 'Time left for this item')).toHaveText('1:30', { timeout: 20_000 });
    await expect(timer(facilitator, 'Time spent on this item')).toHaveText('3:30');

    // Undo a wrong "next".
    await facilitator.keyboard.press('n');
    await expect(facilitator.getByRole('heading', { name: 'Commitment review', level: 2 })).toBeVisible();
    await facilitator.keyboard.press('Control+z');
    await expect(facilitator.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    await expect(facilitator.getByText('Undone: next item')).toBeVisible();

    // The read-out runs 8:30 past its 5 minutes: with the check-in's 4:15 to spare, the meeting runs 4 min behind, and
    // the console proposes how to end on time. The ten minutes pass for the room too: the console's own clock moves
    // with main's (a view learns main's clock only when main answers, and nothing is sent here).
    clock.advance(10 * 60_000);
    await facilitator.clock.setFixedTime(new Date(T0 + 10 * 60_000));
    const banner = facilitator.getByRole('region', { name: 'Rebalance suggestion' });
    await expect(banner).toContainText('The meeting runs 4 min behind.');
    await expect(banner).toContainText('shorten “Commitment review”');
    await facilitator.screenshot({ path: 'test-results/screens/console-rebalance.png' });
    await banner.getByRole('button', { name: 'Apply' }).click();
    await expect(facilitator.getByText('Agenda rebalanced')).toBeVisible();
    // Both agenda lists show the minutes the shortened item is now allowed, its plan beside them.
    for (const view of [facilitator, projector]) {
      const row = view.getByRole('list', { name: 'Agenda progress' }).getByRole('listitem').filter({ hasText: 'Commitment review' });
      await expect(row.locator('.p-time')).toHaveText(/^\d+ min \(\d+ planned\)$/);
      // An item taken says what its figures mean, not "9/5 min".
      const taken = view.getByRole('list', { name: 'Agenda progress' }).getByRole('listitem').filter({ hasText: 'Check-in round' });
      await expect(taken.locator('.p-time')).toHaveText(/^took \d+ of 5 min$/);
    }
    // Walked: once rebalanced, the projector's agenda cut "Pricing page experiment: read-out" short beside the wider
    // times, with room below. Every title that fits is shown whole, at 1920x1080 and 1366x768.
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      await projector.setViewportSize({ width, height });
      const titles = projector.getByRole('list', { name: 'Agenda progress' }).locator('.p-title');
      await expect(titles.filter({ hasText: 'Pricing page experiment: read-out' })).toHaveCount(1);
      await expect
        .poll(
          () =>
            titles.evaluateAll((els) =>
              els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => el.textContent),
            ),
          `${width}x${height}`,
        )
        .toEqual([]);
      await projector.screenshot({ path: `test-results/screens/projector-rebalanced-${width}.png` });
    }
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await expect(banner).toHaveCount(0);
    await expect(facilitator.locator('.drift')).toHaveText('on time');

    // Shortcuts are listed on "?".
    await facilitator.setViewportSize({ width: 1366, height: 768 });
    await facilitator.keyboard.press('?');
    const shortcuts = facilitator.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts).toContainText('next speaker');
    // It opens at its top, the agenda's keys first, with Close focused (walk20: focusing Close scrolled the list to
    // its end at 1366x768, the agenda's keys out of sight).
    await expect(shortcuts.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport();
    await expect(shortcuts.getByRole('button', { name: 'Close' })).toBeFocused();
    await facilitator.screenshot({ path: 'test-results/screens/console-shortcuts.png' });
    await facilitator.keyboard.press('Escape');
    await expect(shortcuts).toHaveCount(0);
    await facilitator.setViewportSize({ width: 1440, height: 900 });
    // Walked: opened by its key with nothing focused, the dialog left focus on the page's body once closed, and the next
    // Tab went to the first link of the navigation. Focus is on the current item, and Tab goes on inside the console.
    await expect(facilitator.locator('.current-item')).toBeFocused();
    await facilitator.keyboard.press('Tab');
    expect(await facilitator.evaluate(() => document.activeElement?.closest('.console-main') !== null)).toBe(true);
    await facilitator.locator('body').click({ position: { x: 5, y: 5 } });

    await facilitator.screenshot({ path: 'test-results/screens/console.png' });
    await projector.screenshot({ path: 'test-results/screens/projector.png' });
    for (const [name, page] of [
      ['console', facilitator],
      ['projector', projector],
    ] as const) {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, name).toEqual([]);
    }
  } finally {
    await context.close();
    await server.stop();
  }
});

test('the projector at 1920x1080: type readable from the back, and the countdown changes only itself', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openDemoMeeting(page, server);
    await page.getByRole('button', { name: 'Start meeting' }).click();
    await expect(page.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(page.url().replace(/\/run$/, '/projector'));
    await expect(projector.getByRole('timer', { name: 'Time left for this item' })).toBeVisible();

    const size = (selector: string) =>
      projector
        .locator(selector)
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    // A fifth of the screen's height, on every kind of item (projector-room.spec.ts walks them all).
    expect(await size('.projector-countdown')).toBeGreaterThanOrEqual(0.2 * 1080);
    expect(await size('.projector-title')).toBeGreaterThanOrEqual(72);
    expect(await size('.projector-speaker-name')).toBeGreaterThanOrEqual(60);
    expect(await size('.agenda-progress li')).toBeGreaterThanOrEqual(26);

    // Reduced motion (playwright.config.ts): the entrance slides jump to their end, so once both are in place,
    // watch three seconds: only the countdowns may change.
    for (const moving of ['.projector-item', '.projector-speaker']) await expect(projector.locator(moving)).toHaveCSS('transform', 'none');
    const mutations = await projector.evaluate(
      () =>
        new Promise<{ total: number; outside: string[] }>((resolve) => {
          let total = 0;
          const outside: string[] = [];
          const observer = new MutationObserver((records) => {
            for (const r of records) {
              total++;
              const el = (r.target.nodeType === 1 ? r.target : r.target.parentElement) as HTMLElement;
              if (!el.closest('[role="timer"]')) outside.push(el.className || el.tagName);
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => {
            observer.disconnect();
            resolve({ total, outside });
          }, 3000);
        }),
    );
    expect(mutations.outside).toEqual([]);
    expect(mutations.total).toBeGreaterThanOrEqual(2); // it does tick
    expect(mutations.total / 3).toBeLessThanOrEqual(6); // three timers (item, speaker, meeting), about once a second each
  } finally {
    await context.close();
    await server.stop();
  }
});
