import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer } from '../support/server';

const SCREENS = 'test-results/screens';

/**
 * Home's "Next up" with many teams and nothing planned (a new install's teams, or a quiet week on the ten-year file):
 * one card lists them, so what follows still shows on a 1366x768 laptop. With one, two or three, each has its own
 * card (after-the-meeting.spec covers that one).
 */
test('many teams with no meeting planned share one Next up card, and what follows stays on the first screen', async ({ page }) => {
  const server = await startServer();
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Meetings that keep their promises.' })).toBeVisible();
    const names = ['Atlas', 'Beacon', 'Cedar', 'Delta', 'Ember'];
    const ids: string[] = [];
    for (const name of names) ids.push((await api(page, 'teams.create', { name, timeZone: 'UTC', members: ['Ana'] })).id);
    await page.reload();
    const nextUp = page.getByRole('region', { name: 'Next up' });
    const unplanned = nextUp.getByRole('list', { name: 'No meeting planned yet' });
    await expect(unplanned.getByRole('link')).toHaveCount(names.length);
    await expect(nextUp.getByText('No meeting planned yet')).toHaveCount(1);
    await expect(nextUp).toContainText('5 teams');
    // What follows Next up is on the first screen, not pushed below the fold by five cards saying the same thing.
    await expect(page.getByRole('heading', { name: 'Me', exact: true })).toBeInViewport();
    await page.screenshot({ path: `${SCREENS}/home-many-unplanned.png` });

    await unplanned.getByRole('link', { name: 'Plan the next meeting of Delta' }).click();
    await expect(page).toHaveURL(new RegExp(ids[3]!));
    // A team that has never met plans its first meeting by starting its series.
    await expect(page.getByRole('heading', { name: 'Delta', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Meeting series' }).getByRole('button', { name: 'New series' })).toBeVisible();
  } finally {
    await server.stop();
  }
});
