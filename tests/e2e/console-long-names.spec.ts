import { expect, test } from '../support/test';
import { api, startedWithItem } from '../support/page-api';
import { startServer, tempDataDir } from '../support/server';

const NAMES = ['Alexandra Montgomery-Whitfield', 'Maximilian von Hohenberg-Lindqvist', 'Sam Lindqvist'];

// Walked with ten attendees: the console's speaking time cut every long name to its 8rem column ("Alexandra Mont…"),
// with nothing on the console saying whose time it was.
test('the console’s speaking time names everyone whole on a 1366x768 laptop', async ({ browser }) => {
  const server = await startServer({ dataDir: tempDataDir('console-long-names') });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const { meetingId } = await startedWithItem(page, {
      team: { name: 'Harbor', timeZone: 'UTC', members: NAMES },
      meeting: { title: 'Monday', date: '2026-11-30', time: '10:00' },
      item: 'Check-in round',
      kind: 'check_in',
      plannedMin: 5,
    });
    // Everyone speaks once.
    for (let i = 0; i < NAMES.length; i++) await api(page, 'live.turn', { meetingId, action: 'next' });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const list = page.getByRole('list', { name: 'Speaking time per person' });
    await expect(list.getByRole('listitem')).toHaveCount(NAMES.length);
    const names = await list
      .locator('.speaking-name')
      .evaluateAll((els) =>
        els.map((el) => ({ name: el.textContent, cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 })),
      );
    expect(names).toEqual(NAMES.map((name) => ({ name, cut: false })));
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/console-speaking-long-names-1366.png' });
  } finally {
    await context.close();
    await server.stop();
  }
});
