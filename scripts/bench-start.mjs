/**
 * `npm run bench:start` (needs the built app and a seeded data folder: BENCH_DIR, as `npm run bench` keeps with
 * BENCH_KEEP=1): from spawning the browser-mode server (`node out/main/server.js`) to the first screen's data (the team
 * cards) rendered in Chromium, on that database, against the no-op floor (a bare Node process serving one element to
 * the same browser) and an empty database. Chromium is already open, as a person's browser is; each run signs in with a
 * fresh context, timed once the browser has gone quiet after opening it (browserQuiet: a context is a new window, whose
 * own start a person's browser has long finished). Each start is also cut where the time goes: spawn to "ready" printed
 * (Node, main's bundle and the server; on the usual start the database opens after it), "ready" to the page's head
 * received (the browser asks, main answers at once), the head to the whole page received (main opening the database and
 * answering the first screen's reads, which the page carries), the head to the page's code received (the browser
 * fetching it, beside main's part), and the later of those two to the team card rendered (the boot, the app's code and
 * React).
 *
 * A second row times the same start as a person's daily one: opened in their usual browser, which has shown Cadence
 * before (a persistent profile in a temp folder, kept across the runs, each start in a new tab, on the port the last
 * start had, as the server reuses it), so its HTTP cache already holds the hashed code; it says how many of the code
 * files came from that cache. (Traced on Chromium 156: the second visit writes V8's code cache for the three larger
 * modules, and later visits still parse and compile them while streaming: with Chromium's BackgroundResourceFetch on,
 * its default, they never read that cache. BENCH_USUAL_DISABLE_FEATURES=BackgroundResourceFetch shows
 * the start that reads it: V8 deserialises them, some 8 ms, where compiling took 50-200 ms of a background thread.)
 */
/* global fetch, localStorage -- used inside the page */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { PLAYWRIGHT_DISABLED_FEATURES } from './chromium-features.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 300;
const dataDir = process.env.BENCH_DIR;
if (!dataDir || !fs.existsSync(path.join(dataDir, 'cadence.sqlite'))) {
  process.stderr.write('Set BENCH_DIR to a seeded data folder (BENCH_KEEP=1 BENCH_SEED_ONLY=1 npm run bench keeps one).\n');
  process.exit(2);
}
if (!fs.existsSync('out/main/server.js')) {
  process.stderr.write('Build the app first: npx electron-vite build\n');
  process.exit(2);
}

