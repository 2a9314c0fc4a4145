// `npm run bench:first-screen`: how soon the first screen (home: "Next up", my commitments, the teams) paints and
// answers a click, in Debian's Chromium against the browser-mode server, on the demo team and on a ten-year
// database (BENCH_DIR=<folder seeded by `BENCH_KEEP=1 BENCH_SEED_ONLY=1 npm run bench`); printed beside the floor:
// the same browser loading a page with one button from a local HTTP server that does nothing else.
//
// Interactive means: the teams list is rendered, no read of the first screen is still in flight, and then a click
// on "New team" has opened its form. Measured inside the page from navigation start (performance.now()), with the
// HTTP cache off, so every load fetches the bundle as a first visit would. Each sample is a new page.
//
// "Returning" is the load a person has every day: a browser that has opened Cadence before, HTTP cache on (the
// server sends the hashed assets as immutable, the page itself no-store). Its profile is kept on disk: Chromium keeps
// V8's compiled code only there ("For Incognito mode ... we do not create a code cache", StoragePartitionImpl; a
// Playwright `browser.newContext()` is such a profile, so the cold rows never have one), and only for a script run
// twice in 72 hours (the first run marks it, the second stores its code, the third loads it; module scripts too,
// ModuleRecord::Compile). Hence two untimed loads, then each sample a new page of that browser (BENCH_RELAUNCH=1: the
// browser launched again on the profile for each sample). The row says how many scripts the profile's code cache
// holds (stored is not used: see ARGS_CODE_CACHE).
/* global window, document, performance -- the probe runs in the page */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ARGS, CHROMIUM, percentile, startCadence } from './bench-browser.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const TARGET_MS = 300;
/** BENCH_RETURNING=0 leaves the returning rows out (the cold rows are measured as before either way). */
const RETURNING = process.env.BENCH_RETURNING !== '0';
/** BENCH_RELAUNCH=1: each returning sample launches the browser again on the profile (a desktop app opened anew). */
const RELAUNCH = process.env.BENCH_RELAUNCH === '1';

/** Runs in the page before its scripts: counts reads in flight, waits for the first screen, clicks, times the answer. */
function probe({ ready, click, answer, quiet }) {
  let inFlight = 0;
  const fetchBefore = window.fetch.bind(window);
  window.fetch = async (...args) => {
    inFlight++;
    try {
      return await fetchBefore(...args);
    } finally {
      inFlight--;
    }
  };
  const PAINT_WAIT_MS = 2000;
  // Module scripts run after the document is parsed and before DOMContentLoaded: a click before then can land on a
  // button whose handler is not attached yet (the floor page's), and nothing would ever answer it.
  let scriptsRan = false;
  document.addEventListener('DOMContentLoaded', () => (scriptsRan = true));
  let hidden = document.visibilityState !== 'visible';
  document.addEventListener('visibilitychange', () => (hidden ||= document.visibilityState !== 'visible'));
  window.__firstScreen = new Promise((resolve) => {
    let clicked = false;
    let readyAt = 0;
    let interactive = 0;
    let quietSince = 0;
    const check = () => {
      if (!clicked) {
        const idle = !quiet || inFlight === 0;
        if (scriptsRan && document.querySelector(ready) && idle) {
          // Reads settle in bursts (one answer starts the next); the screen counts as loaded once none has run for 16 ms.
          quietSince ||= performance.now();
          if (!quiet || performance.now() - quietSince >= 16) {
            readyAt = performance.now();
            clicked = true;
            document.querySelector(click).click();
          }
        } else quietSince = 0;
      }
      if (clicked && !interactive && document.querySelector(answer)) interactive = performance.now();
      // The paint entry is recorded a frame after the paint itself: on the floor page that can be after the click.
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      if (interactive && paint) {
        resolve({ firstPaint: paint.startTime, ready: readyAt, interactive });
        return;
      }
      // Chromium records no paint entry for a page that was hidden before it painted, and none ever comes then:
      // such a sample is void (taken again), rather than a wait without end.
      if (interactive && (hidden || performance.now() - interactive > PAINT_WAIT_MS)) {
        resolve({ void: hidden ? 'the page was hidden before its first paint' : `no paint entry ${PAINT_WAIT_MS} ms after` });
        return;
      }
      setTimeout(check, 4);
    };
    setTimeout(check, 0);
  });
}

