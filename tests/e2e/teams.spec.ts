import { expect, test } from '../support/test';
import { startServer } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

test('create a team with members, edit them, restart the server: everything is still there', async ({ page }) => {
  let server = await startServer();
  try {
    await page.goto(server.url);
    await expect(page).toHaveURL(`${server.origin}/`); // the one-time code left the address bar
    await expect(page.getByRole('heading', { name: 'Meetings that keep their promises.' })).toBeVisible();
    await page.getByRole('button', { name: 'Create your team' }).click();
    const form = page.getByRole('form', { name: 'Create a team' });
    await form.getByLabel('Team name').fill('Platform Guild');
    await form.getByLabel('Time zone').selectOption('Europe/Lisbon');
    await form.getByLabel(/Members/).fill('Ana Souza\nBen Carter\nChloé Dubois');
    await form.getByRole('button', { name: 'Create team' }).click();

    await expect(page.getByRole('heading', { name: 'Platform Guild' })).toBeVisible();
    const active = page.getByRole('list', { name: 'Active members' });
    await expect(active.getByRole('listitem')).toHaveCount(3);

    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('New member').fill('Dara Okoye');
    await add.getByLabel('Role title').fill('SRE');
    await add.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByText('Saved: Dara Okoye added')).toBeVisible();
    await expect(active.getByRole('listitem')).toHaveCount(4);

    await page.getByRole('button', { name: 'Edit Ben Carter' }).click();
    const edit = page.getByRole('form', { name: 'Edit Ben Carter' });
    await edit.getByLabel('Name').fill('Benjamin Carter');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(active.getByText('Benjamin Carter')).toBeVisible();

    await page.getByRole('button', { name: 'Mark as left: Ana Souza' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as left' }).click();
    const former = page.getByRole('list', { name: 'Former members' });
    await expect(former.getByText('Ana Souza')).toBeVisible();
    await expect(active.getByRole('listitem')).toHaveCount(3);
    await expect(page.getByRole('list', { name: 'Membership history' })).toContainText('Ben Carter is now called Benjamin Carter');
    await page.screenshot({ path: 'test-results/screens/team-before-restart.png', fullPage: true });

    const teamUrl = page.url();
    const dataDir = server.dataDir;
    await server.stop();
    server = await startServer({ dataDir });
    await page.goto(server.url);
    await page.goto(teamUrl.replace(/^http:\/\/127\.0\.0\.1:\d+/, server.origin));
    await expect(page.getByRole('heading', { name: 'Platform Guild' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Active members' }).getByRole('listitem')).toHaveCount(3);
    await expect(page.getByRole('list', { name: 'Former members' }).getByText('Ana Souza')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Active members' }).getByText('SRE · joined', { exact: false })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Active members' }).getByText('Dara Okoye', { exact: true })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/team-after-restart.png', fullPage: true });
  } finally {
    await server.stop();
  }
});

test('a first-time user loads the demo team and switches themes', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await page.screenshot({ path: 'test-results/screens/welcome.png' });
    await openDemoTeam(page);
    await expect(page.getByRole('list', { name: 'Active members' }).getByRole('listitem')).toHaveCount(6);
    await expect(page.getByRole('list', { name: 'Former members' }).getByText('Tom Becker')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/demo-team-light.png' });
    await page.getByRole('button', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: 'test-results/screens/demo-team-dark.png' });
    await page.getByRole('button', { name: 'Contrast' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
    await page.screenshot({ path: 'test-results/screens/demo-team-contrast.png' });
  } finally {
    await server.stop();
  }
});
