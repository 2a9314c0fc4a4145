import { expect, test } from '../support/test';
import type { Page } from '@playwright/test';
import { api, startedWithProposal } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';
import { atTheProposals, reviewInPairs } from '../support/demo-meeting';

const SCREENS = 'test-results/screens';
const T0 = Date.parse('2026-11-24T09:00:00Z');

/** Whether the page runs past the bottom of the screen, which a projector cannot scroll. */
async function overflow(page: Page): Promise<{ scrollHeight: number; innerHeight: number }> {
  return page.evaluate(() => ({ scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight }));
}

/** The proposal's texts, options and names the projector shows cut short (an ellipsis, or lines clamped away). */
async function cutShort(page: Page): Promise<string[]> {
  return page
    .locator('.projector-question, .projector-proposal-text, .projector-options li > *, .projector-positions li > span:first-child')
    .evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight).map((el) => el.textContent ?? ''),
    );
}

const words = (n: number, what: string) => `${what} ${Array.from({ length: n }, (_, i) => `word${i}`).join(' ')}`;

// Walked: a proposal showing its options, positions and objections made the projector's page 1148 px tall on a
// 1920x1080 screen (823 px on 1366x768), its last lines off the screen.
test('the projector fits a proposal with many options, positions and objections on 1920x1080 and 1366x768, and brings up every objection as the ones before are resolved', async ({
  page,
}) => {
  const dir = tempDataDir('projector-fit');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    const { meetingId, d } = await atTheProposals(page, server.url, clock, T0);
    const proposal = await api(page, 'decisions.propose', {
      meetingId,
      agendaItemId: d.currentItemId!,
      title: 'Move the weekly release to Thursdays',
      question: words(40, 'Should the weekly release move from Tuesday to Thursday so that reviews finish first?'),
      decision: words(60, 'From January the release goes out on Thursday at noon, after the review.'),
      options: Array.from({ length: 12 }, (_, i) => ({
        title: `Option ${i + 1}: ${words(6, 'release')}`,
        pros: words(14, 'Pro'),
        cons: words(14, 'Con'),
      })),
    });
    const members = d.attendees.filter((a) => a.memberId !== null);
    expect(members.length).toBeGreaterThanOrEqual(5);
    // Everyone but one objects, each with a reason long enough to wrap.
    for (const [i, m] of members.entries()) {
      const stance = i === 0 ? 'agree' : i % 2 ? 'block' : 'disagree';
      await api(page, 'decisions.position', {
        decisionId: proposal.id,
        memberId: m.memberId!,
        stance,
        reason: stance === 'agree' ? null : words(30, `${m.name} objects because`),
      });
    }
    const objectors = members.slice(1).map((m) => m.name);

    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const objections = page.getByRole('list', { name: 'Open objections' });
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(objections.getByRole('listitem').first()).toBeVisible();
      await expect.poll(() => overflow(page), `${width}x${height}`).toEqual(expect.objectContaining({ scrollHeight: height }));
      // Big type still: the proposal's title and an objection's name at least 5% and 2% of the screen high.
      expect((await page.locator('.projector-title').boundingBox())!.height).toBeGreaterThanOrEqual(0.05 * height);
      expect((await objections.locator('strong').first().boundingBox())!.height).toBeGreaterThanOrEqual(0.02 * height);
      await expect(page.getByRole('list', { name: 'Positions' })).toBeInViewport({ ratio: 1 });
      await expect(page.getByText(new RegExp(`^Open objections 1–\\d of ${objectors.length}; the next come up`))).toBeInViewport({
        ratio: 1,
      });
      await page.screenshot({ path: `${SCREENS}/projector-proposal-fit-${width}.png` });
    }

    // The console resolves the objections one by one; each resolved one makes room for the next, until all were shown.
    const seen = new Set<string>();
    for (let left = objectors.length; left > 0; left--) {
      const first = objections.getByRole('listitem').first();
      await expect(objections.getByRole('listitem')).not.toHaveCount(0);
      for (const name of await objections.locator('strong').allTextContents()) seen.add(name);
      const detail = await api(page, 'decisions.get', { decisionId: proposal.id });
      const open = detail.objections.filter((o) => o.resolution === null);
      expect(open).toHaveLength(left);
      // The open blocks come first (projector-block-shown.spec.ts), then the other objections in the order raised.
      const lead = open.find((o) => o.stance === 'block') ?? open[0]!;
      await expect(first).toContainText(lead.memberName);
      const scroll = await overflow(page);
      expect(scroll.scrollHeight, `with ${left} open`).toBeLessThanOrEqual(scroll.innerHeight);
      await api(page, 'decisions.resolveObjection', { objectionId: lead.id, resolution: 'withdrawn', note: null });
      await expect(objections.getByRole('listitem').filter({ hasText: lead.memberName })).toHaveCount(0);
    }
    expect([...seen].sort()).toEqual([...objectors].sort());
  } finally {
    await server.stop();
  }
});

