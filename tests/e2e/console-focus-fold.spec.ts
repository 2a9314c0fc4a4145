import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { demoOnALaptop } from '../support/demo-on-a-laptop';
import { dayFromToday } from '../support/days';

/** Whether the box lies partly under the key bar (the console's fixed foot; the app's nav column is beside it). */
async function underKeyBar(page: Page, target: Locator | null): Promise<boolean> {
  return page.evaluate(
    (el) => {
      const bar = document.querySelector('.key-bar')!.getBoundingClientRect();
      const box = (el ?? document.activeElement)!.getBoundingClientRect();
      return box.bottom > bar.top + 0.5 && box.top < innerHeight && box.right > bar.left && box.left < bar.right;
    },
    target ? await target.elementHandle() : null,
  );
}

/**
 * The console at 1366x768 under the keyboard: Tab never leaves a focused control under the key bar, focus goes to what
 * comes next after a reopen and after a recorded outcome (it fell to the page's body), the slipped form opens in view,
 * and the speaking-time figures say what they are.
 */
test('the console under the keyboard at 1366x768: focus stays in sight and never falls to the body', async ({ browser }) => {
  const { server, page, meetingId, close } = await demoOnALaptop(browser);
  try {
    const planned = await api(page, 'meetings.get', { meetingId });
    for (const a of planned.attendees) await api(page, 'attendance.set', { attendeeId: a.id, status: 'present' });
    await api(page, 'meetings.start', { meetingId });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    await expect(page.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();
    const keys = page.getByRole('navigation', { name: 'Keys' });

    // Speaking time says what its figures are.
    const speaking = page.getByRole('region', { name: 'Speaking time' });
    await expect(speaking).toContainText('Time spoken in the rounds · share of all of it');
    await expect(speaking.getByRole('listitem').first()).toContainText(/\d+:\d\d spoken, \d+% of all speaking time/);

    // 1. Tab through the whole console: no focused control sits under the key bar (the notes box and the lower
    // attendance rows did).
    const hidden: string[] = [];
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const tag = await page.evaluate(() => document.activeElement?.tagName);
      if (tag === 'BODY') break;
      if (await underKeyBar(page, null)) hidden.push(await page.evaluate(() => document.activeElement!.outerHTML.slice(0, 80)));
    }
    expect(hidden).toEqual([]);

    // 3. The slipped form opens in view, Record above the key bar; 2. after Record, focus is on the next commitment.
    const at = async (kind: string) => {
      let d = await api(page, 'meetings.get', { meetingId });
      while (d.items.find((i) => i.id === d.currentItemId)?.kind !== kind) {
        await api(page, 'live.next', { meetingId });
        d = await api(page, 'meetings.get', { meetingId });
      }
      await expect(page.getByRole('heading', { name: d.items.find((i) => i.id === d.currentItemId)!.title, level: 2 })).toBeVisible();
    };
    await page.mouse.wheel(0, -5000);
    await at('commitment_review');
    const walk = page.getByRole('region', { name: 'Owner by owner' });
    const current = walk.locator('.review-current');
    await expect(current.getByRole('button', { name: /^Slipped/ })).toBeEnabled();
    const first = (await current.getAttribute('aria-label'))!;
    await page.keyboard.press('4');
    const record = walk.getByRole('button', { name: 'Record' });
    await expect(walk.getByLabel('Root cause')).toBeFocused();
    await expect(record).toBeInViewport({ ratio: 1 });
    expect(await underKeyBar(page, record)).toBe(false);
    await walk.getByLabel('Root cause').selectOption({ index: 1 });
    await walk.getByRole('textbox', { name: 'Corrective action', exact: true }).fill('Pair on the write-ups');
    await walk.getByLabel('Corrective action due').fill(dayFromToday(14));
    await record.click();
    await expect(current).not.toHaveAttribute('aria-label', first);
    await expect(current).toBeFocused();
    expect(await underKeyBar(page, current)).toBe(false);

    // 2. "Reopen and start the go-round" hands focus to the go-round, clear of the key bar that grows with its keys.
    await at('proposal');
    const reopen = page.getByRole('button', { name: 'Reopen and start the go-round' });
    await reopen.focus();
    await page.keyboard.press('Enter');
    const goRound = page.getByRole('group', { name: 'Go-round of positions' });
    await expect(goRound).toBeFocused();
    await expect(keys).toContainText('stand aside');
    await expect.poll(() => underKeyBar(page, goRound)).toBe(false);
    // The keys still work with the go-round focused.
    await page.keyboard.press('a');
    await expect(goRound.getByRole('listitem').filter({ hasText: 'Diego Alvarez' })).toContainText('Agree');
  } finally {
    await close();
  }
});
