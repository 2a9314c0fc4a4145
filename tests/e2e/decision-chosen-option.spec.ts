import { expect, test } from '../support/test';
import { api, startedWithProposal } from '../support/page-api';
import { startServer, tempDataDir } from '../support/server';

test('the facilitator picks the chosen option in the proposal panel; the projector reads it back and the decision log shows it', async ({
  browser,
}) => {
  const dir = tempDataDir('chosen-option');
  const server = await startServer({ dataDir: dir });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const { meetingId, withItem } = await startedWithProposal(page, {
      team: { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ana Ruiz', 'Ben Osei'] },
      meeting: { title: 'Weekly platform sync', date: '2026-11-24', time: '10:00' },
      item: 'Release cadence',
    });
    const ana = withItem.members.find((m) => m.name === 'Ana Ruiz')!.id;
    await api(page, 'decisions.propose', {
      meetingId,
      agendaItemId: withItem.items[0]!.id,
      title: 'Release cadence',
      decision: 'Release every second Thursday.',
      options: [
        { title: 'Keep weekly Thursdays', pros: 'Rhythm', cons: 'A testing day every week' },
        { title: 'Two-week train', pros: 'Half the regression effort', cons: 'Fixes wait longer' },
      ],
      ownerId: ana,
    });

    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const projector = await context.newPage();
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const card = page.getByRole('article', { name: 'Proposal: Release cadence' });
    await card.getByRole('button', { name: 'Read back on the projector' }).click();
    // Two options were weighed: accepting without saying which won is refused, in words.
    await card.getByRole('button', { name: 'Room confirms: accept' }).click();
    await expect(card.getByRole('alert')).toContainText('choose which of the options was chosen');

    const record = card.getByRole('form', { name: 'Decision record' });
    const chosen = record.getByRole('combobox', { name: 'Chosen option' });
    await expect(chosen).toHaveValue('');
    await chosen.selectOption({ label: 'Two-week train' });
    await record.getByRole('button', { name: 'Save the record' }).click();
    await expect(record.getByRole('status')).toHaveText('Saved');
    const readback = projector.getByRole('region', { name: 'Read-back' });
    await expect(readback.getByRole('definition').first()).toHaveText('Two-week train');
    await card.getByRole('button', { name: 'Room confirms: accept' }).click();
    await expect(card.locator('.outcome-bar')).toContainText('Accepted');

    await page.goto(`${server.origin}/#/decisions`);
    const list = page.getByRole('list', { name: 'Decisions' });
    await list.getByRole('listitem').filter({ hasText: 'Release cadence' }).getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Release cadence', level: 1 })).toBeVisible();
    const options = page.locator('.options-list');
    await expect(options.locator('li.option-chosen')).toHaveCount(1);
    await expect(options.locator('li.option-chosen')).toContainText('Two-week train');
    await expect(options.locator('li.option-chosen')).toContainText('Chosen');
  } finally {
    await context.close();
    await server.stop();
  }
});
