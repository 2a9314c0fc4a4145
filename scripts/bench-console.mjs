// `npm run bench:console`: from the moment a facilitator's action is sent to the moment both the console's and the
// projector's DOM show it, in Debian's Chromium: the two pages in one browser context, timed on one clock (the
// pages' shared epoch clock, performance.timeOrigin + performance.now()). The action is a turn in a round ("come
// back later"), which both windows show as a new speaker. Printed beside the floor: a no-op operation sent from the
// page (the transport alone), and the steps between: the action's own answer, the change event's arrival in each
// page (with its size), what the pages asked again (nothing, when the event carries the live part) and the render.
//
// BENCH_DIR=<folder seeded by `BENCH_KEEP=1 BENCH_SEED_ONLY=1 npm run bench`> measures the ten-year database: the
// script finds (or starts, or plans) a meeting on a round itself. Without it, the demo team's next meeting, in a
// fresh folder.
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
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Bench': '1' },
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

/** Every page of the context notes when each event-socket message arrived and its size, before the app sees it. */
function recordSocketMessages() {
  const Native = window.WebSocket;
  window.__socket = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      // Added before the app sets onmessage, so it runs first: the arrival, not the app's handling.
      this.addEventListener('message', (m) =>
        window.__socket.push({ at: performance.timeOrigin + performance.now(), text: String(m.data) }),
      );
    }
  };
}

const value = async (page, name, input) => {
  const answer = await op(page, name, input);
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
  return answer.value;
};

/** Whether the meeting's current item is a round with a speaker and someone after them ("later" can go on forever). */
function onRound(live) {
  const turns = live.turns.filter((t) => t.agendaItemId === live.currentItemId);
  return live.meeting.status === 'live' && turns.some((t) => t.status === 'speaking') && turns.length >= 2;
}

/**
 * A meeting on a round: a live one already on a round, else the first live or planned meeting walked (started, then
 * next item after next) to its first round, else a new meeting of one check-in round for the first team.
 */
async function meetingOnRound(page) {
  const lists = await value(page, 'meetings.list', { teamId: null });
  const candidates = [...lists.upcoming.filter((m) => m.status === 'live'), ...lists.upcoming.filter((m) => m.status === 'planned')];
  for (const meeting of candidates.slice(0, 4)) {
    if (meeting.status === 'planned') await value(page, 'meetings.start', { meetingId: meeting.id });
    let live = await value(page, 'meetings.live', { meetingId: meeting.id });
    if (live.clock.pausedAt !== null) await value(page, 'live.resume', { meetingId: meeting.id });
    for (let steps = 0; !onRound(live) && live.currentItemId !== null && steps < live.items.length; steps++) {
      await value(page, 'live.next', { meetingId: meeting.id });
      live = await value(page, 'meetings.live', { meetingId: meeting.id });
    }
    if (onRound(live)) return { id: meeting.id, how: `${meeting.status === 'planned' ? 'started' : 'live'}: ${meeting.title}` };
  }
  const [team] = await value(page, 'teams.list', {});
  const { meetingId } = await value(page, 'meetings.create', {
    teamId: team.id,
    title: 'Bench check-in',
    date: new Date().toISOString().slice(0, 10),
    time: '09:00',
    lengthMin: 30,
  });
  const live = await value(page, 'meetings.live', { meetingId });
  await value(page, 'agenda.addItem', {
    meetingId,
    expectedRevision: live.meeting.agendaRevision,
    kind: 'check_in',
    title: 'Check-in',
    plannedMin: 15,
  });
  await value(page, 'meetings.start', { meetingId });
  return { id: meetingId, how: `a new meeting of ${team.name}` };
}

