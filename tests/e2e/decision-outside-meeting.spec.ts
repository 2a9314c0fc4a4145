import { expect, test } from '../support/test';
import { startServer } from '../support/server';

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * A decision logged outside a meeting had no room to confirm it: its page says it was recorded outside a meeting
 * (and when), not "Confirmed by the room". A decision accepted in a meeting keeps "Confirmed by the room".
 */
test('a decision recorded outside a meeting does not say the room confirmed it; one accepted in a meeting does', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Explore a demo team' }).click();
    await expect(page.getByRole('region', { name: 'Next up' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decision log' }).click();
    const log = page.getByRole('list', { name: 'Decisions' });

    await log.getByRole('listitem').filter({ hasText: 'Release every Thursday' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Release every Thursday' })).toBeVisible();
    const facts = page.locator('.record-facts');
    await expect(facts.locator('dt', { hasText: 'Recorded' })).toBeVisible();
    await expect(facts).toContainText('Outside a meeting');
    await expect(facts.locator('dt', { hasText: 'Confirmed by the room' })).toHaveCount(0);

    await page.goBack();
    await log.getByRole('listitem').filter({ hasText: 'Two reviewers for every hotfix' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Two reviewers for every hotfix' })).toBeVisible();
    await expect(facts.locator('dt', { hasText: 'Confirmed by the room' })).toBeVisible();
    await expect(facts).not.toContainText('Outside a meeting');
  } finally {
    await server.stop();
  }
});
