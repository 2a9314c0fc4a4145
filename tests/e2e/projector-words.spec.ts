import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';
import { atTheProposals, reviewInPairs } from '../support/demo-meeting';

const SCREENS = 'test-results/screens';
const T0 = Date.parse('2026-11-24T09:00:00Z');
const ISO_DATE = /\d{4}-\d\d-\d\d/;

/** The proposal's texts the projector shows cut short (an ellipsis, or lines clamped away). */
async function cutShort(page: Page): Promise<string[]> {
  return page
    .locator(
      '.projector-question, .projector-proposal-text, .projector-options li > *, .projector-positions li > span:first-child, .projector-objections li',
    )
    .evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => el.textContent ?? ''),
    );
}

// Walked at 1920x1080: a proposal 15 px too tall for the screen was condensed whole, its objection kept to two lines
// and every name and option cut, with a tenth of the screen left empty below; and a block the proposal had been
// changed to meet still read "Block" beside its member, and counted as one.
test('the projector cuts only what cannot fit and says so, shows an objection whole, and reads an integrated block as integrated', async ({
  page,
}) => {
  const dir = tempDataDir('projector-words');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    const { meetingId, d } = await atTheProposals(page, server.url, clock, T0);
    const proposal = await api(page, 'decisions.propose', reviewInPairs(meetingId, d.currentItemId!));
    const [agrees, objects, blocks] = d.attendees.filter((a) => a.memberId !== null);
    const reason =
      'December has the release freeze and two people on leave for most of it, so pairing every review would halve what the rest of us ' +
      'can ship before the freeze; I would try it in January with the whole team back, starting with the changes to checkout and billing.';
    await api(page, 'decisions.position', { decisionId: proposal.id, memberId: agrees!.memberId!, stance: 'agree', reason: null });
    await api(page, 'decisions.position', { decisionId: proposal.id, memberId: objects!.memberId!, stance: 'disagree', reason });
    await api(page, 'decisions.position', {
      decisionId: proposal.id,
      memberId: blocks!.memberId!,
      stance: 'block',
      reason: 'Pairs for hotfixes would slow them down.',
    });
    const blocked = (await api(page, 'decisions.get', { decisionId: proposal.id })).objections.find((o) => o.stance === 'block')!;
    await api(page, 'decisions.resolveObjection', {
      objectionId: blocked.id,
      resolution: 'integrated',
      note: 'Hotfixes are left out',
      newText: 'Every review in December, except hotfixes, is done by two people together.',
    });

    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const objection = page.getByRole('list', { name: 'Open objections' }).getByRole('listitem');
    const note = page.getByText('Some texts are shortened to fit the screen; the console shows every word');
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(objection).toContainText(objects!.name);
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight), `${width}x${height}`).toBe(height);
      // The objection is read whole: it is the last thing the fit cuts, and there is room for it.
      expect(await objection.evaluate((li) => li.scrollHeight - li.clientHeight), `objection at ${width}`).toBeLessThanOrEqual(1);
      await expect(objection).toBeInViewport({ ratio: 1 });
      // Whatever was cut, the page says so; nothing cut, no note.
      const cut = await cutShort(page);
      if (cut.length > 0) await expect(note, `${width}: ${cut.join(' | ')}`).toBeInViewport({ ratio: 1 });
      else await expect(note).toHaveCount(0);
      // The block the proposal changed to meet reads as what it became, and the tally counts it so.
      const positions = page.getByRole('list', { name: 'Positions' }).getByRole('listitem');
      await expect(positions.filter({ hasText: blocks!.name })).toContainText('Integrated');
      await expect(positions.filter({ hasText: blocks!.name })).not.toContainText('Block');
      await expect(page.locator('.projector-tally')).toContainText('0 block');
      await expect(page.locator('.projector-tally')).toContainText('1 integrated');
      await page.screenshot({ path: `${SCREENS}/projector-words-${width}.png` });
    }
  } finally {
    await server.stop();
  }
});

// Walked: the demo's decision page listed Diego's integrated block as "Block", gave its review date as 2026-12-07, and
// the team's page showed its time zone where the team's name belongs: "Teams / Europe/Berlin".
test('a decision’s page reads an integrated block as integrated and its dates as the app’s; the team page’s crumb names the team', async ({
  page,
}) => {
  const dir = tempDataDir('decision-words');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    await page.clock.setFixedTime(new Date(T0));
    await page.goto(server.url);
    const team = await api(page, 'demo.load', {});
    const found = await api(page, 'decisions.search', { query: 'two-week release train', teamId: team.id });
    const decision = found.rows.find((r) => r.title === 'Move to a two-week release train')!;
    const detail = await api(page, 'decisions.get', { decisionId: decision.id });
    expect(detail.reviewDate).toMatch(ISO_DATE);

    await page.goto(`${server.origin}/#/decisions/${decision.id}`);
    const rows = page.locator('.positions-table tbody tr');
    await expect(rows.filter({ hasText: 'Diego Alvarez' })).toContainText('Integrated');
    await expect(rows.filter({ hasText: 'Diego Alvarez' })).not.toContainText('Block');
    // Lena's disagreement was overruled, not integrated: it still reads as she stood.
    await expect(rows.filter({ hasText: 'Lena Fischer' })).toContainText('Disagree');
    const review = page.locator('.record-facts dt', { hasText: 'Review date' }).locator('xpath=following-sibling::dd[1]');
    await expect(review).not.toHaveText(ISO_DATE);
    await expect(review).toHaveText(/\d{4}/);
    await page.screenshot({ path: `${SCREENS}/decision-words.png`, fullPage: true });

    await page.goto(`${server.origin}/#/teams/${team.id}`);
    await expect(page.locator('.page-head .eyebrow')).toHaveText(`Teams / ${team.name}`);
    await expect(page.locator('.page-head')).toContainText('Time zone: Europe/Berlin');
  } finally {
    await server.stop();
  }
});
