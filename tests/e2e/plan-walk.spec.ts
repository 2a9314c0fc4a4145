import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock, type TestServer } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

// Monday 30 Nov 2026, 18:00 in Berlin: the demo team met at 10:00 last Monday and has next Monday's meeting planned.
const T0 = Date.parse('2026-11-30T17:00:00Z');

let server: TestServer;
let clock: TestClock;
test.beforeEach(async ({ page }) => {
  const dir = tempDataDir('plan-walk');
  clock = new TestClock(dir, T0);
  server = await startServer({ dataDir: dir, clockFile: clock.file });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await openDemoTeam(page);
});
test.afterEach(async () => {
  await server.stop();
});

const teamSection = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name }).click();

async function boxes(a: Locator, b: Locator) {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error('not on screen');
  return [x, y] as const;
}

test('a meeting started before its planned date is listed by when it was held, and the series still meets on that date', async ({
  page,
}) => {
  const team = (await api(page, 'teams.list', {})).find((t) => t.name === 'Harbor Product Team')!;
  const planned = (await api(page, 'meetings.list', { teamId: team.id })).upcoming[0]!;
  await api(page, 'meetings.start', { meetingId: planned.id });
  clock.advance(40 * 60_000);
  await api(page, 'meetings.end', { meetingId: planned.id });

  await teamSection(page, 'Meetings');
  const past = page.getByRole('list', { name: 'Past meetings' }).getByRole('listitem');
  await expect(past.first()).toContainText('Mon, Nov 30, 2026');
  await expect(past.first()).toContainText('18:00');
  await expect(past.first()).toContainText('planned for Mon, Dec 7, 2026');
  const card = page.getByRole('article', { name: 'Series Monday accountability' });
  await expect(card).toContainText('Next: Mon, Dec 7, 2026, 10:00');
  await card.getByRole('button', { name: 'Plan next meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Monday accountability', level: 1 })).toBeVisible();
  await expect(page.getByText('Mon, Dec 7, 2026, 10:00')).toBeVisible();
});

test('the agreement revisit: "It still stands" leaves the date field and its calendar icon clear at 1366x768', async ({ page }) => {
  await teamSection(page, 'Agreement');
  const panel = page.getByRole('region', { name: 'Revisit due' });
  const [date, button] = await boxes(panel.getByLabel('Next revisit by'), panel.getByRole('button', { name: 'It still stands' }));
  expect(button.x).toBeGreaterThanOrEqual(date.x + date.width);
  await panel.screenshot({ path: 'test-results/screens/revisit-panel-1366.png' });
});

test('a decision page: the chosen option keeps its row, the "Chosen" label with its title', async ({ page }) => {
  await page.getByRole('link', { name: 'Decision log' }).click();
  await page
    .getByRole('link', { name: /Move to a two-week release train/ })
    .first()
    .click();
  const chosen = page.locator('.options-list li.option-chosen');
  await expect(chosen).toContainText('Chosen');
  const [title, cons] = await boxes(chosen.getByText('Two-week train'), chosen.getByText('− Fixes wait longer'));
  // The cons sit on the title's line, in the row's third cell: not wrapped under it as a fourth.
  expect(Math.abs(cons.y - title.y)).toBeLessThan(4);
  expect(cons.x).toBeGreaterThan(title.x + title.width);
  await page.locator('.options-list').screenshot({ path: 'test-results/screens/decision-options-1366.png' });
});

test('an accepted proposal in the console has one commitment form, its own', async ({ page }) => {
  const team = await api(page, 'teams.create', { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ana Ruiz', 'Ben Osei'] });
  const { meetingId } = await api(page, 'meetings.create', {
    teamId: team.id,
    lengthMin: 30,
    title: 'Weekly',
    date: '2026-11-30',
    time: '18:00',
  });
  const planned = await api(page, 'meetings.get', { meetingId });
  const d = await api(page, 'agenda.addItem', {
    meetingId,
    expectedRevision: planned.meeting.agendaRevision,
    kind: 'proposal',
    title: 'Release cadence',
    plannedMin: 20,
  });
  for (const a of d.attendees) await api(page, 'attendance.set', { attendeeId: a.id, status: 'present' });
  await api(page, 'meetings.start', { meetingId });
  const ana = d.members.find((m) => m.name === 'Ana Ruiz')!.id;
  await api(page, 'decisions.propose', {
    meetingId,
    agendaItemId: d.items[0]!.id,
    title: 'Release cadence',
    decision: 'Release every second Thursday.',
    ownerId: ana,
  });

  await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
  const card = page.getByRole('article', { name: 'Proposal: Release cadence' });
  await card.getByRole('button', { name: 'Read back on the projector' }).click();
  await card.getByRole('button', { name: 'Room confirms: accept' }).click();
  await expect(card.locator('.outcome-bar')).toContainText('Accepted');
  const form = page.getByRole('form', { name: 'Commit to carry out Release cadence' });
  await expect(form).toBeVisible();
  await expect(page.getByLabel('What done looks like')).toHaveCount(1);

  await form.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Ben Osei' });
  await form.getByLabel('What done looks like').fill('The release calendar shows every second Thursday');
  await form.getByRole('button', { name: 'Commit' }).click();
  await expect(card.getByRole('list', { name: 'Commitments for Release cadence' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('The release calendar shows every second Thursday')).toHaveCount(1);
  await expect(page.getByLabel('What done looks like')).toHaveCount(1);
});

test('a form says a field is required once the person typed in it, not before', async ({ page }) => {
  await teamSection(page, 'Agreement');
  // The agreement's own Edit: under load the Members tab, whose roles each have an Edit, was still shown at the click.
  await page
    .getByRole('region', { name: /^Operating agreement · version/ })
    .getByRole('button', { name: 'Edit', exact: true })
    .click();
  const editor = page.getByRole('form', { name: 'Edit the agreement' });
  await editor.getByRole('button', { name: 'Add a decision right' }).click();
  const kind = editor.getByLabel('Decision right 7: kind of decision');
  await expect(kind).toBeVisible();
  await editor.getByRole('button', { name: 'Add an escalation path' }).click();
  await expect(editor.getByLabel('Escalation 4: when')).toBeVisible();
  // Two new, empty rows: nothing is said to be required yet, though saving waits for them.
  await expect(editor.locator('.field-error')).toHaveCount(0);
  await expect(editor.getByRole('button', { name: 'Save as version 3' })).toBeDisabled();

  await kind.fill('Hiring');
  await kind.fill('');
  await expect(editor.locator('.field-error')).toHaveText(['Kind of decision is required']);
  await kind.fill('Hiring');
  await expect(editor.locator('.field-error')).toHaveCount(0);
});