const FLOOR_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body><h1>Floor</h1>
<button id="go">Go</button><script type="module">document.getElementById('go').onclick = () => {
const f = document.createElement('form'); f.id = 'answer'; document.body.append(f); };</script></body></html>`;

function startFloorServer() {
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(FLOOR_HTML);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Samples taken again because they had no paint entry, per label, printed with the figures. */
const retaken = [];

/** One load of `url` in `page`, timed by the probe; closes the page. */
async function sample(page, url, spec) {
  await page.addInitScript(probe, spec);
  await page.bringToFront(); // a page in the background neither paints nor runs its frames
  await page.goto(url);
  const waited = page.evaluate(() => window.__firstScreen);
  const stuck = page.waitForTimeout(30_000).then(async () => {
    throw new Error(`the first screen was not interactive after 30 s at ${page.url()}: ${(await page.content()).slice(0, 400)}`);
  });
  const result = await Promise.race([waited, stuck]);
  await page.close();
  return result;
}

/** Takes samples until SAMPLES have a paint entry; `take` makes one. */
async function samples(label, take) {
  const times = [];
  for (let attempt = 0; times.length < SAMPLES; attempt++) {
    if (attempt >= SAMPLES * 2) throw new Error(`${label}: more than ${SAMPLES} of ${attempt} samples had no paint entry`);
    const one = await take();
    if (one.void) retaken.push(`${label}: ${one.void}`);
    else times.push(one);
  }
  return times;
}

function measure(context, url, spec, label) {
  return samples(label, async () => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    return sample(page, url, spec);
  });
}

/** Scripts whose compiled code the profile keeps (one file per script in Chromium's simple cache, beside its index). */
function codeCacheEntries(profile) {
  const dir = path.join(profile, 'Default', 'Code Cache', 'js');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /^[0-9a-f]{16}_0$/.test(name)).length : 0;
}

const WARM_LOADS = 2;

/**
 * Chromium 156 as it comes (ARGS) stores module scripts' code but never uses it: with its BackgroundResourceFetch
 * feature on, every module is streamed and compiled again (`v8.compileModule` has no `consumedCacheSize`, traced with
 * --trace-startup on a profile that holds the code). With the feature off, the same profile's loads compile the app
 * chunk from its cache ("script has code-cache available", 3-29 ms in place of 230-390 ms parsing on a background
 * thread). The row with it off ("code cache used") is what the code cache gives; the plain row is what a person's
 * Chromium does.
 */
const ARGS_CODE_CACHE = ARGS.map((arg) => (arg.startsWith('--disable-features=') ? `${arg},BackgroundResourceFetch` : arg));

/**
 * A returning row: a profile on disk, `prepare`d on its first page (signed in), WARM_LOADS untimed loads, then each
 * sample in a browser launched again on that profile, so nothing but the disk (HTTP cache, code cache) carries over
 * from one load to the next.
 */
async function measureReturning(url, spec, label, prepare, args = ARGS) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-first-screen-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args, viewport: { width: 1440, height: 900 } });
  try {
    const first = await launch();
    try {
      const page = first.pages()[0] ?? (await first.newPage());
      await prepare(page);
      for (let i = 0; i < WARM_LOADS; i++) {
        await page.goto('about:blank');
        await page.goto(url);
        await page.locator(spec.ready).first().waitFor();
      }
    } finally {
      await first.close();
    }
    const cached = codeCacheEntries(profile);
    const running = RELAUNCH ? null : await launch();
    let times;
    try {
      times = await samples(label, async () => {
        const context = running ?? (await launch());
        try {
          return await sample(await context.newPage(), url, spec);
        } finally {
          if (!running) await context.close();
        }
      });
    } finally {
      await running?.close();
    }
    return { times, cached };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const APP = {
  ready: 'ul[aria-label="Teams"] > li',
  click: '.page-head .btn-primary',
  answer: 'form[aria-label="Create a team"]',
  quiet: true,
};
const FLOOR = { ready: '#go', click: '#go', answer: '#answer', quiet: false };

const fmt = (v) => v.toFixed(0).padStart(4);

async function main() {
  if (!fs.existsSync('out/main/server.js')) throw new Error('Build first: npx electron-vite build');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const rows = [];
  const row = (label, times, floor) => {
    const p = (key) => [
      percentile(
        times.map((t) => t[key]),
        50,
      ),
      percentile(
        times.map((t) => t[key]),
        95,
      ),
    ];
    const [paint50, paint95] = p('firstPaint');
    const [tti50, tti95] = p('interactive');
    const over = floor ? `  ${(tti95 / floor).toFixed(1)}x floor` : '';
    const target = floor ? `  target p95 < ${TARGET_MS} ms: ${tti95 < TARGET_MS ? 'met' : 'NOT met'}` : '';
    rows.push(
      `  ${label.padEnd(60)} first paint ${fmt(paint50)} / ${fmt(paint95)} ms   interactive ${fmt(tti50)} / ${fmt(tti95)} ms${over}${target}`,
    );
    return tti95;
  };
  try {
    const floorServer = await startFloorServer();
    const floorContext = await browser.newContext();
    const floorUrl = `http://127.0.0.1:${floorServer.address().port}/`;
    const floorTimes = await measure(floorContext, floorUrl, FLOOR, 'floor');
    const floor = row('floor: one button, no app', floorTimes, null);
    let returningFloor = null;
    if (RETURNING) {
      const { times } = await measureReturning(floorUrl, FLOOR, 'floor, returning', async () => {});
      returningFloor = row('floor, returning', times, null);
    }
    floorServer.close();

    const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-first-screen-'));
    const folders = [['demo team', demoDir, true]];
    if (process.env.BENCH_DIR) folders.push(['ten-year database (BENCH_DIR)', process.env.BENCH_DIR, false]);
    for (const [label, dir, loadDemo] of folders) {
      const server = await startCadence(dir);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(server.signIn); // the one-time code becomes the context's session cookie
        if (loadDemo) {
          await page.getByRole('button', { name: 'Explore a demo team' }).click();
          // The demo lands on the home screen's "Next up".
          await page.getByRole('region', { name: 'Next up' }).waitFor();
        }
        await page.goto(`${server.origin}/#/`);
        await page.locator(APP.ready).first().waitFor();
        const storage = await page.evaluate(() => ({ ...window.localStorage }));
        await page.close();
        row(label, await measure(context, `${server.origin}/#/`, APP, label), floor);
        if (RETURNING) {
          const signIn = async (page) => {
            await page.goto(`${server.origin}/#/`);
            await page.evaluate((entries) => {
              for (const [key, value] of Object.entries(entries)) window.localStorage.setItem(key, value);
            }, storage);
          };
          for (const [name, args] of [
            ['returning', ARGS],
            ['returning, code cache used', ARGS_CODE_CACHE],
          ]) {
            const { times, cached } = await measureReturning(`${server.origin}/#/`, APP, `${label}, ${name}`, signIn, args);
            row(`${label}, ${name} (${cached} cached)`, times, returningFloor);
          }
        }
      } finally {
        await context.close();
        server.stop();
      }
    }
    fs.rmSync(demoDir, { recursive: true, force: true });
  } finally {
    await browser.close();
  }
  process.stdout.write(
    `\nFirst screen in Chromium, ${SAMPLES} loads each, p50 / p95: cold (a new page, HTTP cache off); returning (a new page of ` +
      `a browser whose profile has loaded Cadence ${WARM_LOADS} times, HTTP cache on${RELAUNCH ? ', launched again for each' : ''}; ` +
      `(n cached): the scripts in its code cache)\n\n${rows.join('\n')}\n`,
  );
  if (retaken.length) process.stdout.write(`\nTaken again (no paint entry): ${retaken.length}\n  ${retaken.join('\n  ')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