/** The no-op floor: a Node process that serves the one element the timed page waits for. */
const NOOP_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => res.end('<!doctype html><span class="team-card-name">x</span>'));
server.listen(0, '127.0.0.1', () => console.log('Cadence is ready at http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

function startServer(args, env) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d.toString();
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (d) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { child, ready, exited };
}

/**
 * One start: spawn, sign in, wait for the first team card; then a clean stop (or a kill, leaving an unclean
 * shutdown). The page's operations are watched on the way, to cut the start where the time goes.
 */
/**
 * The CPU time (user and system, ms) a process has used so far, from Linux's /proc; null elsewhere. Less sensitive to
 * a busy machine than the wall clock: a start whose server does less work shows it here even when others' work
 * stretches every figure above.
 */
function cpuOf(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** Linux's clock ticks per second (USER_HZ), which /proc counts CPU time in. */
const CLOCK_TICKS = 100;
/**
 * The CPU time (ms, to the nanosecond) of a process's main thread so far, from Linux's schedstat; null elsewhere. That
 * thread serves the page and its code, loads the core and answers the first reads: its time is main's part of the
 * start, which the browser's work can overlap but not shorten, and this figure is precise where the one above counts
 * whole ticks (and leaves out the thread pool's and the workers').
 */
function mainThreadCpuOf(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** A fresh context of the open browser, as a first visit is: nothing cached, nothing stored. */
const freshContext = (browser) => async () => {
  const context = await browser.newContext();
  return { page: await context.newPage(), close: () => context.close() };
};

/** A new tab of the persistent profile, as a person's usual browser is: what it kept from earlier visits is there. */
const tabOf = (context) => async () => {
  const page = await context.newPage();
  return { page, close: () => page.close() };
};

/**
 * The page's code files (/assets/*.js) the first screen used and how many of them came from the browser's cache
 * (Resource Timing gives a file taken from the cache a transferSize of 0).
 */
const codeFromCache = (page) =>
  page.evaluate(() => {
    const code = performance.getEntriesByType('resource').filter((entry) => /\/assets\/[^/]+\.js$/.test(entry.name));
    return { files: code.length, cached: code.filter((entry) => entry.transferSize === 0).length };
  });

/** The CPU time (ms, whole ticks) this process's descendants have used so far: the browser's processes, on Linux. */
function descendantsCpu() {
  const children = new Map();
  const cpu = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(name));
      cpu.set(Number(name), ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    } catch {
      // A process that ended while the folder was read.
    }
  }
  let total = 0;
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length) {
    const pid = stack.pop();
    total += cpu.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Waits until the browser has gone quiet (at most one clock tick of CPU in its processes over 300 ms, or 10 s). A
 * Playwright context is a new window, and a new window of Chromium 156 loads its own WebUI (a "WebUI Top Renderer"
 * process, some 750 ms of CPU in a trace of one start): a person's browser, which the start opens a tab of, has done
 * that long before. Timed over it, each start shared the two cores with the browser's own window (a fresh start's p50
 * was some 170 ms longer). Linux only; elsewhere it returns at once.
 */
async function browserQuiet() {
  if (!fs.existsSync('/proc/self/stat')) return;
  const until = performance.now() + 10_000;
  let last = descendantsCpu();
  while (performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = descendantsCpu();
    if (now - last <= 1000 / CLOCK_TICKS) return;
    last = now;
  }
}

async function once(open, args, env, { kill = false } = {}) {
  const { page, close } = await open();
  await page.goto('about:blank');
  await browserQuiet();
  let headAt = null;
  let pageAt = null;
  const codeAt = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document' && response.url().startsWith('http')) headAt ??= performance.now();
  });
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'document' && request.url().startsWith('http')) pageAt ??= performance.now();
    if (/\/assets\/[^/]+\.js$/.test(request.url())) codeAt.push(performance.now());
  });
  const began = performance.now();
  const server = startServer(args, env);
  const url = await server.ready;
  const serverReady = performance.now() - began;
  await page.goto(url);
  await page.locator('.team-card-name').first().waitFor();
  const rendered = performance.now() - began;
  const cpu = cpuOf(server.child.pid);
  const mainThread = mainThreadCpuOf(server.child.pid);
  // Code fetched after the card showed belongs to the next screen, not to this one.
  const code = codeAt.map((at) => at - began).filter((at) => at <= rendered);
  const cache = await codeFromCache(page);
  await close();
  server.child.kill(kill ? 'SIGKILL' : 'SIGTERM');
  await server.exited;
  const parts =
    headAt === null || pageAt === null || code.length === 0
      ? null
      : {
          head: headAt - began - serverReady,
          answers: pageAt - headAt,
          code: Math.max(...code) - (headAt - began),
          rendering: rendered - Math.max(pageAt - began, ...code),
        };
  return { serverReady, rendered, parts, cpu, mainThread, cache, url };
}

const pct = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

