import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { startServer } from '../support/server';
import { chooseTheme, THEMES } from '../support/theme';
import { openDemoTeam } from '../support/demo-team';

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
    await page.getByRole('list', { name: 'Past meetings' }).getByRole('link').first().click();
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
