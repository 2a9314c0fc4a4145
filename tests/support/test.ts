import { test as base } from '@playwright/test';
import { serversOfThisTest } from './server';

export { expect } from '@playwright/test';

/**
 * Playwright's `test`, with what a failure leaves to read where only the run's output is kept (a fresh clone's CI
 * keeps no trace or screenshot): the page's own words and console, and the last output of each server the test
 * started. A flake seen once in CI is then a cause to read, not a guess.
 */
export const test = base.extend<{ serverOutput: void }>({
  page: async ({ page }, use, testInfo) => {
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`.slice(0, 500)));
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`.slice(0, 500)));
    await use(page);
    if (testInfo.status === testInfo.expectedStatus) return;
    const shown = await page
      .locator('body')
      .innerText({ timeout: 2000 })
      .catch((e: unknown) => `(the page could not be read: ${String(e)})`);
    process.stderr.write(
      `\n[failed: ${testInfo.title}] the page at ${page.url()} showed:\n${shown.slice(0, 3000)}\n` +
        `[its console, last 40 lines]\n${consoleLines.slice(-40).join('\n')}\n`,
    );
  },
  // Every test, with or without a page: the servers it started say what they printed.
  serverOutput: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern; it needs none.
    async ({}, use, testInfo) => {
      const servers = serversOfThisTest();
      servers.length = 0;
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      for (const s of servers)
        process.stderr.write(`\n[failed: ${testInfo.title}] server of ${s.dataDir} printed:\n${s.output().slice(-4000)}\n`);
    },
    { auto: true },
  ],
});