const launch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
};
const browser = await chromium.launch(launch);
// A person's usual browser, which has opened Cadence before: a profile on disk (HTTP cache, V8's code cache) kept
// across the runs, each start opened in a new tab of it.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-bench-profile-'));
// BENCH_USUAL_DISABLE_FEATURES (comma-separated) turns Chromium features off in that browser alone, to compare one on
// the same start; Chromium keeps only the last --disable-features switch, so Playwright's own list is repeated in it.
const usualOff = (process.env.BENCH_USUAL_DISABLE_FEATURES ?? '').split(',').filter(Boolean);
const usualArgs = usualOff.length ? [`--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...usualOff].join(',')}`] : [];
const usual = await chromium.launchPersistentContext(profile, { ...launch, args: [...launch.args, ...usualArgs] });
const rows = [];
const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-bench-start-'));
try {
  const server = ['out/main/server.js', '--port', '0'];
  const noop = ['-e', NOOP_SERVER];
  // The empty database gets its schema (and a team, so there is a card to wait for) before it is timed.
  await once(freshContext(browser), noop, {});
  const seed = startServer(server, { CADENCE_DATA_DIR: empty });
  const seedUrl = await seed.ready;
  const seedPage = await browser.newPage();
  await seedPage.goto(seedUrl);
  // The welcome shows once the page has traded its code for a session; the call then runs in the page with
  // that session's token, as the app's own calls do.
  await seedPage.getByRole('button', { name: 'Explore a demo team' }).waitFor();
  const created = await seedPage.evaluate(async () => {
    const response = await fetch('/api/op/teams.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${localStorage.getItem('cadence.session')}` },
      body: JSON.stringify({ name: 'One team', timeZone: 'UTC', members: ['Ana'] }),
    });
    return response.json();
  });
  if (!created.ok) throw new Error(`could not create the empty database's team: ${JSON.stringify(created)}`);
  await seedPage.close();
  seed.child.kill('SIGTERM');
  await seed.exited;

  const runs = {
    noop: [],
    noopReady: [],
    empty: [],
    emptyServer: [],
    seeded: [],
    seededServer: [],
    usual: [],
    usualMainThread: [],
    usualCached: [],
    seededCpu: [],
    seededMainThread: [],
    head: [],
    answers: [],
    code: [],
    rendering: [],
  };
  // One start of the seeded folder untimed: one that migrates it (and backs it up first) is not a usual start. It is
  // also the usual browser's earlier visit; the starts after it take the port it had, as a daily start does (the
  // server reuses its last port), since a browser keeps what it cached by origin.
  const first = await once(tabOf(usual), server, { CADENCE_DATA_DIR: dataDir });
  const samePort = ['out/main/server.js', '--port', new URL(first.url).port];
  // Interleaved, so a busy moment of a shared machine falls on every kind alike.
  for (let i = 0; i < RUNS; i++) {
    const noopRun = await once(freshContext(browser), noop, {});
    runs.noop.push(noopRun.rendered);
    runs.noopReady.push(noopRun.serverReady);
    const emptyRun = await once(freshContext(browser), server, { CADENCE_DATA_DIR: empty });
    runs.empty.push(emptyRun.rendered);
    runs.emptyServer.push(emptyRun.serverReady);
    const seeded = await once(freshContext(browser), server, { CADENCE_DATA_DIR: dataDir });
    runs.seeded.push(seeded.rendered);
    runs.seededServer.push(seeded.serverReady);
    if (seeded.cpu !== null) runs.seededCpu.push(seeded.cpu);
    if (seeded.mainThread !== null) runs.seededMainThread.push(seeded.mainThread);
    if (seeded.parts) for (const part of ['head', 'answers', 'code', 'rendering']) runs[part].push(seeded.parts[part]);
    const again = await once(tabOf(usual), samePort, { CADENCE_DATA_DIR: dataDir });
    runs.usual.push(again.rendered);
    if (again.mainThread !== null) runs.usualMainThread.push(again.mainThread);
    runs.usualCached.push(again.cache);
  }
  const floor = pct(runs.noop, 95);
  const row = (label, values, target, against = floor, againstName = 'no-op floor') => {
    const p95 = pct(values, 95);
    const tail = [`${(p95 / against).toFixed(1)}x ${againstName} (${ms(against)} ms)`];
    if (target) tail.push(`target p95 < ${target} ms: ${p95 < target ? 'met' : 'NOT met'}`);
    rows.push([`${label}, p50 / p95`, `${ms(pct(values, 50))} / ${ms(p95)} ms`, tail.join('  ·  ')]);
  };
  /** A part of the ten-year start, as its share of the whole (p50s). */
  const part = (label, values) => {
    const share = (100 * pct(values, 50)) / pct(runs.seeded, 50);
    rows.push([`${label}, p50 / p95`, `${ms(pct(values, 50))} / ${ms(pct(values, 95))} ms`, `${share.toFixed(0)}% of the start (p50)`]);
  };
  row('no-op floor: spawn Node serving one element, rendered in Chromium', runs.noop);
  row('spawn server to first screen rendered, empty database', runs.empty);
  row(`spawn server to first screen rendered, ${path.basename(dataDir)} (ten-year)`, runs.seeded, TARGET_MS);
  row('  the same, in a browser that has opened Cadence before (its profile: HTTP cache, code cache)', runs.usual, TARGET_MS);
  const cached = runs.usualCached.map((c) => `${c.cached}/${c.files}`);
  rows.push(["  its code files taken from the browser's cache, per run", cached.join(' '), 'Resource Timing: transferSize 0']);
  // The floor's own spawn to "ready" is a bare Node start: what main's part cannot go under.
  const nodeStart = pct(runs.noopReady, 95);
  row('no-op floor: spawn Node to "ready" printed', runs.noopReady, null, nodeStart, 'bare Node');
  row('spawn to "ready" printed, empty database', runs.emptyServer, null, nodeStart, 'bare Node');
  row('ten-year, where the time goes: spawn to "ready" printed (main)', runs.seededServer, null, nodeStart, 'bare Node');
  if (runs.seededCpu.length === RUNS)
    rows.push([
      "ten-year, main's CPU time from spawn to the card rendered, p50 / p95",
      `${ms(pct(runs.seededCpu, 50))} / ${ms(pct(runs.seededCpu, 95))} ms`,
      'user + system, in 10 ms ticks',
    ]);
  if (runs.seededMainThread.length === RUNS)
    rows.push([
      "ten-year, main's thread alone, CPU time from spawn to the card rendered, p50 / p95",
      `${ms(pct(runs.seededMainThread, 50))} / ${ms(pct(runs.seededMainThread, 95))} ms`,
      'schedstat, to the ns: the thread that serves the page, loads the core and reads',
    ]);
  if (runs.usualMainThread.length === RUNS)
    rows.push([
      '  the same, the browser that has opened Cadence before, p50 / p95',
      `${ms(pct(runs.usualMainThread, 50))} / ${ms(pct(runs.usualMainThread, 95))} ms`,
      'fewer files asked for',
    ]);
  if (runs.rendering.length === RUNS) {
    part('  "ready" to the page\'s head received (the browser asks, main answers at once)', runs.head);
    part('  the head to the whole page received (main: the database opened, the first reads answered)', runs.answers);
    part("  the head to the page's code received (the browser fetches it meanwhile)", runs.code);
    part('  the later of those to the team card rendered (boot, app code, React)', runs.rendering);
  }
  // A killed server leaves an unclean shutdown: the next start reads the whole file first.
  await once(freshContext(browser), server, { CADENCE_DATA_DIR: dataDir }, { kill: true });
  const unclean = await once(freshContext(browser), server, { CADENCE_DATA_DIR: dataDir });
  rows.push(['after an unclean shutdown (whole-file check at start), one start', `${ms(unclean.rendered)} ms`, '']);
} finally {
  await usual.close();
  await browser.close();
  fs.rmSync(empty, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
}
const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
process.stdout.write(`\nStart-up, browser mode (bench-start), ${RUNS} runs each, Node ${process.version}\n\n`);
for (const [label, value, tail] of rows) process.stdout.write(`  ${label.padEnd(width)}  ${value.padEnd(valueWidth)}  ${tail}\n`);
