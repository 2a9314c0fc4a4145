import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';
import { atTheProposals } from '../support/demo-meeting';

const T0 = Date.parse('2026-11-24T09:00:00Z');
const OPTIONS = 9;
const words = (n: number, what: string) => `${what} ${Array.from({ length: n }, (_, i) => `word${i}`).join(' ')}`;

/** The room the projector's main column has left under what it shows, and the height of one more option's row. */
async function roomLeft(page: Page): Promise<{ left: number; row: number }> {
  return page.evaluate(() => {
    const section = document.querySelector('.projector-proposal');
    const screen = document.querySelector('.projector');
    const list = section?.querySelector('.projector-options');
    // Not on the screen yet: nothing fits so far.
    if (!section || !screen || !list) return { left: -1, row: 0 };
    const bottom = Math.max(...[...section.children].map((el) => el.getBoundingClientRect().bottom));
    const rows = [...list.children].map((li) => li.getBoundingClientRect());
    // A row's height and the gap before it: what one more option takes.
    const row = rows.length > 1 ? rows[1]!.bottom - rows[0]!.bottom : rows[0]!.height;
    return { left: window.innerHeight - parseFloat(getComputedStyle(screen).paddingBottom) - bottom, row };
  });
}

// loose22: a proposal of nine options showed three of them on a 1920x1080 projector with about 50 px left under the
// page, room for another: the fit went from every option straight to three.
test('the projector shows as many of a proposal’s options as fit at 1920x1080 and 1280x720, none cut off and nothing past the screen', async ({
  page,
}) => {
  const dir = tempDataDir('projector-options-fit');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    const { meetingId, d } = await atTheProposals(page, server.url, clock, T0);
    await api(page, 'decisions.propose', {
      meetingId,
      agendaItemId: d.currentItemId!,
      title: 'Move the weekly release to Thursdays',
      question: 'Should the weekly release move from Tuesday to Thursday?',
      decision: 'From January the release goes out on Thursday at noon.',
      options: Array.from({ length: OPTIONS }, (_, i) => ({
        title: `Option ${i + 1}: ${words(3, 'release')}`,
        pros: words(5, 'Pro'),
        cons: words(5, 'Con'),
      })),
    });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const options = page.getByRole('list', { name: 'Options considered' }).getByRole('listitem');
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      // The fit for this screen has settled: what it shows ends on the screen, with no room left for one more option.
      await expect
        .poll(async () => {
          const { left, row } = await roomLeft(page);
          return left >= 0 && left < row ? 'fits, no room for another option' : `${Math.round(left)} px left, an option row is ${row} px`;
        }, `${width}x${height}`)
        .toBe('fits, no room for another option');
      const note = page.getByText(/^Options 1–\d of 9; all are on the console$/);
      await expect(note).toBeInViewport({ ratio: 1 });
      const shown = await options.count();
      await expect(note).toHaveText(`Options 1–${shown} of ${OPTIONS}; all are on the console`);
      // Nothing past the bottom of the screen, every option shown whole on it, and no room left for one more.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
      for (let i = 0; i < shown; i++) await expect(options.nth(i)).toBeInViewport({ ratio: 1 });
      await expect(page.getByText('Some texts are shortened to fit the screen; the console shows every word')).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: `test-results/screens/projector-options-fit-${width}.png` });
    }
  } finally {
    await server.stop();
  }
});
