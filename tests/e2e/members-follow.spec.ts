import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

// Monday 30 Nov 2026, 10:00 in Berlin: the demo team's next meeting.
const T0 = Date.parse('2026-11-30T09:00:00Z');

test('the console and projector change the moment a member is renamed or leaves', async ({ browser }) => {
  const dir = tempDataDir('members-follow');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const console = await context.newPage();
    await console.goto(server.url);
    await openDemoTeam(console);
    const team = (await api(console, 'teams.list', {}))[0]!;
    const meetingId = (await api(console, 'meetings.list', { teamId: team.id })).upcoming[0]!.id;
    const detail = await api(console, 'meetings.get', { meetingId });
    for (const a of detail.attendees) await api(console, 'attendance.set', { attendeeId: a.id, status: 'present' });
    await api(console, 'meetings.start', { meetingId });
    const member = (name: string) => detail.members.find((m) => m.name === name)!;

    await console.goto(`${new URL(server.url).origin}/#/meetings/${meetingId}/run`);
    await expect(console.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();
    const projector = await context.newPage();
    await projector.goto(`${new URL(server.url).origin}/#/meetings/${meetingId}/projector`);
    await expect(projector.locator('.projector-speaker-name')).toHaveText('Maya Okafor');
    const owner = console.getByRole('combobox', { name: 'Owner' }).first();
    await expect(owner.locator('option', { hasText: 'Sam Lindqvist' })).toHaveCount(1);

    // Another window (the team page) renames Maya and marks Sam as left.
    const admin = await context.newPage();
    await admin.goto(`${new URL(server.url).origin}/`);
    await api(admin, 'members.update', { memberId: member('Maya Okafor').id, name: 'Maya Okafor-Berg', roleTitle: null });
    await expect(projector.locator('.projector-speaker-name')).toHaveText('Maya Okafor-Berg');
    await expect(console.getByRole('group', { name: 'Attendance of Maya Okafor-Berg' })).toBeVisible();
    await expect(owner.locator('option', { hasText: 'Maya Okafor-Berg' })).toHaveCount(1);

    await api(admin, 'members.markLeft', { memberId: member('Sam Lindqvist').id });
    await expect(owner.locator('option', { hasText: 'Sam Lindqvist' })).toHaveCount(0);
  } finally {
    await context.close();
    await server.stop();
  }
});
