import { expect, test } from '../support/test';
import { demoOnALaptop } from '../support/demo-on-a-laptop';

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
