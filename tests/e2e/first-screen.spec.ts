import type { Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { bearer, rawRequest, signIn } from '../support/http';
import { startServer } from '../support/server';
import { FIRST_READS_PATH } from '../../src/shared/first-reads';

/** The operations a page asks for while it loads, in the order it sent them; a screen's first reads as `first reads of <screen>`. */
function opsOf(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    const match = /\/api\/op\/([\w.]+)$/.exec(pathname);
    if (match) sent.push(match[1]!);
    if (pathname === FIRST_READS_PATH) sent.push(`first reads of ${(request.postDataJSON() as { screen: string }).screen}`);
  });
  return sent;
}

const FIRST_READS = ['events.since', 'settings.get', 'app.info', 'teams.list', 'meetings.nextUp', 'me.list'];

test('home sends its first reads in one request, before the app has loaded, and shows what they answer', async ({ browser }) => {
  const server = await startServer();
  try {
    const context = await browser.newContext();
    const setUp = await context.newPage();
    await setUp.goto(server.url);
    await setUp.getByRole('button', { name: 'Explore a demo team' }).click();
    await expect(setUp.getByRole('region', { name: 'Next up' })).toContainText('Monday accountability');
    await setUp.close();

    const page = await context.newPage();
    const sent = opsOf(page);
    let appRequestedAt = -1;
    page.on('request', (request) => {
      if (appRequestedAt < 0 && /\/assets\/start-app-[\w-]+\.js$/.test(request.url())) appRequestedAt = sent.length;
    });
    await page.goto(server.origin + '/#/');
    await expect(page.getByRole('list', { name: 'Teams' }).getByText('Harbor Product Team')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Next up' })).toContainText('Monday accountability');
    await expect(page.getByRole('heading', { name: 'Me' })).toBeVisible();

    expect(sent[0]).toBe('first reads of home');
    expect(sent.filter((n) => n.startsWith('first reads'))).toHaveLength(1);
    for (const name of FIRST_READS) expect(sent, `${name} not asked again`).not.toContain(name);
    // The app's code is preloaded from index.html, so it is asked for before the boot's reads leave.
    expect(appRequestedAt).toBe(0);
    expect(sent).not.toContain('meetings.list');
    // "Which member are you?" lists the members me.list answered with: no read of each team after it.
    await expect(
      page.getByRole('form', { name: 'Who you are in Harbor Product Team' }).getByRole('option', { name: 'Maya Okafor' }),
    ).toBeAttached();
    expect(sent).not.toContain('teams.get');
    await context.close();
  } finally {
    await server.stop();
  }
});

test('another screen opened first sends the reads every window makes in one request, then its own', async ({ browser }) => {
  const server = await startServer();
  try {
    const context = await browser.newContext();
    const setUp = await context.newPage();
    await setUp.goto(server.url);
    await expect(setUp.getByRole('button', { name: 'Explore a demo team' })).toBeVisible();
    await setUp.close();
    const page = await context.newPage();
    const sent = opsOf(page);
    await page.goto(`${server.origin}/#/settings`);
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    expect(sent[0]).toBe('first reads of other');
    for (const name of ['events.since', 'settings.get', 'app.info']) expect(sent, `${name} not asked again`).not.toContain(name);
    await context.close();
  } finally {
    await server.stop();
  }
});

/** The operations and sign-ins a page sends. */
function callsOf(page: Page): { ops: string[]; signIns: number } {
  const calls = { ops: opsOf(page), signIns: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/session') calls.signIns += 1;
  });
  return calls;
}

async function serverWithTeam(name: string) {
  const server = await startServer();
  const token = await signIn(server.url);
  const call = async (op: string, input: unknown) => {
    const res = await rawRequest({
      port: server.port,
      method: 'POST',
      path: `/api/op/${op}`,
      headers: { 'Content-Type': 'application/json', Origin: server.origin, ...bearer(token) },
      body: JSON.stringify(input),
    });
    return (JSON.parse(res.body) as { value: { id: string } }).value;
  };
  const team = await call('teams.create', { name, timeZone: 'UTC', members: ['Ana'] });
  return { server, call, teamId: team.id };
}

const teamNamed = (page: Page, name: string) => page.getByRole('list', { name: 'Teams' }).getByText(name, { exact: true });

