import { expect, test } from '../support/test';
import { demoOnALaptop } from '../support/demo-on-a-laptop';
import { api } from '../support/page-api';

/*
 * The meeting's page while the meeting runs: its agenda offered "Remove" on every item, and on one already held (or
 * under way) the press only said "An item the meeting has started cannot be removed". Only what is still to come
 * can go, so only that offers it.
 */
test('walk22: during the meeting its page offers Remove only on items not yet started', async ({ browser }) => {
  const demo = await demoOnALaptop(browser);
  try {
    const { page, server, meetingId } = demo;
    const planned = await api(page, 'meetings.get', { meetingId });
    for (const a of planned.attendees) await api(page, 'attendance.set', { attendeeId: a.id, status: 'present' });
    await api(page, 'meetings.start', { meetingId });
    await api(page, 'live.next', { meetingId });
    await page.goto(`${server.origin}/#/meetings/${meetingId}`);
    await expect(page.getByText('Live now')).toBeVisible();
    const agenda = page.getByRole('list', { name: 'Agenda' });
    // Held, under way, still to come.
    await expect(agenda.getByRole('button', { name: 'Remove Commitment review' })).toBeVisible();
    await expect(agenda.getByRole('button', { name: 'Edit Check-in round' })).toBeVisible();
    await expect(agenda.getByRole('button', { name: 'Remove Check-in round' })).toHaveCount(0);
    await expect(agenda.getByRole('button', { name: 'Remove Pricing page experiment: read-out' })).toHaveCount(0);
    await expect(agenda.getByRole('button', { name: /^Remove / })).toHaveCount(6);
  } finally {
    await demo.close();
  }
});
