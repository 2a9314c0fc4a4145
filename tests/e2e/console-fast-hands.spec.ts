import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { startServer, tempDataDir, TestClock, type TestServer } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

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

test('a held key acts once: T ends one turn, N one item', async ({ page }) => {
  const dir = tempDataDir('fast-hands');
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
