import { expect, test } from '../support/test';
import { startServer } from '../support/server';

/**
 * Home, once the demo team has loaded: the team cards show where they stay. The team list used to arrive first and be
 * drawn, and "Next up" and "Me" then came above it and pushed it down, so a click aimed at a card landed beside it.
 */
test('the team cards appear where they stay as the home fills in', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await expect(page.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();
    // Each frame from here on: where the first team card is, once there is one.
    await page.evaluate(() => {
      const tops: number[] = [];
      (window as unknown as { cardTops: number[] }).cardTops = tops;
      const watch = () => {
        const card = document.querySelector('.team-card');
        if (card) tops.push(Math.round(card.getBoundingClientRect().top + window.scrollY));
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await page.getByRole('button', { name: 'Explore a demo team' }).click();
    await expect(page.getByRole('heading', { name: 'Next up', level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Me', level: 2 })).toBeVisible();
    const card = page.getByRole('list', { name: 'Teams' }).getByRole('link', { name: /Harbor Product Team/ });
    await expect(card).toBeVisible();
    // A few frames more, so a late push would be seen.
    const framesNow = await page.evaluate(() => (window as unknown as { cardTops: number[] }).cardTops.length);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { cardTops: number[] }).cardTops.length))
      .toBeGreaterThan(framesNow + 5);
    const tops = await page.evaluate(() => (window as unknown as { cardTops: number[] }).cardTops);
    expect(tops.length).toBeGreaterThan(0);
    expect(new Set(tops), `the card's top in each frame: ${[...new Set(tops)].join(', ')}`).toEqual(new Set([tops.at(-1)]));
  } finally {
    await server.stop();
  }
});
