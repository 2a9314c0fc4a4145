import { expect, test } from '../support/test';
import { api } from '../support/page-api';
import { startServer, tempDataDir, TestClock } from '../support/server';
import { chooseTheme } from '../support/theme';
import { openDemoTeam } from '../support/demo-team';

const SCREENS = 'test-results/screens';
// Tuesday 24 Nov 2026, 10:00 in Berlin.
const T0 = Date.parse('2026-11-24T09:00:00Z');

test('a check-out round by keyboard with one anonymous rating shows on the projector, the record and the team health page', async ({
  browser,
}) => {
  const dir = tempDataDir('health');
  const clock = new TestClock(dir, T0);
  const server = await startServer({ dataDir: dir, clockFile: clock.file });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const team = await api(page, 'teams.create', {
      name: 'Platform',
      timeZone: 'Europe/Berlin',
      members: ['Ana Ruiz', 'Ben Osei', 'Cleo Park', 'Dan Weiss'],
    });
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title: 'Weekly platform sync',
      date: '2026-11-24',
      time: '10:00',
      lengthMin: 30,
    });
    let d = await api(page, 'meetings.get', { meetingId });
    d = await api(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: d.meeting.agendaRevision,
      kind: 'discussion',
      title: 'Release notes',
      plannedMin: 10,
    });
    d = await api(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: d.meeting.agendaRevision,
      kind: 'check_out',
      title: 'Check-out',
      plannedMin: 5,
    });
    for (const a of d.attendees) await api(page, 'attendance.set', { attendeeId: a.id, status: 'present' });
    await api(page, 'meetings.start', { meetingId });
    clock.advance(9 * 60_000);
    await api(page, 'live.next', { meetingId });

    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${server.origin}/#/meetings/${meetingId}/projector`);
    await expect(projector.getByText('0 of 4')).toBeVisible();

    // Person by person on the facilitator's laptop: three digits in a row rate three people (0 is 10).
    await page.setViewportSize({ width: 1366, height: 768 });
    const card = page.getByRole('region', { name: 'Check-out ratings' });
    const round = card.getByRole('group', { name: 'Check-out ratings, person by person' });
    // Nothing needs focus: the digits work once the console's key bar shows them.
    await expect(page.getByRole('navigation', { name: 'Keys' })).toContainText('rate 10');
    await page.keyboard.press('8');
    // The sentence box opens for Ana but does not take the focus, so the next digit is Ben's rating, not text.
    const sentence = card.getByLabel('What would make the next meeting better, for Ana Ruiz? (optional)');
    await expect(sentence).toBeVisible();
    await expect(sentence).not.toBeFocused();
    await page.keyboard.press('0');
    await page.keyboard.press('5');
    // Each digit rates the round's speaker and ends their turn; one typed before the round has moved on waits for the
    // next speaker (the chip, not the row: the row of the person up holds the buttons 1 to 10).
    const chip = (name: string) => round.getByRole('listitem').filter({ hasText: name }).locator('.rating-chip');
    await expect(chip('Ana Ruiz')).toHaveText('8');
    await expect(chip('Ben Osei')).toHaveText('10');
    await expect(chip('Cleo Park')).toHaveText('5');
    await expect(round.locator('li[aria-current="true"]')).toContainText('Dan Weiss');
    await expect(page.locator('.speaker-now .speaker-name')).toHaveText('Dan Weiss');
    // The box now asks for Cleo's sentence, typed only when the facilitator clicks into it.
    const cleos = card.getByLabel('What would make the next meeting better, for Cleo Park? (optional)');
    await expect(cleos).toHaveValue('');
    await cleos.click();
    await cleos.fill('Fewer status updates, more decisions');
    await cleos.press('Enter');
    await expect(round.getByRole('listitem').filter({ hasText: 'Cleo Park' })).toContainText('Fewer status updates, more decisions');
    await expect(card.locator('.reason-form')).toHaveCount(0);
    // The digits were the round's: no minutes were added to the item.
    await expect(page.locator('.current-plan')).not.toContainText('+');
    await expect(projector.getByText('3 of 4')).toBeVisible();
    await expect(projector.getByText('The average shows once everyone has rated.')).toBeVisible();

    // Dan gives his anonymously.
    await card.getByRole('button', { name: 'Add anonymous rating' }).click();
    const anonymous = card.getByRole('form', { name: 'Anonymous rating' });
    await expect(anonymous).toContainText('cannot tell who gave it or check it for duplicates');
    await anonymous.getByLabel('Rating').selectOption('7');
    await anonymous.getByLabel('What would make the next meeting better? (optional)').fill('Start on time');
    await anonymous.getByRole('button', { name: 'Add anonymously' }).click();
    await expect(card.getByText('4 of 4 rated · average 7.5')).toBeVisible();
    await expect(card.getByText('1 anonymous rating so far')).toBeVisible();
    // Three named ratings of four attendees would name Dan as the anonymous one: the console stops showing who gave what.
    await expect(card.getByText(/A rating was given anonymously, so who has rated and what each gave are no longer shown/)).toBeVisible();
    await expect(round.locator('.rating-chip')).toHaveCount(0);
    await expect(round).not.toContainText('not rated yet');
    await expect(projector.getByText('4 of 4')).toBeVisible();
    await expect(projector.locator('.projector-checkout-average')).toContainText('7.5');
    await expect(projector.getByRole('list', { name: 'What would make the next meeting better' })).toContainText('Start on time');
    await expect(projector.locator('.projector-checkout')).not.toContainText('Dan Weiss');
    await card.screenshot({ path: `${SCREENS}/console-checkout.png` });
    await projector.screenshot({ path: `${SCREENS}/projector-checkout.png` });

    // A fifth rating would count someone twice. While the round runs, ↑/↓ are not on the key bar: the speaker is rated.
    await expect(page.getByRole('navigation', { name: 'Keys' })).not.toContainText('↓');
    await page.keyboard.press('9');
    await expect(card.getByRole('alert')).toContainText('Another rating would count someone twice');

    clock.advance(5 * 60_000);
    await page.getByRole('button', { name: 'End meeting' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End meeting' }).click();
    await expect(page.getByRole('heading', { name: 'The meeting has ended' })).toBeVisible();

    // The record: with one rating anonymous, none is listed with a name.
    await page.goto(`${server.origin}/#/meetings/${meetingId}`);
    const record = page.getByRole('region', { name: 'Check-out ratings' });
    const given = record.getByRole('list', { name: 'Ratings given' });
    await expect(given.getByRole('listitem')).toHaveCount(4);
    await expect(given).toContainText('Start on time');
    await expect(record.getByText(/Some ratings were given anonymously, so none is shown with a name/)).toBeVisible();
    for (const name of ['Ana Ruiz', 'Ben Osei', 'Cleo Park', 'Dan Weiss']) await expect(record).not.toContainText(name);
    // Everyone has rated, so there is nothing left to rate late.
    await expect(record.getByText(/Rate now, for anyone who missed the round/)).toHaveCount(0);
    await record.screenshot({ path: `${SCREENS}/meeting-feedback.png` });

    // The team's health page: the rating trend includes this meeting.
    await page.goto(`${server.origin}/#/teams/${team.id}/health`);
    const trend = page.getByRole('region', { name: 'Check-out ratings' });
    await expect(trend.getByRole('img')).toHaveAccessibleName(/Average check-out rating per meeting.*7\.5 on (24 Nov|Nov 24)/);
    await expect(trend).toContainText('7.5 average of 4 ratings');
    await expect(page.getByRole('region', { name: 'Speaking-time balance' })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/team-health-new-team.png`, fullPage: true });
  } finally {
    await context.close();
    await server.stop();
  }
});

test('the demo team’s health page shows its trend at once, in light and dark, and starts a retrospective from the figures', async ({
  page,
}) => {
  const server = await startServer();
  try {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(server.url);
    await openDemoTeam(page);
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Health' }).click();
    const trend = page.getByRole('region', { name: 'Check-out ratings' });
    await expect(trend.getByRole('img')).toHaveAccessibleName(/Monday accountability: 7\.2 on .*, 6\.2 on /);
    await expect(page.getByRole('region', { name: 'Time kept' }).getByRole('img')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Decisions with dissent' })).toContainText('had objections');
    await chooseTheme(page, 'Light');
    await page.screenshot({ path: `${SCREENS}/team-health.png`, fullPage: true });
    await chooseTheme(page, 'Dark');
    await page.screenshot({ path: `${SCREENS}/team-health-dark.png`, fullPage: true });
    await chooseTheme(page, 'Contrast');
    await page.screenshot({ path: `${SCREENS}/team-health-contrast.png`, fullPage: true });
    await chooseTheme(page, 'Light');

    await page.getByRole('button', { name: 'Start a retrospective from these figures' }).click();
    await expect(page.getByRole('heading', { name: 'Retrospective' })).toBeVisible();
    await expect(page.getByText(/Ratings averaged 6\.7/).first()).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/retrospective-from-figures.png`, fullPage: true });
  } finally {
    await server.stop();
  }
});
