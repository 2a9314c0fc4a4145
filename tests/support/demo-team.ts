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
