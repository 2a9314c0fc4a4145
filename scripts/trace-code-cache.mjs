// `npx node scripts/trace-code-cache.mjs` (after `electron-vite build`): whether Chromium compiles the first screen's
// scripts from V8's code cache on a returning load. A profile on disk signs in to the demo team and loads home twice
// (Chromium stores a script's code on its second run), then TRACE_LOADS more loads are traced: for each script, the
// code cache it used (`v8.compileModule`'s consumedCacheSize) or the time it was parsed and compiled on a background
// thread (`v8.parseOnBackground`). Once as Chromium comes (ARGS), once with BackgroundResourceFetch off: Chromium 156
// stores module scripts' code with that feature on but compiles them from source again (bench-first-screen.mjs).
// A tool to see what the cache does, not a bench: tracing adds its own cost.
/* global window -- these functions run in the page */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ARGS, CHROMIUM, startCadence } from './bench-browser.mjs';

const LOADS = Number(process.env.TRACE_LOADS ?? 2);
const CATEGORIES = ['v8', 'devtools.timeline', 'disabled-by-default-v8.compile'];
const WITHOUT_BACKGROUND_FETCH = ARGS.map((arg) => (arg.startsWith('--disable-features=') ? `${arg},BackgroundResourceFetch` : arg));

/** One traced load of home: per script file name, what compiling it took. */
async function tracedLoad(context, origin) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await page.goto(`${origin}/#/`);
  await page.locator('ul[aria-label="Teams"] > li').first().waitFor();
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const scripts = new Map();
  const of = (url) => {
    const name = url.replace(/.*\/assets\//, '');
    if (!scripts.has(name)) scripts.set(name, { cache: 0, parseMs: 0 });
    return scripts.get(name);
  };
  for (const event of events) {
    const url = event.args?.data?.url;
    if (!url?.includes('/assets/')) continue;
    if (event.name === 'v8.compileModule' || event.name === 'v8.compile') of(url).cache = event.args.data.consumedCacheSize ?? 0;
    if (event.name === 'v8.parseOnBackground') of(url).parseMs += (event.dur ?? 0) / 1000;
  }
  return scripts;
}

async function run(label, args, origin, storage) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-code-cache-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/#/`);
    await page.evaluate((entries) => {
      for (const [key, value] of Object.entries(entries)) window.localStorage.setItem(key, value);
    }, storage);
    for (let i = 0; i < 2; i++) {
      await page.goto('about:blank');
      await page.goto(`${origin}/#/`);
      await page.locator('ul[aria-label="Teams"] > li').first().waitFor();
    }
    await page.close();
    process.stdout.write(`\n${label}\n`);
    for (let load = 1; load <= LOADS; load++) {
      const scripts = await tracedLoad(context, origin);
      const line = [...scripts]
        .filter(([, s]) => s.cache || s.parseMs >= 1)
        .map(
          ([name, s]) =>
            `${name.replace(/-[\w-]{8}\.js$/, '')} ${s.cache ? `cache ${Math.round(s.cache / 1024)} KB` : `parsed ${s.parseMs.toFixed(0)} ms`}`,
        );
      process.stdout.write(`  load ${load}: ${line.join(', ')}\n`);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  if (!fs.existsSync('out/main/server.js')) throw new Error('Build first: npx electron-vite build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-code-cache-data-'));
  const server = await startCadence(dataDir);
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const page = await browser.newPage();
    await page.goto(server.signIn);
    await page.getByRole('button', { name: 'Explore a demo team' }).click();
    await page.getByRole('region', { name: 'Next up' }).waitFor();
    const storage = await page.evaluate(() => ({ ...window.localStorage }));
    await browser.close();
    await run('Chromium as it comes', ARGS, server.origin, storage);
    await run('BackgroundResourceFetch off', WITHOUT_BACKGROUND_FETCH, server.origin, storage);
  } finally {
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
