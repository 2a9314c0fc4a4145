import { expect, test } from '../support/test';
import { startServer } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

// Found by a keyboard walk: after each of these actions focus fell back to the page's start, so a keyboard user had
// to tab through the navigation again to reach the row they were working on.
test('focus stays in place after editing, confirming and removing rows of the team and the agenda', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await openDemoTeam(page);
    const active = page.getByRole('list', { name: 'Active members' });
    const firstName = (await active
      .getByRole('button', { name: /^Edit / })
      .first()
      .getAttribute('aria-label'))!.slice('Edit '.length);

    // A member's edit form: Enter saves it, and focus is back on that member's Edit button.
    await active.getByRole('button', { name: `Edit ${firstName}` }).press('Enter');
    await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await page.getByRole('textbox', { name: 'Name' }).press('Enter');
    await expect(active.getByRole('button', { name: `Edit ${firstName}` })).toBeFocused();

    // The confirmation: Escape gives focus back to the button that opened it; confirming moves it to the next member's.
    const leaving = active.getByRole('button', { name: /^Mark as left: / }).first();
    const leavingLabel = (await leaving.getAttribute('aria-label'))!;
    const nextLabel = (await active
      .getByRole('button', { name: /^Mark as left: / })
      .nth(1)
      .getAttribute('aria-label'))!;
    await leaving.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(active.getByRole('button', { name: leavingLabel })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as left' }).press('Enter');
    await expect(active.getByRole('button', { name: leavingLabel })).toHaveCount(0);
    await expect(active.getByRole('button', { name: nextLabel })).toBeFocused();

    // The agenda: an item's edit form takes focus, Cancel and Save give it back to the item's Edit button.
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('list', { name: 'Upcoming meetings' }).getByRole('link').first().click();
    const agenda = page.getByRole('list', { name: 'Agenda' });
    await expect(agenda).toBeVisible();
    const editLabel = (await agenda
      .getByRole('button', { name: /^Edit / })
      .first()
      .getAttribute('aria-label'))!;
    await agenda.getByRole('button', { name: editLabel }).press('Enter');
    await expect(agenda.getByRole('textbox', { name: 'Title' })).toBeFocused();
    await agenda.getByRole('button', { name: 'Cancel' }).press('Enter');
    await expect(agenda.getByRole('button', { name: editLabel })).toBeFocused();
    await page.keyboard.press('Enter');
    await agenda.getByRole('textbox', { name: 'Title' }).press('Enter');
    await expect(agenda.getByRole('textbox', { name: 'Title' })).toHaveCount(0);
    await expect(agenda.getByRole('button', { name: editLabel })).toBeFocused();

    // Removing an item moves focus to the next item's Remove button, so Enter removes the next one.
    const removes = agenda.getByRole('button', { name: /^Remove / });
    const count = await removes.count();
    const secondRemove = (await removes.nth(1).getAttribute('aria-label'))!;
    await removes.first().press('Enter');
    await expect(removes).toHaveCount(count - 1);
    await expect(agenda.getByRole('button', { name: secondRemove })).toBeFocused();
  } finally {
    await server.stop();
  }
});
