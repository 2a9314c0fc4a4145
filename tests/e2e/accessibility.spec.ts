import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { startServer } from '../support/server';
import { chooseTheme, THEMES } from '../support/theme';
import { openDemoTeam, openLastHeldMeeting } from '../support/demo-team';
import { api } from '../support/page-api';

// An axe scan of a full page takes seconds, several times that on a busy 2-core machine; each test runs many.
test.describe.configure({ timeout: 180_000 });

async function seriousViolations(page: Page, exclude?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('welcome and team pages have no serious accessibility violations in any theme', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await expect(page.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await openDemoTeam(page);
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      expect(await seriousViolations(page), theme).toEqual([]);
    }
  } finally {
    await server.stop();
  }
});

// The planner and a past meeting, with the demo's real data (a test of their own: each scan takes seconds).
test('the planner and a past meeting have no serious accessibility violations in any theme', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await openDemoTeam(page);
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('list', { name: 'Upcoming meetings' }).getByRole('link').first().click();
    await expect(page.getByRole('list', { name: 'Agenda' })).toBeVisible();
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      expect(await seriousViolations(page), `planner ${theme}`).toEqual([]);
      await page.screenshot({ path: `test-results/screens/planner-${theme.toLowerCase()}.png` });
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
    await openLastHeldMeeting(page);
    await expect(page.getByRole('button', { name: 'Amend the record' })).toBeVisible();
    // The minutes preview is a frame in which no script may run, so axe cannot run inside it: the page is scanned
    // around it, and the exported minutes it shows are scanned as the page they are.
    expect(await seriousViolations(page, '.minutes-frame'), 'past meeting').toEqual([]);
    const minutes = await page.locator('.minutes-frame').getAttribute('srcdoc');
    expect(minutes).toContain('<h1>Minutes:');
    const exported = await page.context().newPage();
    await exported.setContent(minutes!);
    expect(await seriousViolations(exported), 'exported minutes').toEqual([]);
  } finally {
    await server.stop();
  }
});

test('the decision log and a decision page have no serious accessibility violations in any theme', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await openDemoTeam(page);
    // The decision log, searched and filtered, and one decision with its chain, in every theme.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decision log' }).click();
    await page.getByRole('searchbox', { name: 'Search decisions' }).fill('release');
    await expect(page.getByRole('list', { name: 'Decisions' }).locator('mark').first()).toBeVisible();
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      expect(await seriousViolations(page), `decision log ${theme}`).toEqual([]);
      await page.screenshot({ path: `test-results/screens/decision-log-${theme.toLowerCase()}.png` });
    }
    await page
      .getByRole('list', { name: 'Decisions' })
      .getByRole('link', { name: /Move to a two-week release train/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Supersede chain' })).toBeVisible();
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      expect(await seriousViolations(page), `decision ${theme}`).toEqual([]);
      await page.screenshot({ path: `test-results/screens/decision-demo-${theme.toLowerCase()}.png`, fullPage: true });
    }
  } finally {
    await server.stop();
  }
});

test('the team health page has no serious accessibility violations in any theme', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await openDemoTeam(page);
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Health' }).click();
    await expect(page.getByRole('region', { name: 'Check-out ratings' }).getByRole('img')).toBeVisible();
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      expect(await seriousViolations(page), `health ${theme}`).toEqual([]);
    }
  } finally {
    await server.stop();
  }
});

test('the operating agreement, its comparison and the roles have no serious accessibility violations in any theme', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await openDemoTeam(page);
    await expect(page.getByRole('region', { name: 'Roles' }).getByRole('listitem', { name: 'Role: Tech lead' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Agreement' }).click();
    await expect(page.getByRole('heading', { name: /Operating agreement · version 2/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Revisit due' })).toBeVisible();
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      expect(await seriousViolations(page), `agreement ${theme}`).toEqual([]);
      await page.screenshot({ path: `test-results/screens/agreement-demo-${theme.toLowerCase()}.png`, fullPage: true });
    }
    await page.getByRole('button', { name: 'Compare versions' }).click();
    await expect(page.getByRole('region', { name: 'Changes from version 1 to version 2' })).toBeVisible();
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      expect(await seriousViolations(page), `agreement diff ${theme}`).toEqual([]);
    }
    await page.screenshot({ path: `test-results/screens/agreement-demo-diff.png`, fullPage: true });
  } finally {
    await server.stop();
  }
});

// The console is where the facilitator reads small grey notes on tinted rows: the speaker now, the speaking chip, the
// go-round's cursor row and the proposal's text (found by a walk: muted text on them fell to 4.2:1).
test('the console in a check-in round and in a go-round has no serious accessibility violations in any theme', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    const team = await api(page, 'teams.create', { name: 'Contrast team', timeZone: 'UTC', members: ['Ada', 'Grace', 'Linus'] });
    const { meetingId } = await api(page, 'meetings.create', {
      teamId: team.id,
      title: 'Weekly',
      date: '2026-12-07',
      time: '09:00',
      lengthMin: 60,
      facilitatorId: null,
      templateId: null,
    });
    const planned = await api(page, 'meetings.get', { meetingId });
    const withCheckIn = await api(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: planned.meeting.agendaRevision,
      kind: 'check_in',
      title: 'Check-in',
      plannedMin: 10,
      ownerId: null,
    });
    const withProposal = await api(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: withCheckIn.meeting.agendaRevision,
      kind: 'proposal',
      title: 'Release train',
      plannedMin: 20,
      ownerId: null,
    });
    await api(page, 'attendance.allPresent', { meetingId });
    await api(page, 'meetings.start', { meetingId });
    await page.goto(`${server.origin}/#/meetings/${meetingId}/run`);
    await expect(page.locator('.speaker-now')).toContainText('Ada');
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      expect(await seriousViolations(page), `check-in ${theme}`).toEqual([]);
    }
    await api(page, 'decisions.propose', {
      meetingId,
      agendaItemId: withProposal.items[1]!.id,
      title: 'Move to a two-week release train',
      question: 'Should we release every two weeks?',
    });
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { name: 'Move to a two-week release train' })).toBeVisible();
    await expect(page.locator('.go-round-list li.is-cursor')).toBeVisible();
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      expect(await seriousViolations(page), `go-round ${theme}`).toEqual([]);
    }
  } finally {
    await server.stop();
  }
});
