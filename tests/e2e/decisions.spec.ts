import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test } from '../support/test';
import { api, startedWithProposal } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';

const SCREENS = 'test-results/screens';
// Tuesday 24 Nov 2026, 10:00 in Berlin.
const T0 = Date.parse('2026-11-24T09:00:00Z');

test('a proposal with a block integrated and a disagreement overruled is accepted, found in the log by its rationale, and followed to its meeting', async ({
  browser,
}) => {
  const dir = tempDataDir('decisions');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const console_ = await context.newPage();
  try {
    await console_.goto(server.url);
    const team = await api(console_, 'teams.create', {
      name: 'Platform',
      timeZone: 'Europe/Berlin',
      members: ['Ana Ruiz', 'Ben Osei', 'Cleo Park', 'Dan Weiss', 'Eve Sato'],
    });
    const { meetingId } = await api(console_, 'meetings.create', {
      teamId: team.id,
      title: 'Weekly platform sync',
      date: '2026-11-24',
      time: '10:00',
      lengthMin: 30,
    });
    const planned = await api(console_, 'meetings.get', { meetingId });
    await api(console_, 'agenda.addItem', {
      meetingId,
      expectedRevision: planned.meeting.agendaRevision,
      kind: 'proposal',
      title: 'Release cadence',
      plannedMin: 20,
    });
    const ready = await api(console_, 'meetings.get', { meetingId });
    for (const a of ready.attendees) await api(console_, 'attendance.set', { attendeeId: a.id, status: 'present' });
    await api(console_, 'meetings.start', { meetingId });

    await console_.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    await expect(projector.getByRole('heading', { name: 'Release cadence' })).toBeVisible();

    // Put the proposal.
    const form = console_.getByRole('form', { name: 'Put a proposal' });
    await form.getByLabel('Title').fill('Release every two weeks');
    await form.getByLabel('The question').fill('Should we move from weekly releases to a two-week train?');
    await form.getByLabel('The proposal').fill('Release every second Thursday.');
    await form.getByRole('button', { name: 'Add an option' }).click();
    await form.getByLabel('Option 1', { exact: true }).fill('Keep weekly');
    await form.getByLabel('Option 1 cons').fill('A testing day every week');
    await form.getByRole('combobox', { name: 'Proposed by' }).selectOption({ label: 'Ben Osei' });
    await form.getByRole('combobox', { name: 'Decision owner' }).selectOption({ label: 'Ana Ruiz' });
    await form.getByLabel('Decision right').fill('Engineering lead decides, team consulted');
    await form.getByRole('button', { name: 'Put the proposal' }).click();
    const card = console_.getByRole('article', { name: 'Proposal: Release every two weeks' });
    await expect(card).toBeVisible();
    await expect(projector.getByText('Should we move from weekly releases to a two-week train?')).toBeVisible();

    // The go-round, one key each. A block without a reason is not recorded.
    const round = card.getByRole('group', { name: 'Go-round of positions' });
    // Nothing needs focus: the keys work once the console's key bar shows them.
    await expect(console_.getByRole('navigation', { name: 'Keys' })).toContainText('stand aside');
    await console_.keyboard.press('a');
    await expect(round.getByRole('listitem').filter({ hasText: 'Ana Ruiz' })).toContainText('Agree');
    await console_.keyboard.press('b');
    const reason = card.getByLabel('Why does Ben Osei block? (required)');
    await expect(reason).toBeFocused();
    await reason.fill('   ');
    await expect(card.getByRole('button', { name: 'Record block' })).toBeDisabled();
    // The contract's own message, shown before anything is sent.
    await expect(card.getByText('A block needs a reason: write a few words, not only spaces')).toBeVisible();
    await reason.fill('Security fixes cannot wait two weeks');
    await reason.press('Enter');
    await expect(round.getByRole('listitem').filter({ hasText: 'Ben Osei' })).toContainText('Block');
    await expect(card.locator('.reason-form')).toHaveCount(0);
    await console_.keyboard.press('d');
    await card.getByLabel('Why does Cleo Park disagree? (required)').fill('Automate the regression run first');
    await console_.keyboard.press('Enter');
    await expect(card.locator('.reason-form')).toHaveCount(0);
    await console_.keyboard.press('c');
    await console_.keyboard.press('s');
    await expect(round.getByRole('listitem').filter({ hasText: 'Eve Sato' })).toContainText('Stand aside');
    // The room sees where everyone stands, and both objections.
    const positions = projector.getByRole('list', { name: 'Positions' });
    await expect(positions.getByRole('listitem').filter({ hasText: 'Ben Osei' })).toContainText('Block');
    await expect(projector.getByRole('list', { name: 'Open objections' }).getByRole('listitem')).toHaveCount(2);
    await projector.screenshot({ path: `${SCREENS}/projector-positions.png` });
    await card.screenshot({ path: `${SCREENS}/console-go-round.png` });

    // Accepting now is refused, and says why.
    await card.getByRole('button', { name: 'Room confirms: accept' }).click();
    await expect(card.getByRole('alert')).toContainText('2 objections are unresolved: Ben Osei (block), Cleo Park (disagree)');

    // The block is integrated: the proposal changes, and the change is kept.
    const objections = card.getByRole('region', { name: 'Objections' });
    const ben = objections.getByRole('listitem').filter({ hasText: 'Ben Osei' });
    await ben.getByRole('button', { name: 'Resolve…' }).click();
    await ben.getByRole('button', { name: 'Integrated' }).click();
    // The proposal as it stands would integrate nothing: the disabled Save says so (walk20: it said nothing).
    await expect(ben.getByRole('button', { name: 'Save: integrated' })).toHaveAccessibleDescription(
      'Still needed: Change the proposal’s text to meet the objection.',
    );
    await ben
      .getByLabel('The proposal, changed to meet the objection')
      .fill('Release every second Thursday; security fixes ship any day through a hotfix lane.');
    await ben.getByRole('button', { name: 'Save: integrated' }).click();
    await expect(card.getByLabel('The proposal', { exact: true })).toHaveText(
      'Release every second Thursday; security fixes ship any day through a hotfix lane.',
    );
    await expect(ben.getByLabel('Proposal before')).toHaveText('Release every second Thursday.');
    // Ben's block reads as what it became, on the console and in the room: not "Block" any more.
    await expect(round.getByRole('listitem').filter({ hasText: 'Ben Osei' })).toContainText('Integrated');
    await expect(positions.getByRole('listitem').filter({ hasText: 'Ben Osei' })).toContainText('Integrated');

    // The disagreement is overruled by the owner, with a reason.
    const cleo = objections.getByRole('listitem').filter({ hasText: 'Cleo Park' });
    await cleo.getByRole('button', { name: 'Resolve…' }).click();
    await cleo.getByRole('button', { name: 'Overruled' }).click();
    await expect(cleo.getByRole('button', { name: 'Save: overruled' })).toBeDisabled();
    await expect(cleo.getByRole('button', { name: 'Save: overruled' })).toHaveAccessibleDescription(
      'Still needed: Overruling needs the owner’s reason: write a few words, not only spaces.',
    );
    await cleo
      .getByLabel('Why Ana Ruiz overrules it (required)')
      .fill('Automation is planned next quarter; the train frees the time for it');
    await cleo.getByRole('button', { name: 'Save: overruled' }).click();
    await expect(cleo).toContainText('Overruled by Ana Ruiz');
    await expect(projector.getByRole('list', { name: 'Open objections' })).toHaveCount(0);

    // The record, read back on the projector, confirmed by the room.
    const record = card.getByRole('form', { name: 'Decision record' });
    await record
      .getByLabel('Rationale: why this, and not the other options')
      .fill('Halving regression days frees a fortnightly day for test automation.');
    await record.getByLabel('Review date').fill('2026-12-08');
    await record.getByLabel('Tags (comma-separated)').fill('release, quality');
    await record.getByRole('button', { name: 'Save the record' }).click();
    await expect(record.getByRole('status')).toHaveText('Saved');
    await card.getByRole('button', { name: 'Read back on the projector' }).click();
    const readback = projector.getByRole('region', { name: 'Read-back' });
    await expect(readback).toContainText('security fixes ship any day through a hotfix lane');
    await expect(readback).toContainText('Ana Ruiz');
    // The review date in the app's one date style, not as the date field holds it.
    await expect(readback).toContainText('Tue, Dec 8, 2026');
    await projector.screenshot({ path: `${SCREENS}/projector-readback.png` });
    await card.getByRole('button', { name: 'Room confirms: accept' }).click();
    await expect(card.locator('.outcome-bar')).toContainText('Accepted');
    await expect(projector.getByRole('region', { name: 'Decided' })).toBeVisible();
    await console_.screenshot({ path: `${SCREENS}/console-proposal.png`, fullPage: true });

    // Later, in the log: two words from the rationale find it, highlighted.
    await console_.goto(`${server.origin}/#/decisions`);
    await console_.getByRole('searchbox', { name: 'Search decisions' }).fill('fortnightly automation');
    const list = console_.getByRole('list', { name: 'Decisions' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    const row = list.getByRole('listitem').first();
    await expect(row).toContainText('Release every two weeks');
    await expect(row.locator('mark')).toHaveText(['fortnightly', 'automation']);
    // Typed HTML and FTS syntax are text, never markup or an error.
    await console_.getByRole('searchbox', { name: 'Search decisions' }).fill('"fortnightly <b>automation NEAR');
    await expect(console_.getByText(/searched as plain text/)).toBeVisible();
    await console_.getByRole('searchbox', { name: 'Search decisions' }).fill('fortnightly automation');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await console_.getByText('Has dissent').click();
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await console_.screenshot({ path: `${SCREENS}/decision-log-search.png` });

    await row.getByRole('link').click();
    await expect(console_.getByRole('heading', { name: 'Release every two weeks', level: 1 })).toBeVisible();
    const table = console_.locator('.positions-table');
    await expect(table.getByRole('row').filter({ hasText: 'Ben Osei' })).toContainText('Security fixes cannot wait two weeks');
    // Each position reads as the minutes word it (record21: the page said "Disagree", the minutes "Disagree, overruled").
    await expect(table.getByRole('columnheader')).toHaveText(['Member', 'Position', 'Reason']);
    await expect(table.getByRole('row').filter({ hasText: 'Cleo Park' }).getByRole('cell').nth(1)).toHaveText('Disagree, overruled');
    await expect(table.getByRole('row').filter({ hasText: 'Ben Osei' }).getByRole('cell').nth(1)).toHaveText('Integrated (was block)');
    await expect(console_.getByRole('region', { name: 'Objections' })).toContainText('Integrated');
    await expect(console_.getByRole('region', { name: 'Objections' })).toContainText('Overruled by Ana Ruiz');
    await console_.screenshot({ path: `${SCREENS}/decision-page.png`, fullPage: true });
    await console_.getByRole('link', { name: 'Weekly platform sync' }).click();
    await expect(console_.getByRole('heading', { name: 'Weekly platform sync', level: 1 })).toBeVisible();
    await expect(console_.getByRole('region', { name: 'Decisions' })).toContainText('Release every two weeks');
    // The minutes, previewed before export: the decision with its dissent and how each objection ended.
    const minutes = console_.getByRole('region', { name: 'Minutes (draft)' });
    await minutes.getByRole('group', { name: 'Preview as' }).getByRole('button', { name: 'Markdown' }).click();
    const preview = minutes.getByLabel('Minutes preview (Markdown)');
    await expect(preview).toContainText('### Release every two weeks (accepted)');
    await expect(preview).toContainText('Objection by Cleo Park (disagree): “Automate the regression run first” → Overruled by Ana Ruiz');
    await expect(preview).toContainText('| Cleo Park | Disagree, overruled |');
    await expect(preview).toContainText('| Ben Osei | Integrated (was block) |');
    const download = console_.waitForEvent('download');
    await minutes.getByRole('group', { name: 'Export minutes' }).getByRole('button', { name: 'Markdown' }).click();
    expect((await download).suggestedFilename()).toBe('2026-11-24-weekly-platform-sync.md');
    await minutes.screenshot({ path: `${SCREENS}/minutes-preview.png` });
  } finally {
    await context.close();
    await server.stop();
  }
});

test('the log of 20,000 decisions keeps a bounded number of rows in the page as it scrolls', async ({ page }) => {
  const dir = tempDataDir('decision-log');
  const server = await startServer({ dataDir: dir });
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url);
    const team = await api(page, 'teams.create', { name: 'Archive', timeZone: 'UTC', members: ['Ana'] });
    // Years of history, written straight into the file as an earlier Cadence would have left it.
    const db = new Database(path.join(dir, 'cadence.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
       INSERT INTO decisions (id, team_id, title, question, context, options_json, decision, rationale, risks, timeline, status, tags_json, decided_at, created_at, updated_at)
       SELECT printf('01900000-0000-7000-8000-%012d', i), ?, 'Decision ' || i, '', 'Context of decision ' || i, '[]',
         'We do thing ' || i, 'Because of reason ' || (i % 50), '', '', 'accepted', '[]', ? + i * 3600000, ? + i * 3600000, ? + i * 3600000
       FROM n`,
    ).run(team.id, T0 - 20000 * 3600000, T0 - 20000 * 3600000, T0 - 20000 * 3600000);
    db.close();

    await page.goto(`${server.origin}/#/decisions`);
    await expect(page.getByText('20,000 decisions')).toBeVisible();
    const list = page.getByRole('list', { name: 'Decisions' });
    await expect(list.getByRole('listitem').first()).toContainText('Decision 20000');
    const bounded = async () => {
      const count = await list.getByRole('listitem').count();
      expect(count).toBeGreaterThan(3);
      expect(count).toBeLessThan(40);
    };
    await bounded();
    // Jump far down: the rows there are loaded and the page still holds only a window of them.
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect(list.locator('.log-title', { hasText: /^Decision 1\d{4}$/ }).first()).toBeVisible();
    await bounded();
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(list.locator('.log-title', { hasText: /^Decision 1$/ })).toBeVisible();
    await bounded();
    await page.screenshot({ path: `${SCREENS}/decision-log-20000.png` });

    await page.getByRole('searchbox', { name: 'Search decisions' }).fill('thing 12345');
    await expect(page.getByText(/^1 decision/)).toBeVisible();
    await expect(list.locator('.log-title')).toHaveText(['Decision 12345']);

    // A word in every decision: counting stops at a bound and says so; scrolling past it reads on.
    await page.getByRole('searchbox', { name: 'Search decisions' }).fill('thing');
    await expect(page.getByText(/^More than 2,000 decisions/)).toBeVisible();
    await expect(list.locator('.log-title').first()).toHaveText('Decision 20000');
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(page.getByText(/^More than 2,100 decisions/)).toBeVisible();
    await bounded();
  } finally {
    await server.stop();
  }
});

// Walked (walk19): B opened the reason box already saying "A block needs a reason: write a few words, not only spaces",
// before anyone had typed a word.
test('a block’s reason box opens without an error, and says what is missing once the reason is only spaces', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const { meetingId } = await startedWithProposal(page, {
      team: { name: 'Platform', timeZone: 'UTC', members: ['Ana Ruiz', 'Ben Osei'] },
      meeting: { title: 'Weekly', date: '2026-12-07', time: '09:00' },
      item: 'Release cadence',
    });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const form = page.getByRole('form', { name: 'Put a proposal' });
    await form.getByLabel('Title').fill('Release every two weeks');
    await form.getByRole('button', { name: 'Put the proposal' }).click();
    await expect(page.getByRole('navigation', { name: 'Keys' })).toContainText('block');
    await page.keyboard.press('b');
    const reason = page.getByLabel('Why does Ana Ruiz block? (required)');
    await expect(reason).toBeFocused();
    await expect(reason).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('A block needs a reason')).toHaveCount(0);
    await reason.fill('   ');
    await expect(page.getByText('A block needs a reason: write a few words, not only spaces')).toBeVisible();
  } finally {
    await context.close();
    await server.stop();
  }
});

