import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { demoOnALaptop } from '../support/demo-on-a-laptop';

const SCREENS = 'test-results/screens';

/**
 * The agenda's "Decisions due for review" item shows the decisions whose review date has come, on the console and on
 * the projector, and the review is recorded there. Before, the item showed only the agreement's revisit: the demo's
 * "Move to a two-week release train", due for review on the meeting's day, was on neither screen, and the minutes
 * carried it on as still open.
 */
test('the decision review item shows the decisions due on console and projector, and a review recorded there closes it', async ({
  browser,
}) => {
  const { server, context, page, meetingId, close } = await demoOnALaptop(browser);
  try {
    await api(page, 'meetings.start', { meetingId });
    let d = await api(page, 'meetings.get', { meetingId });
    const review = d.items.find((i) => i.kind === 'decision_review')!;
    expect(d.oldBusiness.some((o) => o.source === 'decision_review' && o.title === 'Move to a two-week release train')).toBe(true);
    while (d.currentItemId !== review.id) {
      await api(page, 'live.next', { meetingId });
      d = await api(page, 'meetings.get', { meetingId });
    }

    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);

    const onProjector = projector.getByRole('list', { name: 'Decisions to review' });
    await expect(onProjector).toContainText('Move to a two-week release train');
    await expect(onProjector).toContainText('Review due');
    const onConsole = page.getByRole('region', { name: 'Decisions to review' });
    await expect(onConsole.getByRole('link', { name: 'Move to a two-week release train' })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/console-decision-review.png` });
    await projector.screenshot({ path: `${SCREENS}/projector-decision-review.png` });

    const form = onConsole.getByRole('form', { name: 'Review of Move to a two-week release train' });
    await form.getByLabel('What the review found (the decision stands)').fill('Releases every other Tuesday held for a quarter');
    await form.getByRole('button', { name: 'Record the review' }).click();
    await expect(onConsole).toContainText('Reviewed');
    await expect(form).toHaveCount(0);
    await expect(onProjector).toContainText('Reviewed: it stands');
  } finally {
    await close();
  }
});
