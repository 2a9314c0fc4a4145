import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api, startedWithItem, startedWithProposal } from '../support/page-api';
import { startServer, tempDataDir } from '../support/server';

const SCREENS = 'test-results/screens';

/** Where an element's box ends and whether its text runs past it (lines clamped away or an ellipsis). */
async function shown(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
    return {
      bottom: box.bottom,
      height: box.height,
      // A line's glyphs reach a few pixels past its box: half a line hidden is a line cut.
      cut: el.scrollHeight > el.clientHeight + lineHeight / 2 || el.scrollWidth > el.clientWidth + 1,
      innerHeight: window.innerHeight,
    };
  });
}

const TEN = [
  'Maya Okafor',
  'Sam Lindqvist',
  'Priya Raman',
  'Diego Alvarez',
  'Kofi Mensah',
  'Alexandra Montgomery-Whitfield',
  'Bartholomew Okonkwo-Castellanos',
  'Guinevere Abernathy-Fitzgerald',
  'Maximilian von Hohenberg-Lindqvist',
  'Wilhelmina Castellanos-Brightwater',
];
// Six of them: two short names and four long ones.
const SIX = TEN.slice(3, 9);

type Stance = 'agree' | 'consent' | 'stand_aside' | 'disagree' | 'block';

/** A started meeting of these members on one proposal, everyone's position taken (a reason where they object). */
async function goRound(
  page: Page,
  members: string[],
  stanceOf: (i: number) => Stance,
  extra: { options?: { title: string; pros: string; cons: string }[] } = {},
) {
  const { meetingId, withItem } = await startedWithProposal(page, {
    team: { name: 'Harbor', timeZone: 'UTC', members },
    meeting: { title: 'Monday accountability', date: '2026-11-30', time: '10:00' },
    item: 'Proposals and discussion',
  });
  const proposal = await api(page, 'decisions.propose', {
    meetingId,
    agendaItemId: withItem.items[0]!.id,
    title: 'Review in pairs for a month',
    question: 'Should reviews be done in pairs during December?',
    decision: 'Every review in December is done by two people together.',
    ...extra,
  });
  const inRoom = (await api(page, 'meetings.get', { meetingId })).attendees;
  for (const [i, a] of inRoom.entries()) {
    const stance = stanceOf(i);
    await api(page, 'decisions.position', {
      decisionId: proposal.id,
      memberId: a.memberId!,
      stance,
      reason: stance === 'disagree' || stance === 'block' ? `${a.name} finds pairs too slow before the holidays` : null,
    });
  }
  return { meetingId, proposal };
}

// Walked: an item titled in 120 characters took five lines at the title's size on 1920x1080 and was cut to three
// ("…confidence intervals and what we s…") over an empty half screen.
test('an item title of 120 characters is shown whole on the projector at 1920x1080 and 1280x720, in type still big', async ({ page }) => {
  const server = await startServer({ dataDir: tempDataDir('projector-title') });
  try {
    await page.goto(server.url);
    const title =
      'Pricing page experiment read-out with the conversion of both variants, the confidence intervals and what we ship next week';
    expect(title.length).toBeGreaterThanOrEqual(118);
    const { meetingId } = await startedWithItem(page, {
      team: { name: 'Harbor', timeZone: 'UTC', members: ['Maya Okafor', 'Sam Lindqvist'] },
      meeting: { title: 'Monday', date: '2026-11-30', time: '10:00' },
      item: title,
      kind: 'discussion',
      plannedMin: 10,
    });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect.poll(() => shown(page, '.projector-title'), `${width}x${height}`).toEqual(expect.objectContaining({ cut: false }));
      const box = await shown(page, '.projector-title');
      // Three lines of at least 4% of the screen each, on the screen.
      expect(box.height).toBeGreaterThanOrEqual(0.12 * height);
      expect(box.bottom).toBeLessThanOrEqual(height);
      await page.screenshot({ path: `${SCREENS}/projector-long-title-${width}.png` });
    }
  } finally {
    await server.stop();
  }
});

// Walked at 1280x720: an item title of 200 characters (the most the contract takes) was cut to four lines ("…keeps
// goin…") with half the screen empty above and below it, and the room had no way to read the rest.
test('an item title of 200 characters is shown whole on the projector at 1280x720 and 1920x1080, the speaker below it on screen', async ({
  page,
}) => {
  const server = await startServer({ dataDir: tempDataDir('projector-title-200') });
  try {
    await page.goto(server.url);
    const title =
      'Quarterly planning with the whole product organisation: what we ship in January, what waits for February, ' +
      'who owns the migration of the billing warehouse, and the hiring plan for mobile and platform!!';
    expect(title.length).toBe(200);
    const { meetingId } = await startedWithItem(page, {
      team: { name: 'Harbor', timeZone: 'UTC', members: ['Maya Okafor', 'Sam Lindqvist'] },
      meeting: { title: 'Monday', date: '2026-11-30', time: '10:00' },
      item: title,
      kind: 'check_in',
      plannedMin: 10,
    });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('.projector-speaker-name')).toHaveText('Maya Okafor');
      await expect.poll(() => shown(page, '.projector-title'), `${width}x${height}`).toEqual(expect.objectContaining({ cut: false }));
      expect((await shown(page, '.projector-title')).bottom).toBeLessThanOrEqual(height);
      // Still a title: its type at least 3.5% of the screen's height.
      const px = await page.locator('.projector-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(px).toBeGreaterThanOrEqual(0.035 * height);
      const speaker = (await page.locator('.projector-speaker').boundingBox())!;
      expect(speaker.y + speaker.height, `speaker at ${width}x${height}`).toBeLessThanOrEqual(height);
      await page.screenshot({ path: `${SCREENS}/projector-title-200-${width}.png` });
    }
  } finally {
    await server.stop();
  }
});

