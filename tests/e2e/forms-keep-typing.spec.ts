import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock, type TestServer } from '../support/server';

/**
 * A person who types the next entry while the last one saves loses nothing. Each save is held in flight (its message
 * on the page's event socket, where the page sends its operations) until the typing is done, so the order (submit,
 * type, reply) is certain rather than a race.
 */
const holds = new Map<string, { held: () => void; released: Promise<void> }>();

function holdNext(operation: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const inFlight = new Promise<void>((resolve) => (held = resolve));
  holds.set(operation, { held, released });
  return { inFlight, release };
}

/** The page's event socket, through a router that passes every message on but the next one of a held operation. */
async function routeSocket(page: Page) {
  await page.routeWebSocket(/\/api\/events$/, (ws) => {
    const main = ws.connectToServer();
    ws.onMessage(async (message) => {
      const name = /^\{"type":"op","id":\d+,"name":"([\w.]+)"/.exec(String(message))?.[1];
      const hold = name === undefined ? undefined : holds.get(name);
      if (hold) {
        holds.delete(name!);
        hold.held();
        await hold.released;
      }
      main.send(message);
    });
  });
}

let server: TestServer;
let teamId: string;

test.beforeEach(async ({ page }) => {
  const dir = tempDataDir('forms');
  const clock = new TestClock(dir, Date.parse('2026-11-16T09:00:00Z'));
  server = await startServer({ dataDir: dir, clockFile: clock.file });
  await routeSocket(page);
  await page.goto(server.url);
  teamId = (await api(page, 'teams.create', { name: 'Platform', timeZone: 'UTC', members: ['Ana Ruiz', 'Ben Osei'] })).id;
});

test.afterEach(async () => {
  await server.stop();
});

test('the commitment form keeps the next outcome typed while the last one saves', async ({ page }) => {
  const { meetingId } = await api(page, 'meetings.create', { teamId, title: 'Week 47', date: '2026-11-16', time: '10:00', lengthMin: 30 });
  const expectedRevision = (await api(page, 'meetings.get', { meetingId })).meeting.agendaRevision;
  await api(page, 'agenda.addItem', { meetingId, expectedRevision, kind: 'discussion', title: 'Plans', plannedMin: 10 });
  await api(page, 'meetings.start', { meetingId });
  await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
  const form = page.getByRole('form', { name: 'Record a commitment' });
  const outcome = form.getByLabel('What done looks like');
  const made = page.getByRole('list', { name: 'Commitments made in this item' }).getByRole('listitem');

  await form.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Ana Ruiz' });
  await form.getByLabel('Due').fill('2026-11-23');
  await outcome.fill('Runbook has the hotfix lane');
  const save = await holdNext('commitments.create');
  await outcome.press('Enter');
  await save.inFlight;
  await outcome.fill('');
  await outcome.pressSequentially('Pricing read-out');
  save.release();
  await expect(made).toHaveCount(1);
  await expect(made.first()).toContainText('Runbook has the hotfix lane');
  await expect(outcome).toHaveValue('Pricing read-out');
  // The owner and date stay for the next commitment; what was typed is saved next, and the field clears.
  await outcome.press('Enter');
  await expect(made).toHaveCount(2);
  await expect(outcome).toHaveValue('');
});

test('adding a member keeps the next name typed while the last one saves', async ({ page }) => {
  await page.goto(`${server.origin}/#/teams/${teamId}`);
  const form = page.getByRole('form', { name: 'Add a member' });
  const name = form.getByLabel('New member');
  await name.fill('Cleo Park');
  const save = await holdNext('members.add');
  await name.press('Enter');
  await save.inFlight;
  await name.fill('Dara Okoye');
  save.release();
  await expect(page.getByText('Saved: Cleo Park added')).toBeVisible();
  await expect(name).toHaveValue('Dara Okoye');
  await expect(page.getByRole('list', { name: 'Active members' }).getByRole('listitem')).toHaveCount(3);
});

test('the parking lot keeps the next issue typed while the last one saves', async ({ page }) => {
  await page.goto(`${server.origin}/#/teams/${teamId}/parking`);
  const form = page.getByRole('form', { name: 'Add to the parking lot' });
  const issue = form.getByLabel('Issue');
  const notes = form.getByLabel('Notes');
  await issue.fill('Design review before each release?');
  await notes.fill('Raised by Ana');
  const save = await holdNext('parkingLot.add');
  await issue.press('Enter');
  await save.inFlight;
  await issue.fill('On-call hand-over notes');
  save.release();
  const open = page.getByRole('list', { name: 'Open parking-lot items' }).getByRole('listitem');
  await expect(open).toHaveCount(1);
  await expect(issue).toHaveValue('On-call hand-over notes');
  // The notes were not touched while the save was in flight: they were submitted, so they clear.
  await expect(notes).toHaveValue('');
});

test('the proposal form keeps the next proposal typed while the last one saves', async ({ page }) => {
  const { meetingId } = await api(page, 'meetings.create', { teamId, title: 'Week 47', date: '2026-11-16', time: '10:00', lengthMin: 30 });
  const expectedRevision = (await api(page, 'meetings.get', { meetingId })).meeting.agendaRevision;
  await api(page, 'agenda.addItem', { meetingId, expectedRevision, kind: 'proposal', title: 'Release cadence', plannedMin: 10 });
  await api(page, 'meetings.start', { meetingId });
  await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
  const form = page.getByRole('form', { name: 'Put a proposal' });
  const title = form.getByLabel('Title');
  const proposal = form.getByLabel('The proposal');

  await title.fill('Release every two weeks');
  await proposal.fill('Release every second Thursday.');
  const save = await holdNext('decisions.propose');
  await form.getByRole('button', { name: 'Put the proposal' }).click();
  await save.inFlight;
  await title.fill('On-call rotation');
  save.release();
  await expect(page.getByRole('article', { name: 'Proposal: Release every two weeks' })).toBeVisible();
  // The next title typed meanwhile keeps the form open; the proposal text, untouched since it was sent, clears.
  await expect(title).toHaveValue('On-call rotation');
  await expect(proposal).toHaveValue('');
  await proposal.fill('Rotate weekly, hand over on Mondays.');
  await form.getByRole('button', { name: 'Put the proposal' }).click();
  await expect(page.getByRole('article', { name: 'Proposal: On-call rotation' })).toBeVisible();
  // Nothing typed during that save: the form is done.
  await expect(form).toBeHidden();
});

test('the guest form keeps the next name typed while the last one saves', async ({ page }) => {
  const { meetingId } = await api(page, 'meetings.create', { teamId, title: 'Week 47', date: '2026-11-16', time: '10:00', lengthMin: 30 });
  await page.goto(`${server.origin}/#/meetings/${meetingId}`);
  const form = page.getByRole('form', { name: 'Add a guest' });
  const name = form.getByLabel('Guest name');
  const attendees = page.getByRole('list', { name: 'Attendees' }).getByRole('listitem');
  await expect(attendees).toHaveCount(2);
  await name.fill('Priya Nair');
  const save = await holdNext('attendance.addGuest');
  await name.press('Enter');
  await save.inFlight;
  await name.fill('Tom Berg');
  save.release();
  await expect(attendees.filter({ hasText: 'Priya Nair' })).toHaveCount(1);
  await expect(name).toHaveValue('Tom Berg');
  await name.press('Enter');
  await expect(attendees.filter({ hasText: 'Tom Berg' })).toHaveCount(1);
  await expect(name).toHaveValue('');
});

test('the go-round keeps the next reason typed while the last one saves', async ({ page }) => {
  const { meetingId } = await api(page, 'meetings.create', { teamId, title: 'Week 47', date: '2026-11-16', time: '10:00', lengthMin: 30 });
  const planned = await api(page, 'meetings.get', { meetingId });
  await api(page, 'agenda.addItem', {
    meetingId,
    expectedRevision: planned.meeting.agendaRevision,
    kind: 'proposal',
    title: 'Release cadence',
    plannedMin: 10,
  });
  for (const a of planned.attendees) await api(page, 'attendance.set', { attendeeId: a.id, status: 'present' });
  await api(page, 'meetings.start', { meetingId });
  await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
  const form = page.getByRole('form', { name: 'Put a proposal' });
  await form.getByLabel('Title').fill('Release every two weeks');
  await form.getByRole('button', { name: 'Put the proposal' }).click();
  const card = page.getByRole('article', { name: 'Proposal: Release every two weeks' });
  const round = card.getByRole('group', { name: 'Go-round of positions' });
  const row = (name: string) => round.getByRole('listitem').filter({ hasText: name });
  await expect(page.getByRole('navigation', { name: 'Keys' })).toContainText('block');
  await page.keyboard.press('b');
  await card.getByLabel('Why does Ana Ruiz block? (required)').fill('Security fixes cannot wait');
  const save = await holdNext('decisions.position');
  await page.keyboard.press('Enter');
  await save.inFlight;
  await expect(card.locator('.reason-form')).toHaveCount(0);
  await page.keyboard.press('d');
  const next = card.getByLabel('Why does Ben Osei disagree? (required)');
  await next.fill('Automate the regression run first');
  save.release();
  await expect(row('Ana Ruiz')).toContainText('Block');
  await expect(next).toHaveValue('Automate the regression run first');
  await next.press('Enter');
  await expect(row('Ben Osei')).toContainText('Disagree');
});
