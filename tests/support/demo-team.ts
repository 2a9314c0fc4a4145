import { expect, type Page } from '@playwright/test';

/** From the welcome page: loads the demo team and opens its page (the demo lands on the home screen's "Next up", one click away). */
export async function openDemoTeam(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Explore a demo team' }).click();
  // The home's next meeting and "Me" arrive after the team list and push it down: a click aimed at the team's card
  // before they did landed beside it (seen in a five-fold run under load: the home stayed, the team page never came).
  await expect(page.getByRole('heading', { name: 'Next up', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Me', level: 2 })).toBeVisible();
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