test('walk22: Escape closes the form resolving an objection, and what was typed is there when it opens again', async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const { meetingId } = await startedWithProposal(page, {
      team: { name: 'Platform', timeZone: 'UTC', members: ['Ana Ruiz', 'Ben Osei'] },
      meeting: { title: 'Weekly', date: '2026-12-07', time: '09:00' },
      item: 'Release cadence',
    });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const form = page.getByRole('form', { name: 'Put a proposal' });
    await form.getByLabel('Title').fill('Release every two weeks');
    await form.getByRole('button', { name: 'Put the proposal' }).click();
    await expect(page.getByRole('navigation', { name: 'Keys' })).toContainText('block');
    await page.keyboard.press('b');
    await page.getByLabel('Why does Ana Ruiz block? (required)').fill('The hotfix path needs a plan first');
    await page.keyboard.press('Enter');
    const ana = page.getByRole('region', { name: 'Objections' }).getByRole('listitem').filter({ hasText: 'Ana Ruiz' });
    await ana.getByRole('button', { name: 'Resolve…' }).click();

    // Overruled by mistake: Escape did nothing; now it closes the form and leaves focus on the way chosen.
    await ana.getByRole('button', { name: 'Overruled' }).click();
    const why = ana.getByLabel(/overrules it \(required\)/);
    await expect(why).toBeFocused();
    await page.keyboard.type('Because');
    await page.keyboard.press('Escape');
    await expect(why).toHaveCount(0);
    await expect(ana.getByRole('button', { name: 'Overruled' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(why).toHaveValue('Because');
  } finally {
    await context.close();
    await server.stop();
  }
});