// Walked: with the fit, every proposal kept its texts to one or two lines, a short one too, with half the screen free.
test('a proposal that fits the projector is shown whole: no text, option or name cut short', async ({ page }) => {
  const dir = tempDataDir('projector-whole');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    const { meetingId, d } = await atTheProposals(page, server.url, clock, T0);
    await api(page, 'decisions.propose', reviewInPairs(meetingId, d.currentItemId!));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    await expect(page.getByRole('list', { name: 'Options considered' }).getByRole('listitem')).toHaveCount(2);
    await expect.poll(() => overflow(page)).toEqual(expect.objectContaining({ scrollHeight: 1080 }));
    expect(await cutShort(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/projector-proposal-whole-1920.png` });
  } finally {
    await server.stop();
  }
});

/** Each member's name in the projector's positions: whether it is cut (ellipsis or clipped), and whether it is on screen. */
async function namesShown(page: Page) {
  return page
    .getByRole('list', { name: 'Positions' })
    .locator('li > span:first-child')
    .evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        return {
          name: el.textContent ?? '',
          cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
          onScreen: box.left >= 0 && box.right <= window.innerWidth && box.top >= 0 && box.bottom <= window.innerHeight,
        };
      }),
    );
}

// Walked: during a go-round on 1920x1080 the projector showed "Sam Lindq…", "Priya Ra…" and "Diego Alva…": a
// proposal a few pixels too tall cut every name to the width of a sixth of the screen. The room must read who stands where.
test('the projector shows every member’s name whole in the go-round, eight members with long names, on 1920x1080 and 1280x720', async ({
  page,
}) => {
  const server = await startServer({ dataDir: tempDataDir('projector-names') });
  try {
    await page.goto(server.url);
    const members = [
      'Alexandra Montgomery-Whitfield',
      'Sam Lindqvist',
      'Priya Raman',
      'Bartholomew Okonkwo-Castellanos',
      'Diego Alvarez',
      'Guinevere Abernathy-Fitzgerald',
      'Kofi Mensah',
      'Maximilian von Hohenberg',
    ];
    const { meetingId, withItem } = await startedWithProposal(page, {
      team: { name: 'Harbor', timeZone: 'Europe/Berlin', members },
      meeting: { title: 'Monday accountability', date: '2026-11-30', time: '10:00' },
      item: 'Proposals and discussion',
    });
    const proposal = await api(page, 'decisions.propose', {
      ...reviewInPairs(meetingId, withItem.items[0]!.id),
      decision: words(40, 'Every review in December is done by two people together.'),
    });
    const inRoom = (await api(page, 'meetings.get', { meetingId })).attendees;
    for (const [i, a] of inRoom.entries()) {
      const stance = (['agree', 'consent', 'stand_aside', 'disagree', 'block'] as const)[i % 5]!;
      await api(page, 'decisions.position', {
        decisionId: proposal.id,
        memberId: a.memberId!,
        stance,
        reason: stance === 'disagree' || stance === 'block' ? `${a.name} finds pairs too slow before the holidays` : null,
      });
    }
    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(page.getByRole('list', { name: 'Positions' }).getByRole('listitem')).toHaveCount(members.length);
      await expect.poll(() => overflow(page), `${width}x${height}`).toEqual(expect.objectContaining({ scrollHeight: height }));
      expect(await namesShown(page), `${width}x${height}`).toEqual(members.map((name) => ({ name, cut: false, onScreen: true })));
      await page.screenshot({ path: `${SCREENS}/projector-names-${width}.png` });
    }
  } finally {
    await server.stop();
  }
});

// Walked at 1280x720: the option texts ended in an ellipsis (each cell kept to one line) with room unused beside and
// below them. An option that fits is shown whole.
test('at 1280x720 a proposal’s options are shown whole when they fit: no option text cut short, the page within the screen', async ({
  page,
}) => {
  const dir = tempDataDir('projector-options-720');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    const { meetingId, d } = await atTheProposals(page, server.url, clock, T0);
    const pairs = reviewInPairs(meetingId, d.currentItemId!);
    // A third option and a longer proposal: the options need a few lines more than the screen has, not all of theirs.
    await api(page, 'decisions.propose', {
      ...pairs,
      decision: 'Every review in December is done by two people together, and each pair writes one line on what they learned.',
      options: [
        ...pairs.options,
        { title: 'Pairs drawn at random each week', pros: 'Everyone reviews with everyone', cons: 'A new pair to arrange every week' },
      ],
    });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const options = page.getByRole('list', { name: 'Options considered' });
    await expect(options.getByRole('listitem')).toHaveCount(3);
    await expect.poll(() => overflow(page)).toEqual(expect.objectContaining({ scrollHeight: 720 }));
    await page.screenshot({ path: `${SCREENS}/projector-options-1280.png` });
    const cut = await options
      .locator('li > *')
      .evaluateAll((els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => el.textContent),
      );
    // Only the first option's longest texts need more lines than the room has; the other options are whole.
    expect(cut.filter((text) => !pairs.options.slice(0, 1).some((o) => [o.title, `+ ${o.pros}`, `− ${o.cons}`].includes(text!)))).toEqual(
      [],
    );
  } finally {
    await server.stop();
  }
});
