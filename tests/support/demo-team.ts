import { expect, type Page } from '@playwright/test';

/** From the welcome page: loads the demo team and opens its page (the demo lands on the home screen's "Next up", one click away). */
export async function openDemoTeam(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Explore a demo team' }).click();
  await page
    .getByRole('list', { name: 'Teams' })
    .getByRole('link', { name: /Harbor Product Team/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Harbor Product Team' })).toBeVisible();
}

/** From a team's or the main Meetings page: opens the most recent meeting that was held (the demo's last week was called off). */
export async function openLastHeldMeeting(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'Past meetings' }).getByRole('link').filter({ hasText: 'Read-only' }).first().click();
}