test('the page a sign-in address opens shows its first screen from answers it carries: no sign-in, no first read', async ({ page }) => {
  const { server } = await serverWithTeam('Harbor');
  try {
    const calls = callsOf(page);
    await page.goto(await server.pressEnter());
    await expect(teamNamed(page, 'Harbor')).toBeVisible();
    expect(page.url()).toBe(server.origin + '/');
    expect(calls.signIns).toBe(0);
    for (const name of FIRST_READS) expect(calls.ops, `${name} not sent`).not.toContain(name);
    expect(calls.ops.filter((n) => n.startsWith('first reads'))).toEqual([]);
    // The session it carried is this browser's, as a traded one is: a reload is still signed in.
    await page.reload();
    await expect(teamNamed(page, 'Harbor')).toBeVisible();
    expect(calls.signIns).toBe(0);
  } finally {
    await server.stop();
  }
});

test('a change made after the page was sent its answers, and before it listens for changes, is shown instead of them', async ({ page }) => {
  const { server, call, teamId } = await serverWithTeam('Before');
  try {
    const address = await server.pressEnter();
    // The boot is held until the page has all its answers and the team has been renamed; the app's code until the
    // event socket has said hello, so the page hears of the rename only as the change log's later place.
    const documentDone = page.waitForEvent('requestfinished', (request) => request.resourceType() === 'document');
    let renamed: Promise<unknown> | null = null;
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await documentDone;
      renamed ??= call('teams.rename', { teamId, name: 'After' });
      await renamed;
      await route.continue();
    });
    const hello = new Promise<void>((resolve) =>
      page.on('websocket', (socket) =>
        socket.on('framereceived', (frame) => {
          if (String(frame.payload).includes('"hello"')) resolve();
        }),
      ),
    );
    await page.route(/\/assets\/start-app-[\w-]+\.js$/, async (route) => {
      await hello;
      await route.continue();
    });
    await page.goto(address);
    await expect(teamNamed(page, 'After')).toBeVisible();
    await expect(teamNamed(page, 'Before')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('the page a sign-in address opens renders its teams and its theme in its first render, with no empty page first', async ({ page }) => {
  const { server, call } = await serverWithTeam('Harbor');
  try {
    await call('settings.update', { theme: 'dark' });
    // Everything the page puts into its root, and the theme the page had each time, from before its code runs.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { seenInRoot: seen });
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof HTMLElement) {
              // An element waiting for an answer inside the one added counts as busy too.
              const busy = node.ariaBusy === 'true' || node.querySelector('[aria-busy="true"]') !== null;
              seen.push(`${node.className}${busy ? ' busy' : ''} ${document.documentElement.dataset.theme ?? 'no theme'}`);
            }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(await server.pressEnter());
    await expect(teamNamed(page, 'Harbor')).toBeVisible();
    const seen = await page.evaluate(() => (window as unknown as { seenInRoot: string[] }).seenInRoot);
    const shell = seen.find((added) => added.startsWith('shell '));
    expect(shell).toBe('shell dark');
    expect(seen.filter((added) => added.includes(' busy'))).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('a page whose first reads are answered before its code has loaded renders its teams in its first render', async ({ browser }) => {
  const { server } = await serverWithTeam('Harbor');
  try {
    const context = await browser.newContext();
    const setUp = await context.newPage();
    await setUp.goto(await server.pressEnter());
    await expect(teamNamed(setUp, 'Harbor')).toBeVisible();
    await setUp.close();
    // A page of a signed-in browser, not a sign-in address: it asks for its first reads, and its code is held until
    // they have been answered.
    const page = await context.newPage();
    const answered = page.waitForEvent('requestfinished', (request) => request.url().endsWith(FIRST_READS_PATH));
    await page.route(/\/assets\/start-app-[\w-]+\.js$/, async (route) => {
      await answered;
      await route.continue();
    });
    // Every element the page puts in place waiting for an answer (aria-busy), the ones inside an added element too.
    await page.addInitScript(() => {
      const busy: string[] = [];
      Object.assign(window, { busyInRoot: busy });
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof HTMLElement)
              for (const element of [node, ...node.querySelectorAll('[aria-busy="true"]')])
                if (element.ariaBusy === 'true') busy.push(element.className);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.origin}/#/`);
    await expect(teamNamed(page, 'Harbor')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { busyInRoot: string[] }).busyInRoot)).toEqual([]);
    await context.close();
  } finally {
    await server.stop();
  }
});

test("the locale's date data loads on a worker thread of its own, allowed by the page's policy, which then ends", async ({ page }) => {
  const { server } = await serverWithTeam('Harbor');
  try {
    const started: string[] = [];
    let ended = 0;
    page.on('worker', (worker) => {
      started.push(new URL(worker.url()).pathname);
      worker.on('close', () => (ended += 1));
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(await server.pressEnter());
    await expect(teamNamed(page, 'Harbor')).toBeVisible();
    await expect.poll(() => ended).toBe(1);
    expect(started).toEqual([expect.stringMatching(/^\/assets\/date-data-worker-[\w-]+\.js$/)]);
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
  }
});
