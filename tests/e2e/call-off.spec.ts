import { expect, test } from '../support/test';
import { startServer } from '../support/server';

/**
 * A planned meeting called off from its page: confirmed in plain words, it leaves home's "Next up" (the team then has
 * nothing planned, and says how to plan it), is listed as called off, and "Restore" puts it back.
 */
test('calling off the demo team’s next meeting takes it off Next up, and restoring puts it back', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Explore a demo team' }).click();
    const nextUp = page.getByRole('region', { name: 'Next up' });
    const card = nextUp.getByRole('link', { name: /Monday accountability/ });
    await expect(card).toBeVisible();
    await card.click();
    await expect(page.getByRole('heading', { name: 'Monday accountability', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Call off', exact: true }).click();
    const confirm = page.getByRole('form', { name: 'Call off this meeting' });
    await expect(confirm).toContainText('It stays in the record as called off and is no longer next up');
    await confirm.getByLabel('Reason (optional)').fill('Company offsite that week');
    await confirm.getByRole('button', { name: 'Call off the meeting' }).click();

    const notice = page.getByRole('region', { name: 'Called off' });
    await expect(notice).toContainText('Company offsite that week');
    // Nothing to start or change on a meeting that is not held.
    await expect(page.getByRole('button', { name: 'Start meeting' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit details' })).toHaveCount(0);

    // Its team page lists it as called off; home has nothing planned for the team.
    await page.getByRole('link', { name: 'Harbor Product Team' }).first().click();
    const upcoming = page.getByRole('list', { name: 'Upcoming meetings' });
    await expect(upcoming.getByRole('link', { name: /Monday accountability/ })).toContainText('Called off');
    const home = () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await home();
    await expect(nextUp.getByText('No meeting planned yet')).toBeVisible();
    await expect(nextUp.getByRole('link', { name: /Monday accountability/ })).toHaveCount(0);

    await nextUp.getByRole('link', { name: /Harbor Product Team/ }).click();
    await upcoming.getByRole('link', { name: /Monday accountability/ }).click();
    await page.getByRole('region', { name: 'Called off' }).getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('region', { name: 'Called off' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Start meeting' })).toBeVisible();
    await home();
    await expect(nextUp.getByRole('link', { name: /Monday accountability/ })).toBeVisible();
    await expect(nextUp.getByText('No meeting planned yet')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
