import type { Browser } from '@playwright/test';
import { api } from './page-api';
import { startServer } from './server';

/**
 * A server of its own with the demo team loaded, read on a page at 1366x768 (a laptop's screen), and the id of the
 * demo's next meeting. `close` ends the page's context and the server: call it in a `finally`.
 */
export async function demoOnALaptop(browser: Browser) {
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const close = async () => {
    await context.close();
    await server.stop();
  };
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const team = await api(page, 'demo.load', {});
    const meetingId = (await api(page, 'meetings.list', { teamId: team.id })).upcoming[0]!.id;
    return { server, context, page, team, meetingId, close };
  } catch (e) {
    await close();
    throw e;
  }
}
