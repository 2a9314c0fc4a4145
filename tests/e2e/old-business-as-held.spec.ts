import { expect, test } from '../support/test';
import { dayFromToday } from '../support/days';
import { demoOnALaptop } from '../support/demo-on-a-laptop';
import { api } from '../support/page-api';

// The record of a held meeting lists its old business as it held at that meeting: the demo's last held meeting gave
// the pricing read-out a new date in its commitment review, and its old business read the date before it.
test('an ended meeting’s old business shows the due date its renegotiation gave, with the first one', async ({ browser }) => {
  const { page, close } = await demoOnALaptop(browser);
  try {
    await page.goto(page.url().replace(/#.*$/, '') + '#/meetings');
    const held = page.getByRole('list', { name: 'Past meetings' }).getByRole('listitem').filter({ hasText: 'min taken' });
    await expect(held).toHaveCount(2);
    // The later of the two held meetings comes first.
    await held.first().getByRole('link').first().click();
    const review = page.getByRole('region', { name: 'Old business' }).getByRole('list', { name: 'Open commitments' });
    const pricing = review.getByRole('listitem').filter({ hasText: 'Pricing experiment read-out' });
    await expect(pricing).toContainText(/Due .+ \(first due .+\)/);
  } finally {
    await close();
  }
});

// record21: a planned meeting's old business kept the due date from when it was planned after the commitment was
// given a new one. It shows the date as it is now, on a page already open (the cache puts the commitment read again
// in place) and on one opened afresh.
test('a planned meeting’s old business shows a commitment’s due date as it is now, after a renegotiation since it was planned', async ({
  browser,
}) => {
  const { page, meetingId, close } = await demoOnALaptop(browser);
  try {
    await api(page, 'settings.update', { dateStyle: 'iso' });
    const entry = (await api(page, 'meetings.context', { meetingId })).oldBusiness.find((o) =>
      o.title.includes('Pricing experiment read-out'),
    )!;
    const first = (await api(page, 'commitments.get', { commitmentId: entry.refId })).originalDueDate;
    await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meetingId}`);
    const review = page.getByRole('region', { name: 'Old business' }).getByRole('list', { name: 'Open commitments' });
    const pricing = review.getByRole('listitem').filter({ hasText: 'Pricing experiment read-out' });
    // The app's ISO style names the weekday before each date.
    const due = (date: string) => new RegExp(`Due \\w* ?${date} \\(first due \\w* ?${first}\\)`);
    const planned = (await api(page, 'commitments.get', { commitmentId: entry.refId })).dueDate;
    await expect(pricing).toContainText(due(planned));
    const later = dayFromToday(30);
    await api(page, 'commitments.record', {
      commitmentId: entry.refId,
      outcome: 'renegotiated',
      newDueDate: later,
      reason: 'More traffic',
    });
    await expect(pricing).toContainText(due(later));
    await page.reload();
    await expect(pricing).toContainText(due(later));
  } finally {
    await close();
  }
});