/** The change message of `revision` in a page: when it arrived and how long it is. */
const arrival = (page, operation) =>
  page.evaluate((operation) => {
    const found = window.__socket.findLast((m) => m.text.includes(`"operation":"${operation}"`));
    return found && { at: found.at, bytes: found.text.length };
  }, operation);

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
    await context.addInitScript(recordSocketMessages);
    const console_ = await context.newPage();
    await console_.goto(server.signIn);
    await console_.waitForSelector('nav[aria-label="Main"]');
    const meeting = await meetingOnRound(console_);
    await console_.goto(`${server.origin}/#/meetings/${meeting.id}/run`);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${server.origin}/#/meetings/${meeting.id}/projector`);
    await console_.waitForSelector('.speaker-name');
    await projector.waitForSelector('.projector-speaker-name');
    // What the pages ask main for while the turns run (the bench's own calls are not the app's).
    const asked = [];
    const ask = (request) => {
      const name = /\/api\/op\/([\w.]+)$/.exec(request.url())?.[1];
      if (name && !request.headers()['x-bench']) asked.push(name);
    };
    console_.on('request', ask);
    projector.on('request', ask);
    const steps = { noop: [], answered: [], event: [], render: [], both: [], bytes: [] };
    for (let i = 0; i < SAMPLES; i++) {
      // The floor: a no-op operation from the page through the same transport, just before the turn.
      const noop = await op(console_, 'events.since', { epoch: '', revision: 0 });
      steps.noop.push(noop.answeredAt - noop.sentAt);
      await watch(console_, '.speaker-name');
      await watch(projector, '.projector-speaker-name');
      const answer = await op(console_, 'live.turn', { meetingId: meeting.id, action: 'later' });
      if (!answer.ok) throw new Error(`live.turn: ${JSON.stringify(answer.error)}`);
      const [a, b] = await Promise.all([console_.evaluate(() => window.__changed), projector.evaluate(() => window.__changed)]);
      const [ea, eb] = await Promise.all([arrival(console_, 'live.turn'), arrival(projector, 'live.turn')]);
      steps.both.push(Math.max(a, b) - answer.sentAt);
      steps.answered.push(answer.answeredAt - answer.sentAt);
      steps.event.push(Math.max(ea.at, eb.at) - answer.sentAt);
      steps.render.push(Math.max(a - ea.at, b - eb.at));
      steps.bytes.push(ea.bytes);
    }
    const parse = await console_.evaluate(() => {
      const text = window.__socket.findLast((m) => m.text.includes('"live.turn"')).text;
      const start = performance.now();
      for (let i = 0; i < 100; i++) JSON.parse(text);
      return (performance.now() - start) / 100;
    });
    const p = (v) => `${percentile(v, 50).toFixed(1)} / ${percentile(v, 95).toFixed(1)} ms`;
    const met = percentile(steps.both, 95) < TARGET_MS;
    const reads =
      asked.length === 0
        ? 'none'
        : Object.entries(Object.groupBy(asked, (n) => n))
            .map(([n, l]) => `${n} ×${l.length}`)
            .join(', ');
    console.log(`\nConsole and projector in Chromium (${fresh ? 'demo team' : dataDir}; ${meeting.how}), ${SAMPLES} turns\n`);
    console.log(`  no-op operation (events.since) from the page: the floor, p50 / p95            ${p(steps.noop)}`);
    console.log(`  the turn answered in the page (transport + commit + the live part read once)   ${p(steps.answered)}`);
    console.log(
      `  sent until the change event reached both pages (${Math.round(percentile(steps.bytes, 50) / 1024)} KB, parsed in ${parse.toFixed(2)} ms)     ${p(steps.event)}`,
    );
    console.log(`  from the event's arrival to the page's DOM showing it (the slower page)         ${p(steps.render)}`);
    console.log(`  what the two pages asked main again during the ${SAMPLES} turns                       ${reads}`);
    console.log(
      `  sent until both pages' DOM show the new speaker, p50 / p95                      ${p(steps.both)}  ·  ${(percentile(steps.both, 95) / percentile(steps.noop, 95)).toFixed(1)}x the no-op floor  ·  target p95 < ${TARGET_MS} ms: ${met ? 'met' : 'NOT met'}`,
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