// Walked: a go-round of ten (five names of 30 characters and more) on a proposal of 600 characters and six options, then
// "Paused": the fit had sized the proposal before the pause, the "Paused" line pushed it down, and the last names and
// the tally ran off the bottom of the projector. (At 1280x720 ten such names, the question, two lines of the proposal,
// "Paused" and the tally are more than the screen holds even with the positions in smaller type. Not solved here.)
test('a go-round that just fits the projector is fitted again when "Paused" appears above it, at 1920x1080', async ({ page }) => {
  const server = await startServer({ dataDir: tempDataDir('projector-paused-fit') });
  try {
    await page.goto(server.url);
    // One block: its objection is listed under the positions.
    const { meetingId, proposal } = await goRound(page, SIX, (i) =>
      i === 3 ? 'block' : (['agree', 'consent', 'stand_aside'] as const)[i % 3]!,
    );
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const section = page.getByRole('region', { name: 'Proposal' });
    await expect(page.getByRole('list', { name: 'Positions' }).getByRole('listitem')).toHaveCount(SIX.length);
    // (Ten such names fill the screen with no option at all.) One option more than the screen holds whole, then one fewer: the proposal fits with less room to spare than the
    // "Paused" line takes.
    const option = (i: number) => ({
      title: `Option ${i + 1}: pairs arranged another way`,
      pros: 'Knowledge spreads',
      cons: 'Costs two people',
    });
    const withOptions = async (n: number) => {
      await api(page, 'decisions.update', { decisionId: proposal.id, options: Array.from({ length: n }, (_, i) => option(i)) });
      // Shown: all n options, or some of them and the note that says how many there are.
      await expect
        .poll(async () => {
          const listed = await section.locator('.projector-options li').count();
          const note = (await section.locator('.projector-page-note').allTextContents()).join(' ');
          return listed === n || note.includes(`of ${n};`) || note.includes(`${n} options;`);
        })
        .toBe(true);
      return /is-condensed/.test((await section.getAttribute('class')) ?? '');
    };
    let n = 1;
    while (!(await withOptions(n))) n++;
    expect(n, 'the proposal condenses within twelve options').toBeLessThanOrEqual(12);
    await withOptions(n - 1);
    await expect(section).not.toHaveClass(/is-condensed/);
    await expect(page.getByRole('list', { name: 'Options considered' }).getByRole('listitem')).toHaveCount(n - 1);

    await api(page, 'live.pause', { meetingId });
    await expect(page.getByText('Paused', { exact: true })).toBeVisible();
    for (const what of ['.projector-positions li:last-child', '.projector-tally', '.projector-objections li:first-child'])
      await expect.poll(async () => (await shown(page, what)).bottom, what).toBeLessThanOrEqual(1080);
    const names = await page
      .getByRole('list', { name: 'Positions' })
      .locator('li > span:first-child')
      .evaluateAll((els) => els.map((el) => ({ name: el.textContent, cut: el.scrollWidth > el.clientWidth + 1 })));
    expect(names).toEqual(SIX.map((name) => ({ name, cut: false })));
    await page.screenshot({ path: `${SCREENS}/projector-paused-go-round-1920.png` });
  } finally {
    await server.stop();
  }
});

// Walked: a go-round of ten, five of them with names of 30 characters and more, four objecting: with every name whole,
// its rows took the screen and the tally and the one objection left ran off the bottom of 1920x1080. The positions now
// take smaller type before the last objection is cut.
test('a go-round of ten with long names and four objections keeps the tally and an objection on the projector at 1920x1080', async ({
  page,
}) => {
  const server = await startServer({ dataDir: tempDataDir('projector-ten') });
  try {
    await page.goto(server.url);
    const { meetingId } = await goRound(page, TEN, (i) => (['agree', 'consent', 'stand_aside', 'disagree', 'block'] as const)[i % 5]!, {
      options: Array.from({ length: 6 }, (_, i) => ({ title: `Option ${i + 1}`, pros: 'Knowledge spreads', cons: 'Costs two people' })),
    });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const positions = page.getByRole('list', { name: 'Positions' });
    await expect(positions.getByRole('listitem')).toHaveCount(TEN.length);
    await expect(page.getByRole('list', { name: 'Open objections' }).getByRole('listitem').first()).toBeVisible();
    for (const what of ['.projector-positions li:last-child', '.projector-tally', '.projector-objections li:first-child'])
      expect((await shown(page, what)).bottom, what).toBeLessThanOrEqual(1080);
    const names = await positions
      .locator('li > span:first-child')
      .evaluateAll((els) => els.map((el) => ({ name: el.textContent, cut: el.scrollWidth > el.clientWidth + 1 })));
    expect(names).toEqual(TEN.map((name) => ({ name, cut: false })));
    await page.screenshot({ path: `${SCREENS}/projector-ten-1920.png` });
  } finally {
    await server.stop();
  }
});
