import { expect, test } from '../support/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer, tempDataDir } from '../support/server';
import { openDemoTeam } from '../support/demo-team';
import { api } from '../support/page-api';

test('the team page links a repository (a bare one on this disk), syncs it, and shows the last sync', async ({ page }) => {
  const remote = path.join(tempDataDir('sync-remote'), 'team.git');
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
  // The start-up sync (10 s in) would send the member added below out before the test looks for it waiting.
  const server = await startServer({ noSyncAtStart: true });
  try {
    await page.goto(server.url);
    await openDemoTeam(page);
    const panel = page.getByRole('region', { name: 'Sync' });
    await expect(panel.getByTestId('sync-last')).toHaveCount(0);
    // A password in the address is refused in words, and nothing is linked.
    await panel.getByLabel('Repository address or folder').fill('https://sam:hunter2@example.com/team.git');
    await panel.getByRole('button', { name: 'Link a repository' }).click();
    await expect(panel).toContainText('Cadence stores no credential');

    await panel.getByLabel('Repository address or folder').fill(remote);
    await panel.getByRole('button', { name: 'Link a repository' }).click();
    await expect(panel.getByText(`Linked to ${remote}`)).toBeVisible();
    await expect(panel.getByTestId('sync-last')).not.toHaveText('Not synced yet');
    await expect(panel.getByRole('alert')).toHaveCount(0);
    const pushed = execFileSync('git', ['--git-dir', remote, 'ls-tree', '-r', '--name-only', 'main'], { encoding: 'utf8' });
    expect(pushed).toContain('README.md');
    expect(pushed).toMatch(/^decisions\//m);

    // A change made here waits to go out until the next sync.
    await page.getByRole('form', { name: 'Add a member' }).getByLabel('New member').fill('Noor Haddad');
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(panel).toContainText('1 change made here since the last sync');
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await expect(panel).toContainText(/Waiting to go out\s*Nothing/);
    expect(execFileSync('git', ['--git-dir', remote, 'rev-list', '--count', 'main'], { encoding: 'utf8' }).trim()).toBe('2');
  } finally {
    await server.stop();
  }
});

test('the team page lists a conflict in words: what it is about and what happened, not a table and a column', async ({ browser }) => {
  const remote = path.join(tempDataDir('sync-remote'), 'team.git');
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
  // Under load the steps below can outlast the sync each server runs 10 s after start-up, which would
  // send this laptop's rename out before the other laptop's and so make it the earlier one.
  const quiet = { noSyncAtStart: true };
  const here = await startServer(quiet);
  const there = await startServer(quiet);
  const context = await browser.newContext();
  try {
    // This laptop has the demo team and links it; another laptop takes the team from the repository.
    const page = await context.newPage();
    await page.goto(here.url);
    await openDemoTeam(page);
    const teamId = (await api(page, 'teams.list', {})).find((t) => t.name === 'Harbor Product Team')!.id;
    const item = await api(page, 'parkingLot.add', { teamId, title: 'Office move' });
    expect((await api(page, 'sync.link', { teamId, url: remote })).problem).toBeNull();
    const other = await context.newPage();
    await other.goto(there.url);
    expect((await api(other, 'sync.link', { url: remote })).problem).toBeNull();

    // Both rename the parked item while apart; the other laptop syncs first, this one's rename is the later.
    await api(other, 'parkingLot.update', { itemId: item.id, title: 'Office move in March', notes: '' });
    await api(page, 'parkingLot.update', { itemId: item.id, title: 'Office move, postponed', notes: '' });
    expect((await api(other, 'sync.run', { teamId })).problem).toBeNull();
    const panel = page.getByRole('region', { name: 'Sync' });
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await expect(panel.getByRole('list', { name: 'Conflicts' }).getByRole('listitem')).toHaveText([
      'Parking-lot item “Office move, postponed”: title changed on two laptops — kept “Office move, postponed”, not “Office move in March”',
    ]);
    await expect(panel).not.toContainText('parking_lot_items');
  } finally {
    await context.close();
    await here.stop();
    await there.stop();
  }
});
