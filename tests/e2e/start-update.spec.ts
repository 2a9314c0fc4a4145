import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test } from '../support/test';
import { bearer, rawRequest, signIn } from '../support/http';
import { rollBackToSchema24 } from '../support/older-schema';
import { startServer } from '../support/server';

const UPDATING = 'Updating your data for this version of Cadence: a backup first, then the update.';

test('the first start after an update says what it is doing on the page and in the terminal, then shows the app', async ({ page }) => {
  const first = await startServer();
  const token = await signIn(first.url);
  const made = await rawRequest({
    port: first.port,
    method: 'POST',
    path: '/api/op/teams.create',
    headers: { 'Content-Type': 'application/json', Origin: first.origin, ...bearer(token) },
    body: JSON.stringify({ name: 'Harbor', timeZone: 'UTC', members: ['Ana'] }),
  });
  expect(made.status).toBe(200);
  await first.stop();
  const file = path.join(first.dataDir, 'cadence.sqlite');
  // Schema 24 with a decision log large enough that migration 025 (it rebuilds the search index) takes seconds.
  rollBackToSchema24(file, 15_000);

  const again = await startServer({ dataDir: first.dataDir });
  try {
    // The address is printed before the update runs, with the words above it.
    const lines = again.output().split('\n');
    expect(lines.findIndex((line) => line.startsWith(UPDATING))).toBeLessThan(lines.findIndex((line) => line.includes('is ready at')));
    await page.goto(again.url, { waitUntil: 'commit' });
    const status = page.getByRole('status').filter({ hasText: UPDATING });
    await expect(status).toContainText('nothing is lost if it is interrupted');
    // In sight, not below the app's empty root, which the page's stylesheet makes a whole window tall.
    await expect(status).toBeInViewport();
    // Seen while the update still ran: the server had not yet said it was done.
    expect(again.output()).not.toContain('Your data is up to date');
    // Then the app, with the team's card, and the words gone.
    await expect(page.getByRole('list', { name: 'Teams' }).getByText('Harbor', { exact: true })).toBeVisible();
    await expect(status).toHaveCount(0);
    expect(again.output()).toContain('The backup is made and checked; updating the data now.');
    expect(again.output()).toContain('Your data is up to date.');
  } finally {
    await again.stop();
  }
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(25);
  } finally {
    db.close();
  }
});
