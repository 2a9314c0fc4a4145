import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';
import { demoOnALaptop } from '../support/demo-on-a-laptop';
import { atTheProposals } from '../support/demo-meeting';

/** The element's box lies inside the window, top and bottom. */
async function expectOnScreen(page: Page, selector: string, what: string): Promise<void> {
  const box = (await page.locator(selector).first().boundingBox())!;
  const height = page.viewportSize()!.height;
  expect(box.y, `${what}: top ${box.y}`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom ${box.y + box.height} of ${height}`).toBeLessThanOrEqual(height);
}

// Found by a walk with a long agenda: the side column's agenda grew the projector's one row past the screen, and the
// main column centred the current item in that row, so the room saw the meeting's title over an empty screen.
/**
 * A read of the page, once two reads a poll apart agree: the projector's fit (its head, its list's height, the list's
 * scroll) may still be settling when the row up is first in sight, and a read from then is of no screen a person sees.
 */
async function steady<T>(read: () => Promise<T>): Promise<T> {
  let last = JSON.stringify(await read());
  let value!: T;
  await expect
    .poll(async () => {
      value = await read();
      const now = JSON.stringify(value);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return value;
}

test('a meeting of 24 items and a 200-character title: the projector shows the current item, its proposal and its agenda row on the screen', async ({
  browser,
}) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const team = await api(page, 'teams.create', { name: 'Platform', timeZone: 'UTC', members: ['Ada', 'Grace', 'Linus', 'Margaret'] });
    const title = 'Quarterly planning and accountability review '.repeat(5).slice(0, 200).trim();
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title,
      date: '2026-12-07',
      time: '09:00',
      lengthMin: 480,
      facilitatorId: null,
      templateId: null,
    });
    let detail = await api(page, 'meetings.get', { meetingId });
    for (let i = 1; i <= 24; i++)
      detail = await api(page, 'agenda.addItem', {
        meetingId,
        expectedRevision: detail.meeting.agendaRevision,
        kind: i === 15 ? 'proposal' : 'discussion',
        title: `Topic ${i}`,
        plannedMin: 10,
        ownerId: null,
      });
    await api(page, 'attendance.allPresent', { meetingId });
    await api(page, 'meetings.start', { meetingId });
    await api(page, 'decisions.propose', {
      meetingId,
      agendaItemId: detail.items[14]!.id,
      title: 'Move to a two-week release train',
      question: 'Should we release every two weeks?',
    });
    for (let i = 1; i < 14; i++) await api(page, 'live.next', { meetingId });

    const projector = await context.newPage();
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await projector.setViewportSize(size);
      await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
      await expect(projector.locator('.projector-title')).toHaveText('Topic 14');
      await expectOnScreen(projector, '.projector-title', `item 14 at ${size.width}`);
      await expectOnScreen(projector, '.agenda-progress [aria-current="step"]', `item 14's agenda row at ${size.width}`);
      // The list starts at the item before the current one: scrolled there in the frame's rendering step, before paint.
      const list = projector.getByRole('list', { name: 'Agenda progress' });
      const before = projector.getByRole('listitem').filter({ hasText: 'Topic 13' });
      await expect
        .poll(async () => Math.abs((await before.boundingBox())!.y - (await list.boundingBox())!.y), {
          message: `item 13's row at the list's top at ${size.width}`,
        })
        .toBeLessThan(2);
      // The rows that do not fit fade out at the list's foot rather than end on a row cut mid-line.
      await expect(projector.getByRole('list', { name: 'Agenda progress' })).toHaveAttribute('data-more', 'below');
      expect(await projector.locator('.agenda-progress ol').evaluate((ol) => getComputedStyle(ol).maskImage)).toContain('gradient');
      // Walked: the fade alone read as a row cut by mistake; under it the room reads how many items follow.
      // Counted and read in one frame, again until they agree: the head above the list (the title's fit, the clock's
      // wrapped words) may still change its height, and a count taken once, a moment before, was a row short (CI of
      // d7ed4c7 under load: the note's '+8 more' matched its screenshot, the test had counted 7).
      await expect
        .poll(
          () =>
            list.evaluate((ol) => {
              const edge = ol.getBoundingClientRect().bottom + 1;
              const notWhole = [...ol.children].filter((row) => row.getBoundingClientRect().bottom > edge).length;
              return ol.closest('.agenda-progress')!.querySelector('.p-more')!.textContent === `+${notWhole} more` && notWhole > 0;
            }),
          { message: `the note counts the rows not shown whole at ${size.width}` },
        )
        .toBe(true);
      await expectOnScreen(projector, '.agenda-progress .p-more', `the note of what follows at ${size.width}`);
      await projector.screenshot({ path: `test-results/screens/projector-long-agenda-${size.width}.png` });
    }
    await api(page, 'live.next', { meetingId });
    await expect(projector.locator('.projector-title')).toHaveText('Move to a two-week release train');
    await expectOnScreen(projector, '.projector-title', 'the proposal at 1280');
    await expectOnScreen(projector, '.projector-question', 'its question at 1280');
    await expectOnScreen(projector, '.agenda-progress [aria-current="step"]', 'its agenda row at 1280');
    await projector.screenshot({ path: 'test-results/screens/projector-long-agenda-proposal-1280.png' });
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a round whose item title and speaker’s name are as long as allowed: the projector shows the speaker, their countdown and who is next', async ({
  browser,
}) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const names = ['Alexandra', 'Bartholomew', 'Constantine'].map((n) => `${n} Featherstonehaugh-Wolfeschlegelsteinhausen`.padEnd(60, 'x'));
    const team = await api(page, 'teams.create', { name: 'Platform', timeZone: 'UTC', members: names });
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title: 'Weekly',
      date: '2026-12-07',
      time: '09:00',
      lengthMin: 60,
      facilitatorId: null,
      templateId: null,
    });
    const planned = await api(page, 'meetings.get', { meetingId });
    await api(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: planned.meeting.agendaRevision,
      kind: 'check_in',
      title: 'How everyone arrives after the migration of the billing services to the new cluster '.repeat(3).slice(0, 200).trim(),
      plannedMin: 10,
      ownerId: null,
      turnTimeboxSec: 90,
    });
    await api(page, 'attendance.allPresent', { meetingId });
    await api(page, 'meetings.start', { meetingId });
    const projector = await context.newPage();
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await projector.setViewportSize(size);
      await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
      await expect(projector.locator('.projector-speaker-name')).toHaveText(names[0]!);
      await expectOnScreen(projector, '.projector-speaker', `the speaker's card at ${size.width}`);
      await expectOnScreen(projector, '.projector-turn-countdown', `the speaker's countdown at ${size.width}`);
      await expectOnScreen(projector, '.projector-next', `who is next at ${size.width}`);
      // A one-item agenda fits: nothing fades.
      await expect(projector.getByRole('list', { name: 'Agenda progress' })).toHaveAttribute('data-more', 'none');
      await expect(projector.locator('.agenda-progress .p-more')).toBeHidden();
      await projector.screenshot({ path: `test-results/screens/projector-long-round-${size.width}.png` });
    }
  } finally {
    await context.close();
    await server.stop();
  }
});

