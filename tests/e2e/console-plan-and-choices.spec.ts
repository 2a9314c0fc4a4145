import type { Locator } from '@playwright/test';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';

const MIN = 60_000;
const T0 = Date.parse('2026-11-24T09:00:00Z');

/** The fill a button is painted with. */
const fill = (button: Locator) => button.evaluate((b) => getComputedStyle(b).backgroundColor);

test('the demo’s console: an item’s plan shows above an empty notes box, and the chosen outcome is the one that looks chosen', async ({
  browser,
}) => {
  const dir = tempDataDir('console-plan');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await page.clock.setFixedTime(new Date(T0));
    await page.goto(server.url);
    const team = await api(page, 'demo.load', {});
    const meetingId = (await api(page, 'meetings.list', { teamId: team.id })).upcoming[0]!.id;
    let d = await api(page, 'meetings.get', { meetingId });
    const checkIn = d.items.find((i) => i.kind === 'check_in')!;
    expect(checkIn.plan).not.toBe('');
    clock.set(d.meeting.scheduledStart! + MIN);
    for (const a of d.attendees) await api(page, 'attendance.set', { attendeeId: a.id, status: 'present' });
    await api(page, 'meetings.start', { meetingId });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);

    // Walked: the check-in's notes box opened holding "One sentence each…", the plan, as if someone had said it.
    const notes = page.getByLabel(`Notes on “${checkIn.title}”`);
    await expect(notes).toHaveValue('');
    await expect(notes).toHaveAccessibleDescription(`Planned: ${checkIn.plan}`);
    await page.screenshot({ path: 'test-results/screens/console-check-in-plan.png' });

    d = await api(page, 'meetings.get', { meetingId });
    while (d.items.find((i) => i.id === d.currentItemId)?.kind !== 'commitment_review') {
      clock.advance(d.items.find((i) => i.id === d.currentItemId)!.plannedMin * MIN);
      await api(page, 'live.next', { meetingId });
      d = await api(page, 'meetings.get', { meetingId });
    }
    const outcomes = page.getByRole('group', { name: 'Outcome' });
    const done = outcomes.getByRole('button', { name: /^Done/ });
    const slipped = outcomes.getByRole('button', { name: /^Slipped/ });
    const onTrack = outcomes.getByRole('button', { name: /^On track/ });
    await expect(done).toHaveAttribute('aria-pressed', 'false');
    // Walked: at 1366x768 "Dropped 6" wrapped alone onto a second row under the other five outcomes.
    const tops = await outcomes.getByRole('button').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(tops).toHaveLength(6);
    expect(new Set(tops).size, `outcome rows at ${JSON.stringify(tops)}`).toBe(1);
    const unchosen = await fill(onTrack);
    // Walked: with "Slipped" chosen, "Done" kept the primary fill and looked like the choice.
    expect(await fill(done)).toBe(unchosen);
    await page.keyboard.press('4');
    await expect(slipped).toHaveAttribute('aria-pressed', 'true');
    await expect(done).toHaveAttribute('aria-pressed', 'false');
    expect(await fill(done)).toBe(unchosen);
    expect(await fill(slipped)).not.toBe(unchosen);
    await page.screenshot({ path: 'test-results/screens/console-review-slipped.png' });
  } finally {
    await context.close();
    await server.stop();
  }
});
