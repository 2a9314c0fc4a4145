import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { bearer, rawRequest } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { openDemoTeam } from '../support/demo-team';

let server: TestServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});

const tokenOf = (page: Page) => page.evaluate(() => localStorage.getItem('cadence.session'));

const listTeams = (token: string) =>
  rawRequest({
    port: server.port,
    method: 'POST',
    path: '/api/op/teams.list',
    headers: { 'Content-Type': 'application/json', Origin: server.origin, ...bearer(token) },
    body: '{}',
  });

/**
 * Another web app on this computer, on another port: it records every request the browser sends
 * it, shadows Cadence's old cookie name at Path=/api, floods 127.0.0.1 with large cookies, and
 * tries Cadence's API from its page.
 */
async function startHostileServer(cadencePort: number) {
  const heard: http.IncomingHttpHeaders[] = [];
  const bomb = Array.from({ length: 40 }, (_, i) => `bomb${i}=${'x'.repeat(3500)}; Path=/`);
  const page = `<!doctype html><title>Other app</title><p id="result">working</p><script>
    const cadence = 'http://127.0.0.1:${cadencePort}';
    const attempts = [
      fetch(cadence + '/api/op/teams.create', { method: 'POST', credentials: 'include', mode: 'no-cors',
        headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ name: 'Planted by another app', timeZone: 'UTC' }) }),
      fetch(cadence + '/api/op/teams.list', { method: 'POST', credentials: 'include',
        headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.text()),
      new Promise((resolve) => { const ws = new WebSocket('ws://127.0.0.1:${cadencePort}/api/events');
        ws.onmessage = (m) => resolve('heard ' + m.data); ws.onerror = () => resolve('refused'); ws.onclose = () => resolve('closed'); }),
    ];
    Promise.allSettled(attempts).then((r) => { document.getElementById('result').textContent = JSON.stringify(r.map((x) => x.status + ':' + String(x.value ?? x.reason))) + ' storage:' + localStorage.length; });
  </script>`;
  const hostile = http.createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    heard.push(req.headers);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Set-Cookie': ['cadence_session=junk; Path=/api', 'cadence_session=junk2; Path=/', ...bomb],
    });
    res.end(page);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  const port = (hostile.address() as AddressInfo).port;
  return { origin: `http://127.0.0.1:${port}`, heard, close: () => new Promise<void>((resolve) => hostile.close(() => resolve())) };
}

test('another web app on another port receives nothing it can use and cannot lock the person out', async ({ page, context }) => {
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();
  expect(page.url()).not.toContain('code=');
  const token = (await tokenOf(page))!;
  expect(token).toBeTruthy();
  expect(await context.cookies()).toEqual([]);

  const hostile = await startHostileServer(server.port);
  try {
    const other = await context.newPage();
    await other.goto(hostile.origin + '/');
    await expect(other.locator('#result')).not.toHaveText('working');
    const result = await other.locator('#result').textContent();
    // Its own storage holds nothing of Cadence's; its calls to Cadence got nothing back.
    expect(result).toContain('storage:0');
    expect(result).not.toContain('"ok":true');
    expect(result).not.toContain('heard');
    // Nothing the browser sent it carries the session.
    expect(hostile.heard.length).toBeGreaterThan(0);
    for (const headers of hostile.heard) expect(JSON.stringify(headers)).not.toContain(token);
    expect((await context.cookies()).length).toBeGreaterThan(30); // the junk and the flood are in place

    // Cadence still works in the same browser, after a reload, with every one of those cookies sent to it.
    await page.reload();
    await openDemoTeam(page);
    const teams = JSON.parse((await listTeams((await tokenOf(page))!)).body) as { value: { name: string }[] };
    expect(teams.value.map((t) => t.name)).toEqual(['Harbor Product Team']);
    await page.screenshot({ path: 'test-results/screens/session-after-hostile-app.png' });
  } finally {
    await hostile.close();
  }
});

test('a used address explains the way back in, and Enter in the terminal really prints a fresh one', async ({ browser }) => {
  const first = await browser.newContext();
  const firstPage = await first.newPage();
  await firstPage.goto(server.url);
  await expect(firstPage.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();

  // The same address in another browser: used.
  const second = await browser.newContext();
  const page = await second.newPage();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'This sign-in address has been used or has expired' })).toBeVisible();
  const words = await page.getByRole('main').textContent();
  expect(words).toContain('Go to the terminal where npm start runs and press Enter. Cadence prints a fresh sign-in address.');
  expect(server.output()).toContain('Press Enter here for a fresh sign-in address');
  await page.screenshot({ path: 'test-results/screens/session-address-used.png' });

  // Do what the page says.
  const fresh = await server.pressEnter();
  await page.goto(fresh);
  await expect(page.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();
  expect(page.url()).toBe(server.origin + '/');
  await first.close();
  await second.close();
});

test('signing out ends the session in every tab; a fresh address signs back in', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();
  const tab = await context.newPage();
  await tab.goto(server.origin + '/#/settings');
  await expect(tab.getByRole('heading', { name: 'About Cadence' })).toBeVisible();
  const token = (await tokenOf(page))!;

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'You are signed out.' })).toBeVisible();
  await expect(tab.getByRole('heading', { name: /signed out|session has ended/ })).toBeVisible();
  expect(await tokenOf(page)).toBeNull();
  expect((await listTeams(token)).status).toBe(401); // the old token is dead on the server too
  await page.screenshot({ path: 'test-results/screens/session-signed-out.png' });

  await page.goto(await server.pressEnter());
  await expect(page.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();
  // The other tab hears of the new session and comes back by itself.
  await expect(tab.getByRole('heading', { name: 'About Cadence' })).toBeVisible();
});