// Walked (walk18): near the end of a long agenda the list stopped short and began on a row cut at its top, under a
// fade that read as a cut row; earlier in it, nothing said items had gone before the first row shown.
test('a long agenda near its end: the projector’s list starts on a whole row and says how many items went before', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const team = await api(page, 'teams.create', { name: 'Platform', timeZone: 'UTC', members: ['Ada', 'Grace'] });
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title: 'Weekly',
      date: '2026-12-07',
      time: '09:00',
      lengthMin: 480,
      facilitatorId: null,
      templateId: null,
    });
    let detail = await api(page, 'meetings.get', { meetingId });
    for (let i = 1; i <= 24; i++)
      detail = await api(page, 'agenda.addItem', {
        meetingId,
        expectedRevision: detail.meeting.agendaRevision,
        kind: 'discussion',
        // Some of two lines, so the rows are of two heights and the list's end falls inside a row.
        title: i % 3 === 0 ? `Topic ${i}: the billing migration's follow-up with the platform team` : `Topic ${i}`,
        plannedMin: 10,
        ownerId: null,
      });
    await api(page, 'attendance.allPresent', { meetingId });
    await api(page, 'meetings.start', { meetingId });
    for (let i = 1; i < 23; i++) await api(page, 'live.next', { meetingId });
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
      await expect(page.locator('.projector-title')).toHaveText('Topic 23');
      const list = page.getByRole('list', { name: 'Agenda progress' });
      await expect(list.locator('[aria-current="step"]')).toBeInViewport({ ratio: 1 });
      const shown = await steady(() =>
        list.evaluate((ol) => {
          const top = ol.getBoundingClientRect().top;
          const rows = [...ol.children].map((row) => row.getBoundingClientRect());
          const first = rows.find((r) => r.bottom > top + 1)!;
          return { cutAtTop: top - first.top, before: rows.filter((r) => r.top < top - 1).length };
        }),
      );
      expect(shown.cutAtTop, `the first row shown is whole at ${size.width}`).toBeLessThanOrEqual(1);
      expect(shown.before).toBeGreaterThan(0);
      await expect(page.locator('.agenda-progress .p-earlier')).toHaveText(`${shown.before} earlier`);
      expect(await list.evaluate((ol) => getComputedStyle(ol).maskImage)).not.toMatch(/^linear-gradient\(to top|transparent,/);
      await page.screenshot({ path: `test-results/screens/projector-long-agenda-end-${size.width}.png` });
    }
  } finally {
    await context.close();
    await server.stop();
  }
});

