import { expect, test } from '../support/test';
import { startServer } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

test('an open page says the server is gone, then reconnects when it is back on the same port', async ({ page }) => {
  let server = await startServer();
  try {
    await page.goto(server.url);
    await openDemoTeam(page);

    const { dataDir, port } = server;
    await server.stop();
    await expect(page.getByRole('status')).toContainText('Lost the connection to Cadence');
    await page.screenshot({ path: 'test-results/screens/reconnecting.png' });

    server = await startServer({ dataDir, port });
    await expect(page.getByRole('status')).toHaveCount(0, { timeout: 20_000 });
    // Still signed in (the session key lives in the data folder) and writes work again.
    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('New member').fill('Noor Haddad');
    await add.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByText('Saved: Noor Haddad added')).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('two windows stay in step: a change in one appears in the other', async ({ browser }) => {
  const server = await startServer();
  try {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(server.url);
    const second = await context.newPage();
    await second.goto(server.origin + '/');
    await expect(second.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();
    await first.getByRole('button', { name: 'Explore a demo team' }).click();
    await expect(second.getByRole('list', { name: 'Teams' }).getByText('Harbor Product Team')).toBeVisible();
    await context.close();
  } finally {
    await server.stop();
  }
});

test('a view whose code cannot be fetched while the server is down says so, and Reload brings it back', async ({ page }) => {
  let server = await startServer();
  try {
    await page.goto(server.url);
    await expect(page.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();
    const { dataDir, port } = server;
    await server.stop();
    // The decision log is loaded on first use: with the server gone its chunk cannot be fetched.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decision log' }).click();
    // In plain words, known by the failure's kind: not the browser's own "Failed to fetch dynamically imported module".
    await expect(page.getByRole('alert')).toContainText('This view could not be loaded: Cadence was stopped or updated');
    await expect(page.getByRole('alert')).not.toContainText(/fetch|module|import/i);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    server = await startServer({ dataDir, port });
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { name: 'Decisions', level: 1 })).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('while its event socket hears nothing, the page that writes still shows what it wrote', async ({ page }) => {
  const server = await startServer();
  try {
    // The socket opens but never hears the server's hello or a change: as when it is down or still reconnecting.
    await page.routeWebSocket(/\/api\/events$/, () => undefined);
    await page.goto(server.url);
    await openDemoTeam(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(1);
  } finally {
    await server.stop();
  }
});
