import { expect, test } from '../support/test';
import { startedWithProposal } from '../support/page-api';
import { startServer, tempDataDir } from '../support/server';

// On a 1366x768 laptop the console's attendance column is narrow: "Left early" broke over two lines and made every
// row of the list twice as tall as the planner's.
test('the console’s attendance choices each keep to one line on a 1366x768 laptop', async ({ browser }) => {
  const server = await startServer({ dataDir: tempDataDir('console-attendance-fit') });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const { meetingId } = await startedWithProposal(page, {
      team: { name: 'Harbor', timeZone: 'Europe/Berlin', members: ['Maya Okafor', 'Sam Lindqvist'] },
      meeting: { title: 'Monday', date: '2026-11-30', time: '10:00' },
      item: 'Checklist',
    });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const group = page.getByRole('group', { name: 'Attendance of Maya Okafor' });
    await expect(group.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
    const lines = await group.getByRole('button').evaluateAll((buttons) =>
      buttons.map((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        // One line of text gives one rectangle per word on that line, all at the same top.
        return {
          label: b.textContent,
          tops: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
          clipped: b.scrollWidth > b.clientWidth,
        };
      }),
    );
    expect(lines).toEqual(['Present', 'Late', 'Absent', 'Left early'].map((label) => ({ label, tops: 1, clipped: false })));
    await page.screenshot({ path: 'test-results/screens/console-attendance-1366.png' });
  } finally {
    await context.close();
    await server.stop();
  }
});
