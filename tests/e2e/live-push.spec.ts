import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer } from '../support/server';

test('a turn reaches the console and the projector in the change event itself: neither page reads the live part again', async ({
  browser,
}) => {
  const server = await startServer();
  const context = await browser.newContext();
  try {
    // Every operation either page asks main for, by fetch or on its event socket, once `recording`.
    const asked: string[] = [];
    let recording = false;
    const record = (name: string, page: Page) => {
      const note = (op: string | undefined) => recording && op && asked.push(`${name} ${op}`);
      page.on('request', (request) => note(/\/api\/op\/([\w.]+)$/.exec(request.url())?.[1]));
      page.on('websocket', (ws) =>
        ws.on('framesent', ({ payload }) => note(/^\{"type":"op","id":\d+,"name":"([\w.]+)"/.exec(String(payload))?.[1])),
      );
    };
    const console_ = await context.newPage();
    record('console', console_);
    await console_.goto(server.url);
    const team = await api(console_, 'demo.load', {});
    const { upcoming } = await api(console_, 'meetings.list', { teamId: team.id });
    const meetingId = upcoming[0]!.id;
    await api(console_, 'meetings.start', { meetingId });
    await console_.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const projector = await context.newPage();
    record('projector', projector);
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    const speaker = console_.locator('.speaker-name');
    const shown = projector.locator('.projector-speaker-name');
    await expect(speaker).toHaveText('Maya Okafor');
    await expect(shown).toHaveText('Maya Okafor');

    // From here on.
    recording = true;
    await expect(console_.getByRole('navigation', { name: 'Keys' })).toContainText('next speaker');
    await console_.keyboard.press('t');
    await expect(shown).toHaveText('Sam Lindqvist');
    await expect(speaker).toHaveText('Sam Lindqvist');
    // A second turn: any re-read the first one caused would have been asked by the time this one shows.
    await console_.keyboard.press('l');
    await expect(shown).toHaveText('Priya Raman');
    await expect(speaker).toHaveText('Priya Raman');
    await expect(console_.getByRole('list', { name: 'Speakers' })).toContainText('Maya OkaforSpoke');
    expect(asked).toEqual(['console live.turn', 'console live.turn']);
  } finally {
    await context.close();
    await server.stop();
  }
});
