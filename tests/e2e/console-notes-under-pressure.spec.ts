import { expect, test } from '../support/test';
import type { WebSocketRoute } from '@playwright/test';
import { api } from '../support/page-api';
import { START, coFacilitator, withStartedMeeting } from '../support/console-pressure';

test('notes typed while the other console moves on stay text, and each item keeps what was typed in it', async ({ browser }) => {
  await withStartedMeeting(browser, async ({ maya, context }) => {
    const { page: sam } = await coFacilitator(context, maya);
    await expect(sam.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();

    await maya.getByLabel('Notes on “Check-in round”').click();
    await maya.keyboard.type('Energy is good');
    await sam.keyboard.press('n');
    await expect(maya.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    // She types on: the letters are text in the read-out's notes (n, t and e were next item, next speaker, +1 min).
    await maya.keyboard.type('; then the pricing numbers');
    const readOut = maya.getByLabel('Notes on “Pricing page experiment: read-out”');
    await expect(readOut).toHaveValue('; then the pricing numbers');
    await expect(readOut).toBeFocused();
    await readOut.blur();
    await expect(maya.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await expect(maya.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    await expect(maya.locator('.current-item')).not.toContainText('planned + 1:00 added');
    // The check-in kept what was typed in it before the meeting moved on.
    await sam.keyboard.press('ArrowLeft');
    await expect(maya.getByLabel('Notes on “Check-in round”')).toHaveValue('Energy is good');
  });
});

test('notes left mid-sentence are saved on their item, and the next item’s box says nothing of that save', async ({ browser }) => {
  await withStartedMeeting(browser, async ({ maya, context }) => {
    const { page: sam } = await coFacilitator(context, maya);
    await expect(sam.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();

    await maya.getByLabel('Notes on “Check-in round”').fill('Energy is good');
    await sam.keyboard.press('n');
    await expect(maya.getByLabel('Notes on “Pricing page experiment: read-out”')).toHaveValue('');
    const meetingId = /meetings\/([^/]+)\/run/.exec(maya.url())![1]!;
    await expect
      .poll(async () => (await api(maya, 'meetings.live', { meetingId })).items.find((i) => i.title === 'Check-in round')?.notes)
      .toBe('Energy is good');
    // The box stays in place from item to item: the check-in's save is the check-in's, the read-out has saved nothing.
    await expect(maya.locator('.notes-editor').getByRole('status')).toHaveText('');
    await expect(maya.getByRole('alert')).toHaveCount(0);
  });
});

test('notes typed while the server is down are saved once it is back, and the console and projector show the right time', async ({
  browser,
}) => {
  await withStartedMeeting(browser, async ({ maya: page, context, outage }) => {
    const projector = await context.newPage();
    await projector.clock.setFixedTime(new Date(START));
    await projector.goto(page.url().replace(/\/run$/, '/projector'));
    await expect(projector.getByRole('timer', { name: 'Time left for this item' })).toHaveText('5:00');

    await outage.down();
    await expect(page.getByRole('status').filter({ hasText: 'Lost the connection to Cadence' })).toBeVisible();
    await expect(projector.getByRole('status').filter({ hasText: 'Reconnecting to Cadence…' })).toBeVisible();
    const notes = page.getByLabel('Notes on “Check-in round”');
    await notes.fill('Energy is good; Lena is out sick.');
    await expect(page.locator('.notes-editor').getByRole('status')).toHaveText('Not saved');
    await expect(notes).toHaveValue('Energy is good; Lena is out sick.');

    // Back a minute later, on the same port: the note is saved without another keystroke, the old error gone.
    await outage.back(60_000);
    await expect(page.locator('.notes-editor').getByRole('status')).toHaveText('Saved');
    await expect(page.locator('.notes-editor').getByRole('alert')).toHaveCount(0);
    for (const view of [page, projector]) await expect(view.getByRole('timer', { name: 'Time left for this item' })).toHaveText('4:00');
    await expect(projector.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0);
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await expect(fresh.getByLabel('Notes on “Check-in round”')).toHaveValue('Energy is good; Lena is out sick.');
  });
});

test('a line typed on a turn while the server is down is saved once it is back', async ({ browser }) => {
  await withStartedMeeting(browser, async ({ maya: page, outage }) => {
    await outage.down();
    await expect(page.getByRole('status').filter({ hasText: 'Lost the connection to Cadence' })).toBeVisible();
    const line = page.getByLabel('Notes on Maya Okafor’s turn');
    await line.fill('Back from leave, catching up on the queue work');
    await line.blur();
    const state = page.locator('.round-panel').getByRole('status');
    await expect(state).toHaveText('Not saved');

    // Back on the same port: the line is saved without her leaving the box again.
    await outage.back();
    await expect(state).toHaveText('Saved');
    const meetingId = /meetings\/([^/]+)\/run/.exec(page.url())![1]!;
    const live = await api(page, 'meetings.live', { meetingId });
    expect(live.turns.find((t) => t.name === 'Maya Okafor')?.notes).toBe('Back from leave, catching up on the queue work');
    await expect(line).toHaveValue('Back from leave, catching up on the queue work');
  });
});

test('a line typed on a turn is kept when the other console moves on to the next speaker', async ({ browser }) => {
  await withStartedMeeting(browser, async ({ maya, context }) => {
    const { page: sam } = await coFacilitator(context, maya);
    await expect(sam.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();

    await maya.getByLabel('Notes on Maya Okafor’s turn').fill('Back from leave, catching up on the queue work');
    await sam.keyboard.press('t');
    await expect(maya.getByLabel('Notes on Sam Lindqvist’s turn')).toHaveValue('');
    const meetingId = /meetings\/([^/]+)\/run/.exec(maya.url())![1]!;
    await expect
      .poll(async () => (await api(maya, 'meetings.live', { meetingId })).turns.find((t) => t.name === 'Maya Okafor')?.notes)
      .toBe('Back from leave, catching up on the queue work');
    await expect(maya.getByRole('alert')).toHaveCount(0);
  });
});

test('a save of the item just left that fails is kept beside what is typed in the next item’s box, and both are saved once the server is back', async ({
  browser,
}) => {
  await withStartedMeeting(browser, async ({ maya, context }) => {
    // Maya's page alone loses the server (Sam's console still reaches it, so the meeting can move on meanwhile): her
    // event socket goes through this relay, which holds her check-in's save, then cuts her off and refuses her until
    // she is let back; her operations by fetch fail meanwhile.
    let gone = false;
    let holdNotes = false;
    const relays: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
    await maya.routeWebSocket(/\/api\/events$/, (ws) => {
      if (gone) return void ws.close();
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const sent = JSON.parse(String(message)) as { type: string; name?: string };
        if (holdNotes && sent.type === 'op' && sent.name === 'live.setNotes') return;
        server.send(message);
      });
      relays.push({ page: ws, server });
    });
    await maya.route(/\/api\/op\//, (route) => (gone ? route.abort('connectionrefused') : route.continue()));
    await maya.reload();
    const checkIn = maya.getByLabel('Notes on “Check-in round”');
    await expect(checkIn).toBeVisible();
    const { page: sam } = await coFacilitator(context, maya);
    await expect(sam.getByRole('heading', { name: 'Check-in round', level: 2 })).toBeVisible();

    holdNotes = true;
    await checkIn.fill('Energy is good');
    await checkIn.blur();
    await sam.keyboard.press('n');
    const readOut = maya.getByLabel('Notes on “Pricing page experiment: read-out”');
    await expect(readOut).toHaveValue('');
    // Now the server is gone for her: the check-in's save fails, its text kept to send again.
    gone = true;
    for (const relay of relays.splice(0)) {
      await relay.page.close();
      await relay.server.close();
    }
    await expect(maya.getByRole('status').filter({ hasText: 'Lost the connection to Cadence' })).toBeVisible();
    // She types in the read-out's box before the server is back: that save fails too.
    await readOut.fill('Conversion up 4%');
    await readOut.blur();
    await expect(maya.locator('.notes-editor').getByRole('status')).toHaveText('Not saved');

    holdNotes = false;
    gone = false;
    await expect(maya.locator('.notes-editor').getByRole('status')).toHaveText('Saved');
    const meetingId = /meetings\/([^/]+)\/run/.exec(maya.url())![1]!;
    const notesOf = async (title: string) => (await api(sam, 'meetings.live', { meetingId })).items.find((i) => i.title === title)?.notes;
    await expect.poll(() => notesOf('Pricing page experiment: read-out')).toBe('Conversion up 4%');
    // The check-in's text, typed before the meeting moved on, was not lost to the read-out's.
    await expect.poll(() => notesOf('Check-in round')).toBe('Energy is good');
  });
});

test('walk22: a line typed on a turn is finished with Enter or Escape, an item’s notes with Escape, and the console’s keys move on again', async ({
  browser,
}) => {
  await withStartedMeeting(browser, async ({ maya }) => {
    // Enter and Escape did nothing in the box: the T pressed next to move on went into the notes ("…queue workt").
    const mayas = maya.getByLabel('Notes on Maya Okafor’s turn');
    await mayas.click();
    await maya.keyboard.type('Back from leave, catching up on the queue work');
    await maya.keyboard.press('Enter');
    await expect(mayas).not.toBeFocused();
    await maya.keyboard.press('t');
    const sams = maya.getByLabel('Notes on Sam Lindqvist’s turn');
    await expect(sams).toHaveValue('');
    await sams.click();
    await maya.keyboard.type('Pricing numbers are in');
    await maya.keyboard.press('Escape');
    await expect(sams).not.toBeFocused();
    await maya.keyboard.press('t');
    await expect(maya.getByLabel('Notes on Priya Raman’s turn')).toHaveValue('');
    const meetingId = /meetings\/([^/]+)\/run/.exec(maya.url())![1]!;
    const notes = async () => (await api(maya, 'meetings.live', { meetingId })).turns.map((t) => [t.name, t.notes]).slice(0, 2);
    await expect.poll(notes).toEqual([
      ['Maya Okafor', 'Back from leave, catching up on the queue work'],
      ['Sam Lindqvist', 'Pricing numbers are in'],
    ]);

    // The item's own notes (Enter makes a new line there): Escape leaves the box, and N moves on.
    const itemNotes = maya.getByLabel('Notes on “Check-in round”');
    await itemNotes.click();
    await maya.keyboard.type('Energy is good');
    await maya.keyboard.press('Escape');
    await expect(itemNotes).not.toBeFocused();
    await maya.keyboard.press('n');
    await expect(maya.getByRole('heading', { name: 'Pricing page experiment: read-out', level: 2 })).toBeVisible();
    const checkIn = async () => (await api(maya, 'meetings.get', { meetingId })).items[0]!.notes;
    await expect.poll(checkIn).toBe('Energy is good');
  });
});
