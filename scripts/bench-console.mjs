// `npm run bench:console`: from the moment a facilitator's action is sent to the moment both the console's and the
// projector's DOM show it, in Debian's Chromium: the two pages in one browser context, timed on one clock (the
// pages' shared epoch clock, performance.timeOrigin + performance.now()). The action is a turn in a round ("come
// back later"), which both windows show as a new speaker. Printed beside the floor: the same action sent with no
// page waiting for it (the transport and the commit alone).
//
// BENCH_DIR=<folder seeded and used by `BENCH_KEEP=1 npm run bench`> measures the ten-year database, whose live
// meetings that bench started; without it, the demo team's next meeting is started in a fresh folder.
/* global window, document, performance, localStorage, fetch, MutationObserver */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ARGS, CHROMIUM, percentile, startCadence } from './bench-browser.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const TARGET_MS = 16;

/** In a page: calls an operation with the page's own session, as the app does; with when it was sent and answered. */
async function op(page, name, input) {
  return page.evaluate(
    async ([name, input]) => {
      const sentAt = performance.timeOrigin + performance.now();
      const token = Object.keys(localStorage)
        .map((k) => localStorage.getItem(k))
        .find((v) => v && v.length > 20);
      const res = await fetch(`/api/op/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const body = await res.json();
      return { ...body, sentAt, answeredAt: performance.timeOrigin + performance.now() };
    },
    [name, input],
  );
}

/** In a page: resolves with the epoch time at which `selector`'s text first differs from `before`. */
function watch(page, selector) {
  return page.evaluate((selector) => {
    const el = () => document.querySelector(selector);
    const before = el()?.textContent ?? '';
    window.__changed = new Promise((resolve) => {
      const seen = () => {
        if ((el()?.textContent ?? '') !== before) {
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }
      };
      const observer = new MutationObserver(seen);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return before;
  }, selector);
}

async function main() {
  if (!fs.existsSync('out/main/server.js')) throw new Error('Build first: npx electron-vite build');
  let dataDir = process.env.BENCH_DIR;
  const fresh = !dataDir;
  if (fresh) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-bench-console-'));
    spawnSync(process.execPath, ['out/main/cli.js', 'demo', 'load', '--data-dir', dataDir], { stdio: 'inherit' });
  }
  const server = await startCadence(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    const console_ = await context.newPage();
    await console_.goto(server.signIn);
    await console_.waitForSelector('nav[aria-label="Main"]');
    const lists = await op(console_, 'meetings.list', { teamId: null });
    let meeting = lists.value.upcoming.find((m) => m.status === 'live');
    if (!meeting) {
      meeting = lists.value.upcoming[0];
      await op(console_, 'meetings.start', { meetingId: meeting.id });
    }
    await console_.goto(`${server.origin}/#/meetings/${meeting.id}/run`);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${server.origin}/#/meetings/${meeting.id}/projector`);
    await console_.waitForSelector('.speaker-name');
    await projector.waitForSelector('.projector-speaker-name');
    const both = [];
    const floor = [];
    for (let i = 0; i < SAMPLES; i++) {
      await watch(console_, '.speaker-name');
      await watch(projector, '.projector-speaker-name');
      const answer = await op(console_, 'live.turn', { meetingId: meeting.id, action: 'later' });
      if (!answer.ok) throw new Error(`live.turn: ${JSON.stringify(answer.error)}`);
      const [a, b] = await Promise.all([console_.evaluate(() => window.__changed), projector.evaluate(() => window.__changed)]);
      both.push(Math.max(a, b) - answer.sentAt);
      floor.push(answer.answeredAt - answer.sentAt);
    }
    const p = (v) => `${percentile(v, 50).toFixed(1)} / ${percentile(v, 95).toFixed(1)} ms`;
    const met = percentile(both, 95) < TARGET_MS;
    console.log(`\nConsole and projector in Chromium (${fresh ? 'demo team' : dataDir}), ${SAMPLES} turns\n`);
    console.log(`  the turn answered in the page (transport + commit, the floor), p50 / p95   ${p(floor)}`);
    console.log(
      `  sent until both pages' DOM show the new speaker, p50 / p95                 ${p(both)}  ·  ${(percentile(both, 95) / percentile(floor, 95)).toFixed(1)}x the floor  ·  target p95 < ${TARGET_MS} ms: ${met ? 'met' : 'NOT met'}`,
    );
  } finally {
    await browser.close();
    server.stop();
    if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exit(1);
});
