import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer } from '../support/server';
import { dayFromToday } from '../support/days';

const HTML = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

test('typed HTML is shown as text everywhere and never runs: team, meeting, decision, search, commitments', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    const team = await api(page, 'teams.create', { name: `Ops ${HTML}`, timeZone: 'UTC', members: [`Ana ${HTML}`] });
    const detail = await api(page, 'teams.get', { teamId: team.id });
    const ana = detail.members[0]!.id;
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title: `Weekly ${HTML}`,
      date: '2026-11-26',
      time: '10:00',
      lengthMin: 30,
    });
    const planned = await api(page, 'meetings.get', { meetingId });
    const withItem = await api(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: planned.meeting.agendaRevision,
      kind: 'proposal',
      title: `Item ${HTML}`,
      plannedMin: 10,
    });
    await api(page, 'meetings.start', { meetingId });
    await api(page, 'decisions.propose', {
      meetingId,
      agendaItemId: withItem.items[0]!.id,
      title: `Decide ${HTML}`,
      decision: `Do it ${HTML}`,
      rationale: `Because hostile ${HTML}`,
    });
    await api(page, 'commitments.create', { meetingId, ownerId: ana, outcome: `Outcome ${HTML}`, dueDate: dayFromToday(14) });

    for (const hash of [
      `#/teams/${team.id}`,
      `#/meetings/${meetingId}`,
      `#/meetings/${meetingId}/run`,
      `#/meetings/${meetingId}/projector`,
      '#/commitments',
    ]) {
      await page.goto(`${server.origin}/${hash}`);
      await expect(page.getByText(HTML).filter({ visible: true }).first(), hash).toBeVisible();
    }
    await page.goto(`${server.origin}/#/decisions`);
    await page.getByRole('searchbox', { name: 'Search decisions' }).fill('hostile onerror');
    const row = page.getByRole('list', { name: 'Decisions' }).getByRole('listitem').first();
    await expect(row).toContainText('Decide <img src=x');
    await expect(row.locator('mark')).toHaveText(['onerror', 'hostile', 'onerror']);
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Decide ${HTML}`);

    // Nothing ran and nothing was parsed as markup.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
  } finally {
    await server.stop();
  }
});

test('the About section shows the version and copies diagnostics', async ({ page, context }) => {
  const server = await startServer();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(server.url);
    await page.goto(`${server.origin}/#/settings`);
    const about = page.getByRole('region', { name: 'About Cadence' });
    await expect(about.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
    await about.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect(about.getByRole('status')).toHaveText('Copied to the clipboard');
    await expect(about.getByLabel('Diagnostics')).toHaveValue(/Cadence \d+\.\d+\.\d+ \(browser\)[\s\S]*Data folder: [\s\S]*Recent errors/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Data folder:');
    await about.screenshot({ path: 'test-results/screens/about.png' });
  } finally {
    await server.stop();
  }
});
