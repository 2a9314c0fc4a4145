import { expect, test } from '../support/test';
import { startServer } from '../support/server';

const SCREENS = 'test-results/screens';
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * What a person sees once a meeting is over (walk10's findings): home still says where the next meeting is, the
 * record says when it was held, its old business reads as a record, and every shown date is in the app's one style.
 */
test('after "End meeting": home offers the next one, the record says when it was held, dates in one style', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Explore a demo team' }).click();
    const nextUp = page.getByRole('region', { name: 'Next up' });
    // The planned time against the length, in words: not "45/45 min".
    await expect(nextUp.getByRole('link').first()).toContainText('45 of 45 min planned');
    await nextUp.getByRole('link').first().click();

    // Planned: the header shows the date it is planned for; old business shows due dates as the rest of the app does.
    const sub = page.locator('.meeting-head .sub');
    await expect(sub).toContainText('Planned');
    const plannedFor = (await sub.locator('span').nth(1).textContent())!;
    const oldBusiness = page.getByRole('region', { name: 'Old business' });
    await expect(oldBusiness.getByRole('list', { name: 'Open commitments' })).toContainText('Due ');
    expect(await oldBusiness.textContent()).not.toMatch(ISO_DAY);
    await expect(oldBusiness.getByRole('list', { name: 'Not reached last time' })).toContainText('on the agenda');

    await page.getByRole('button', { name: 'Start meeting' }).click();
    await page.getByRole('button', { name: 'End meeting' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'End meeting' }).click();
    await page.getByRole('link', { name: 'Open the record' }).click();

    // The record: held today, not on the day it was planned for; old business as it stood, not "on the agenda".
    await expect(sub).toContainText('Ended');
    await expect(sub).toContainText(/Held /);
    await expect(sub).not.toContainText(plannedFor);
    const notReached = oldBusiness.getByRole('list', { name: 'Not reached last time' });
    await expect(notReached).toContainText('was on the agenda, still open');
    await expect(oldBusiness.getByText('on the agenda', { exact: true })).toHaveCount(0);
    await page.screenshot({ path: `${SCREENS}/meeting-ended-record.png`, fullPage: true });

    // Home: no meeting is planned now, and it says so with the way to plan the next one.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    const unplanned = nextUp.getByRole('link', { name: /Harbor Product Team No meeting planned yet/ });
    await expect(unplanned).toContainText('Plan the next meeting');
    await page.screenshot({ path: `${SCREENS}/home-after-meeting.png`, fullPage: true });
    await unplanned.click();
    await page.getByRole('button', { name: 'Plan next meeting' }).click();
    await expect(page.getByRole('region', { name: 'Old business' }).getByRole('list', { name: 'Not reached last time' })).toContainText(
      'Commitment review',
    );

    // The decision log and the commitments board show their dates as the meeting pages do.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decision log' }).click();
    const log = page.getByRole('list', { name: 'Decisions' });
    await expect(log).toContainText('review ');
    expect(await log.textContent()).not.toMatch(ISO_DAY);
    // A decision with no excerpt to show is a row as tall as what it says: no empty band under it.
    const row = log.getByRole('listitem').filter({ hasText: 'Release every Thursday' });
    const slot = (await row.boundingBox())!;
    const meta = (await row.locator('.log-meta').boundingBox())!;
    expect(slot.y + slot.height - (meta.y + meta.height)).toBeLessThan(24);
    await page.screenshot({ path: `${SCREENS}/decision-log-rows.png` });

    // A superseded decision's banner stands apart from the card under it.
    await row.getByRole('link').click();
    const banner = page.getByText(/^Superseded by/);
    await expect(banner).toBeVisible();
    const below = (await page.locator('.decision-layout').boundingBox())!;
    const box = (await banner.boundingBox())!;
    expect(below.y - (box.y + box.height)).toBeGreaterThanOrEqual(8);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
    await expect(page.getByText(/due /).first()).toBeVisible();
    expect(await page.locator('main').textContent()).not.toMatch(ISO_DAY);
  } finally {
    await server.stop();
  }
});
