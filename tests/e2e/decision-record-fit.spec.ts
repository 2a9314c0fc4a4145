import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { demoOnALaptop } from '../support/demo-on-a-laptop';

// Walked (walk19): in the console's decision record at 1366x768, the decision right's hint under its select made the
// row taller, and the owner's field beside it stretched: its label and select sat lower, the select half as tall again.
test('the decision record at 1366x768: the owner’s select sits level with the decision right’s and is as tall', async ({ browser }) => {
  const { server, page, meetingId, close } = await demoOnALaptop(browser);
  try {
    await api(page, 'attendance.allPresent', { meetingId });
    await api(page, 'meetings.start', { meetingId });
    let d = await api(page, 'meetings.get', { meetingId });
    while (d.items.find((i) => i.id === d.currentItemId)?.kind !== 'proposal') {
      await api(page, 'live.next', { meetingId });
      d = await api(page, 'meetings.get', { meetingId });
    }
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    await page.getByText('Decision record: rationale, owner, review date…').click();
    const owner = page.getByLabel('Decision owner');
    const right = page.getByLabel('Decision right that applied');
    await expect(right).toBeVisible();
    // The demo's proposal names its decision right, so the hint of who decides shows under it.
    await expect(page.getByText('Priya Raman decides')).toBeVisible();
    const [o, r] = [(await owner.boundingBox())!, (await right.boundingBox())!];
    expect(Math.abs(o.y - r.y), 'the owner’s select level with the decision right’s').toBeLessThanOrEqual(1);
    expect(Math.abs(o.height - r.height), 'the owner’s select as tall as the decision right’s').toBeLessThanOrEqual(1);
  } finally {
    await close();
  }
});