// Walked (walk19): the demo's eight items fit under the countdown at 1280x720, yet the last one faded as if more
// followed: the fade was read off the list's scroll height, which the rows' spacing passed by 3 px.
test('an agenda that fits: no row of the projector’s list fades, at 1280x720 and 1920x1080', async ({ browser }) => {
  const { server, context, page, meetingId, close } = await demoOnALaptop(browser);
  try {
    await api(page, 'attendance.allPresent', { meetingId });
    await api(page, 'meetings.start', { meetingId });
    const projector = await context.newPage();
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await projector.setViewportSize(size);
      await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
      const list = projector.getByRole('list', { name: 'Agenda progress' });
      await expect(list.getByRole('listitem')).toHaveCount(8);
      await expect(list.getByRole('listitem').last()).toBeInViewport({ ratio: 1 });
      const cut = await list.evaluate((ol) => {
        const edge = ol.getBoundingClientRect().bottom + 1;
        return [...ol.children].filter((row) => row.getBoundingClientRect().bottom > edge).length;
      });
      expect(cut, `rows past the list's edge at ${size.width}`).toBe(0);
      await expect(list).toHaveAttribute('data-more', 'none');
      expect(await list.evaluate((ol) => getComputedStyle(ol).maskImage)).toBe('none');
      await expect(projector.locator('.agenda-progress .p-more')).toBeHidden();
    }
  } finally {
    await close();
  }
});

// Walked (journey 1 with the demo team, at its proposal): the projector's agenda said "2 earlier" over about two rows of
// empty card, at 1920x1080 and at 1280x720: the scroll was clamped to the list's scroll height, which counts the gap
// before the room after the rows, and the note took a line of its own. Earlier items are shown when there is room.
test('the projector’s agenda hides earlier items only where they do not fit, at 1920x1080 and 1280x720', async ({ page }) => {
  const T0 = Date.parse('2026-11-24T09:00:00Z');
  const dir = tempDataDir('projector-agenda-room');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  try {
    const { meetingId } = await atTheProposals(page, server.url, clock, T0);
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      await page.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
      const list = page.getByRole('list', { name: 'Agenda progress' });
      await expect(list.locator('[aria-current="step"]')).toBeInViewport({ ratio: 1 });
      await expect(list).toHaveAttribute('data-more', /./);
      // Read in one frame, again until the note agrees with the rows (the head's fit may still change the list's height).
      const read = () =>
        list.evaluate((ol) => {
          const box = ol.getBoundingClientRect();
          const rows = [...ol.children].map((row) => row.getBoundingClientRect());
          const shown = rows.filter((r) => r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
          const first = rows.indexOf(shown[0]!);
          const note = ol.closest('.agenda-progress')!.querySelector<HTMLElement>('.p-earlier')!;
          const heading = ol.closest('.agenda-progress')!.querySelector('h2')!.getBoundingClientRect();
          return {
            before: first,
            note: note.hidden ? '' : (note.textContent ?? ''),
            noteBesideHeading: note.hidden || note.getBoundingClientRect().top < heading.bottom,
            cutAtTop: box.top - rows[first]!.top,
            // The room the row above the first one shown needs (with its gap), and the room left under the last one.
            neededAbove: first > 0 ? rows[first]!.top - rows[first - 1]!.top : 0,
            emptyBelow: box.bottom - shown[shown.length - 1]!.bottom,
            below: rows.length - first - shown.length,
          };
        });
      await expect
        .poll(async () => {
          const r = await read();
          return r.note === (r.before > 0 ? `${r.before} earlier` : '');
        })
        .toBe(true);
      const r = await steady(read);
      await page.screenshot({ path: `test-results/screens/projector-agenda-room-${size.width}.png` });
      expect(r.cutAtTop, `the first row shown is whole at ${size.width}`).toBeLessThanOrEqual(1);
      expect(r.below, `the agenda's end is on the screen at ${size.width}`).toBe(0);
      if (r.before > 0) {
        expect(r.neededAbove, `no room is left for the earlier row at ${size.width}: ${JSON.stringify(r)}`).toBeGreaterThan(
          r.emptyBelow + 1,
        );
        expect(r.noteBesideHeading, `"earlier" costs no row at ${size.width}`).toBe(true);
      }
    }
  } finally {
    await server.stop();
  }
});
