import { expect, test, type Page } from '@playwright/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock, type TestServer } from '../support/server';

/**
 * A person who types the next entry while the last one saves loses nothing. Each save is held in flight by the
 * route until the typing is done, so the order (submit, type, reply) is certain rather than a race.
 */
async function holdNext(page: Page, operation: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const inFlight = new Promise<void>((resolve) => (held = resolve));
  await page.route(
    `**/api/op/${operation}`,
    async (route) => {
      held();
      await released;
      await route.continue();
    },
    { times: 1 },
  );
  return { inFlight, release };
}

let server: TestServer;
let teamId: string;

test.beforeEach(async ({ page }) => {
  const dir = tempDataDir('forms');
  const clock = new TestClock(dir, Date.parse('2026-11-16T09:00:00Z'));
  server = await startServer({ dataDir: dir, clockFile: clock.file });
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
  const save = await holdNext(page, 'commitments.create');
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
  const save = await holdNext(page, 'members.add');
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
  const save = await holdNext(page, 'parkingLot.add');
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
