import { expect, test } from '../support/test';
import type { Page } from '@playwright/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';
import { atTheProposals, reviewInPairs } from '../support/demo-meeting';

const SCREENS = 'test-results/screens';
const T0 = Date.parse('2026-11-24T09:00:00Z');

async function scrollHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

// Walked (journey 1, step 5, demo team at 1920x1080): during the go-round the projector showed "2 options; all are on
// the console" and "Open objections 1–1 of 2": the disagreement raised first was shown, the block raised after it was
// not. The room must see a block and its reason while it is being integrated.
test('an open block and its reason are always on the projector, before other objections, at 1920x1080 and 1280x720', async ({ page }) => {
  const dir = tempDataDir('projector-block');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    const { meetingId, d } = await atTheProposals(page, server.url, clock, T0);
    const proposal = await api(page, 'decisions.propose', reviewInPairs(meetingId, d.currentItemId!));
    const members = d.attendees.filter((a) => a.memberId !== null);
    expect(members.length).toBeGreaterThanOrEqual(4);
    const [disagrees, blocks, ...rest] = members;
    // A disagreement first, the block after it, each with a reason of a few lines; everyone else consents.
    await api(page, 'decisions.position', {
      decisionId: proposal.id,
      memberId: disagrees!.memberId!,
      stance: 'disagree',
      reason:
        'Pairing every review for a whole month doubles the cost of each change while the release is under way, and the two people in a pair would mostly be the same people every week, so the knowledge would not spread as the proposal hopes it will.',
    });
    const blockReason =
      'This breaks our on-call rota: the two people on call in December cannot leave the pager to review in pairs, and nobody else knows the billing services well enough to take a review of them alone, so reviews of billing would simply stop.';
    await api(page, 'decisions.position', { decisionId: proposal.id, memberId: blocks!.memberId!, stance: 'block', reason: blockReason });
    for (const m of rest)
      await api(page, 'decisions.position', { decisionId: proposal.id, memberId: m.memberId!, stance: 'consent', reason: null });

    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const objections = page.getByRole('list', { name: 'Open objections' });
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(objections.getByRole('listitem').first()).toBeVisible();
      await expect.poll(() => scrollHeight(page), `${width}x${height}: the page fits the screen`).toBe(height);
      await page.screenshot({ path: `${SCREENS}/projector-block-shown-${width}.png` });
      // The block comes first, its member's name and its reason on the screen.
      const block = objections.getByRole('listitem').first();
      await expect(block, `${width}x${height}`).toContainText(blocks!.name);
      await expect(block.locator('strong')).toBeInViewport({ ratio: 1 });
      await expect(block).toBeInViewport({ ratio: 1 });
      // Its reason is read whole where the screen has room for it (1920x1080), at least its opening words at 1280x720.
      const shown = await block.evaluate((li) => ({ text: li.textContent ?? '', cut: li.scrollHeight > li.clientHeight + 1 }));
      expect(shown.text).toContain(blockReason.slice(0, 60));
      if (width === 1920) expect(shown.cut, 'the block’s reason is whole at 1920x1080').toBe(false);
    }
  } finally {
    await server.stop();
  }
});
