// `npm run bench:first-screen`: how soon the first screen (home: "Next up", my commitments, the teams) paints and
// answers a click, in Debian's Chromium against the browser-mode server, on the demo team and on a ten-year
// database (BENCH_DIR=<folder seeded by `BENCH_KEEP=1 BENCH_SEED_ONLY=1 npm run bench`); printed beside the floor:
// the same browser loading a page with one button from a local HTTP server that does nothing else.
//
// Interactive means: the teams list is rendered, no read of the first screen is still in flight, and then a click
// on "New team" has opened its form. Measured inside the page from navigation start (performance.now()), with the
// HTTP cache off, so every load fetches the bundle as a first visit would. Each sample is a new page.
/* global window, document, performance -- the probe runs in the page */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ARGS, CHROMIUM, percentile, startCadence } from './bench-browser.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const TARGET_MS = 300;

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

async function measure(context, url, spec, label) {
  const times = [];
  for (let attempt = 0; times.length < SAMPLES; attempt++) {
    if (attempt >= SAMPLES * 2) throw new Error(`${label}: more than ${SAMPLES} of ${attempt} samples had no paint entry`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(probe, spec);
    await page.bringToFront(); // a page in the background neither paints nor runs its frames
    await page.goto(url);
    const waited = page.evaluate(() => window.__firstScreen);
    const stuck = page.waitForTimeout(30_000).then(async () => {
      throw new Error(`the first screen was not interactive after 30 s at ${page.url()}: ${(await page.content()).slice(0, 400)}`);
    });
    const sample = await Promise.race([waited, stuck]);
    await page.close();
    if (sample.void) retaken.push(`${label}: ${sample.void}`);
    else times.push(sample);
  }
  return times;
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
      `  ${label.padEnd(34)} first paint ${fmt(paint50)} / ${fmt(paint95)} ms   interactive ${fmt(tti50)} / ${fmt(tti95)} ms${over}${target}`,
    );
    return tti95;
  };
  try {
    const floorServer = await startFloorServer();
    const floorContext = await browser.newContext();
    const floorTimes = await measure(floorContext, `http://127.0.0.1:${floorServer.address().port}/`, FLOOR, 'floor');
    floorServer.close();
    const floor = row('floor: one button, no app', floorTimes, null);

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
        await page.close();
        row(label, await measure(context, `${server.origin}/#/`, APP, label), floor);
      } finally {
        await context.close();
        server.stop();
      }
    }
    fs.rmSync(demoDir, { recursive: true, force: true });
  } finally {
    await browser.close();
  }
  process.stdout.write(`\nFirst screen in Chromium, ${SAMPLES} cold loads each, p50 / p95 (HTTP cache off)\n\n${rows.join('\n')}\n`);
  if (retaken.length) process.stdout.write(`\nTaken again (no paint entry): ${retaken.length}\n  ${retaken.join('\n  ')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
