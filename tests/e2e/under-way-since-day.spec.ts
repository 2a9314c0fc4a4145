import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';

const HOUR = 3_600_000;

// A meeting started yesterday and never ended read "under way since 10:02" in the meetings list and on the home's
// "Next up" card, as if it had started this morning: the day is named when it was another.
test('a meeting under way since an earlier day names that day in the meetings list and on the home’s Next up card', async ({ browser }) => {
  const dir = tempDataDir('under-way-since');
  // Main's clock a day and more behind the browser's: the meeting starts on an earlier day than the page's today.
  const clock = new TestClock(dir, Date.now() - 26 * HOUR);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const team = await api(page, 'demo.load', {});
    const meetingId = (await api(page, 'meetings.list', { teamId: team.id })).upcoming[0]!.id;
    await api(page, 'attendance.allPresent', { meetingId });
    await api(page, 'meetings.start', { meetingId });
    const { meeting } = await api(page, 'meetings.get', { meetingId });
    const [day, time] = await page.evaluate(
      ([ms, timeZone]) => [
        new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(ms)),
        new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(ms)),
      ],
      [meeting.startedAt!, meeting.timeZone] as const,
    );

    await page.goto(`${server.origin}/#/teams/${team.id}/meetings`);
    const row = page.getByRole('list', { name: 'Upcoming meetings' }).getByRole('listitem').filter({ hasText: 'Live now' });
    await expect(row.locator('.meeting-meta')).toContainText(`under way since ${day}, ${time}, 45 min planned`);

    await page.goto(`${server.origin}/#/`);
    const card = page.getByRole('region', { name: 'Next up' }).getByRole('link', { name: new RegExp(team.name) });
    await expect(card).toContainText(`Under way since ${day}, ${time}`);
    // A meeting started today names no day: meeting-lists 'a meeting under way says so' reads the time alone.
  } finally {
    await context.close();
    await server.stop();
  }
});
