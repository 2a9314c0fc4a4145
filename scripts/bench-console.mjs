// `npm run bench:console`: from the moment a facilitator's action is sent to the moment both the console's and the
// projector's DOM show it, in Debian's Chromium: the two pages in one browser context, timed on one clock (the
// pages' shared epoch clock, performance.timeOrigin + performance.now()). Three actions, each with inputs that change
// every time: a turn in a round ("come back later": both windows show a new speaker), the next item and back again
// (both show another item's title), and a note typed in the console and saved as it leaves the box (the console
// says "Saved"; the projector shows no notes, so its figure is the event's arrival). Each is printed beside the
// floors: a no-op operation sent from the page just before it, as the app sends it, on its signed-in event socket (the
// transport alone; the same no-op by fetch is printed beside it) and a raw commit on the same
// disk (what a write adds at the least), with the steps between: the change event's arrival in both pages (with its
// size), the slower page's render, and what the pages asked again (nothing, when the event carries the live part).
// For the two actions the bench sends itself (on the console's socket, as the app does), main says where its part
// went (the reply's timing: the write with its commit, the live part read for the event, the event sent), and the rest of the event's arrival is the transit.
// BENCH_TWO_ITEMS=1: a meeting the bench makes itself has a discussion after its check-in round, so next/previous moves
// between two items as a meeting does (round panel out and in, the notes box on to the other item); without it, next
// goes past the agenda's end ("All items are done") and back, as the passes before measured it.
// BENCH_BY_FETCH=1 sends the bench's own operations by fetch instead (the transport before). BENCH_TRACE=<file.json>
// writes a Chromium trace of both pages while the actions run (open it in DevTools' Performance panel): each page
// marks an event's arrival ("event") and its DOM showing it ("shown"), with the JavaScript sampled between.
//
// BENCH_DIR=<folder seeded by `BENCH_KEEP=1 BENCH_SEED_ONLY=1 npm run bench`> measures the ten-year database: the
// script finds (or starts, or plans) a meeting on a round itself. Without it, the demo team's next meeting, in a
// fresh folder.
/* global window, performance */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { ARGS, CHROMIUM, percentile, startCadence } from './bench-browser.mjs';
import { op, recordSocketMessages, value, watch } from './bench-console-page.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const TARGET_MS = 16;
const TRACE = process.env.BENCH_TRACE;
const PROFILE = process.env.BENCH_PROFILE;
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * BENCH_PROFILE=<folder>: each page's JavaScript sampled by V8's profiler while each action runs (no trace around it,
 * so DOM calls cost what they cost), saved as <action>-console.cpuprofile and <action>-projector.cpuprofile.
 */
async function startProfiles(pages) {
  fs.mkdirSync(PROFILE, { recursive: true });
  return Promise.all(
    pages.map(async (page) => {
      const session = await page.context().newCDPSession(page);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 100 });
      return session;
    }),
  );
}

async function saveProfiles(sessions, name) {
  for (const [k, session] of sessions.entries()) {
    const { profile } = await session.send('Profiler.stop');
    fs.writeFileSync(path.join(PROFILE, `${name}-${k === 0 ? 'console' : 'projector'}.cpuprofile`), JSON.stringify(profile));
  }
}

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
  if (process.env.BENCH_TWO_ITEMS === '1') {
    const { meeting } = await value(page, 'meetings.live', { meetingId });
    await value(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: meeting.agendaRevision,
      kind: 'discussion',
      title: 'What the release needs',
      plannedMin: 15,
    });
  }
  await value(page, 'meetings.start', { meetingId });
  return {
    id: meetingId,
    how: `a new meeting of ${team.name}${process.env.BENCH_TWO_ITEMS === '1' ? ' (a round, then a discussion)' : ''}`,
  };
}

/**
 * The three actions. `send` runs one (its inputs differ every time) and answers when it was sent; `console` and
 * `projector` name what each page shows of it ([selector, text it must read] or [selector] for "any change"; null:
 * nothing, then the event's arrival stands for the page).
 */
function actions(console_, meetingId) {
  const sendOp = (name, input) => async () => {
    const answer = await op(console_, name, input());
    if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
    return { sentAt: answer.sentAt, server: answer.server };
  };
  let moves = 0;
  let notes = 0;
  return [
    {
      what: 'turn (a new speaker)',
      operation: 'live.turn',
      send: sendOp('live.turn', () => ({ meetingId, action: 'later' })),
      console: ['.speaker-name'],
      projector: ['.projector-speaker-name'],
    },
    {
      // Next, then back: another item each time, and the meeting ends where it began (on its round).
      what: 'next item / previous item',
      operation: null,
      send: async () => {
        const name = moves++ % 2 === 0 ? 'live.next' : 'live.previous';
        return sendOp(name, () => ({ meetingId }))();
      },
      console: ['.current-item h2'],
      projector: ['.projector-title'],
    },
    {
      what: 'note saved (typed, then leaving the box)',
      operation: 'live.setNotes',
      send: async () => {
        const box = console_.locator('.notes-editor textarea');
        await box.fill(`Bench note ${++notes}: what was said, decided, who does what.`);
        await box.blur();
        // The app sends this one: main's part of it is not known to the bench.
        return { sentAt: await console_.evaluate(() => window.__sent['live.setNotes']), server: null };
      },
      console: ['.notes-editor .save-state', 'Saved'],
      projector: null,
    },
  ];
}

/**
 * The disk's own limit beside the transport's: one row inserted and committed as main commits (WAL,
 * synchronous=FULL) in a file of its own in the same folder, timed just before each action. A write cannot show
 * before its commit is on the disk; the no-op reads and commits nothing.
 */
function rawCommitter(dir) {
  const file = path.join(dir, 'bench-console-raw-commit.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table if not exists t (id integer primary key, note text not null)');
  const insert = db.prepare('insert into t (note) values (?)');
  let i = 0;
  return {
    commit() {
      const start = performance.now();
      db.transaction(() => insert.run(`note ${i++}`))();
      return performance.now() - start;
    },
    close() {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    },
  };
}

const stat = (v) => `${percentile(v, 50).toFixed(1)} / ${percentile(v, 95).toFixed(1)} ms`;

/** One action `SAMPLES` times, each just after a no-op from the same page; with the steps between. */
async function measure(pages, action, raw) {
  const [console_, projector] = pages;
  const steps = {
    noop: [],
    fetchNoop: [],
    commit: [],
    floor: [],
    event: [],
    render: [],
    both: [],
    bytes: [],
    run: [],
    push: [],
    publish: [],
    main: [],
    wire: [],
  };
  for (let i = 0; i < SAMPLES; i++) {
    const noop = await op(console_, 'events.since', { epoch: '', revision: 0 });
    steps.noop.push(noop.answeredAt - noop.sentAt);
    const byFetch = await op(console_, 'events.since', { epoch: '', revision: 0 }, true);
    steps.fetchNoop.push(byFetch.answeredAt - byFetch.sentAt);
    steps.commit.push(raw.commit());
    steps.floor.push(steps.noop.at(-1) + steps.commit.at(-1));
    if (action.console) await watch(console_, ...action.console);
    if (action.projector) await watch(projector, ...action.projector);
    const heard = await Promise.all(pages.map((page) => page.evaluate(() => window.__socket.length)));
    const { sentAt, server } = await action.send();
    const shown = await Promise.all(
      pages.map((page, k) => ([action.console, action.projector][k] ? page.evaluate(() => window.__changed) : null)),
    );
    // The change message this action caused in each page (the first after it was sent).
    const events = await Promise.all(
      pages.map((page, k) =>
        page
          .waitForFunction(
            ([from, operation]) =>
              window.__socket
                .slice(from)
                .find((m) => m.text.includes('"type":"change"') && (!operation || m.text.includes(`"operation":"${operation}"`))),
            [heard[k], action.operation],
          )
          .then((h) => h.jsonValue()),
      ),
    );
    const at = events.map((e) => e.at);
    const done = shown.map((t, k) => t ?? at[k]);
    steps.both.push(Math.max(...done) - sentAt);
    steps.event.push(Math.max(...at) - sentAt);
    steps.render.push(Math.max(...done.map((t, k) => t - at[k])));
    steps.bytes.push(events[0].text.length);
    if (server?.run !== undefined) {
      const main = server.run + server.push + server.publish;
      for (const [step, ms] of Object.entries({ ...server, main, wire: steps.event.at(-1) - main })) steps[step].push(ms);
    }
  }
  return steps;
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
    // What the pages ask main for while the actions run, by fetch or on their socket (the bench's own calls are not the
    // app's; the note is).
    const asked = [];
    for (const page of [console_, projector]) await page.evaluate(() => (window.__asked = []));
    const ask = (request) => {
      const name = /\/api\/op\/([\w.]+)$/.exec(request.url())?.[1];
      if (name && !request.headers()['x-bench'] && name !== 'live.setNotes') asked.push(name);
    };
    console_.on('request', ask);
    projector.on('request', ask);
    const results = [];
    const raw = rawCommitter(dataDir);
    if (TRACE) await browser.startTracing(console_, { path: TRACE, categories: TRACE_CATEGORIES });
    const profilers = PROFILE ? await startProfiles([console_, projector]) : null;
    try {
      for (const action of actions(console_, meeting.id)) {
        if (profilers) await Promise.all(profilers.map((p) => p.send('Profiler.start')));
        results.push({ action, steps: await measure([console_, projector], action, raw) });
        if (profilers) await saveProfiles(profilers, action.operation ?? 'next-previous');
      }
    } finally {
      raw.close();
      if (TRACE) await browser.stopTracing();
    }
    const parse = await console_.evaluate(() => {
      const text = window.__socket.findLast((m) => m.text.includes('"live.turn"')).text;
      const start = performance.now();
      for (let i = 0; i < 100; i++) JSON.parse(text);
      return (performance.now() - start) / 100;
    });
    for (const page of [console_, projector])
      asked.push(...(await page.evaluate(() => window.__asked)).filter((name) => name !== 'live.setNotes'));
    const reads =
      asked.length === 0
        ? 'none'
        : Object.entries(Object.groupBy(asked, (n) => n))
            .map(([n, l]) => `${n} ×${l.length}`)
            .join(', ');
    console.log(`\nConsole and projector in Chromium (${fresh ? 'demo team' : dataDir}; ${meeting.how}), ${SAMPLES} of each action\n`);
    for (const { action, steps } of results) {
      const floor = percentile(steps.noop, 95);
      const withCommit = percentile(steps.floor, 95);
      const met = percentile(steps.both, 95) < TARGET_MS;
      console.log(`  ${action.what}`);
      console.log(`    no-op operation (events.since) from the page just before: the floor, p50 / p95   ${stat(steps.noop)}`);
      console.log(`      the same no-op by fetch (the transport before operations went on the socket)  ${stat(steps.fetchNoop)}`);
      console.log(`    a raw insert+commit on the same disk (WAL, synchronous=FULL), just before       ${stat(steps.commit)}`);
      console.log(`    the two added (the least a write can take to come back), p50 / p95             ${stat(steps.floor)}`);
      console.log(
        `    sent until the change event reached both pages (${Math.round(percentile(steps.bytes, 50) / 1024)} KB)                ${stat(steps.event)}`,
      );
      if (steps.main.length > 0) {
        console.log(`      of which in main (its timing):      the write with its commit                  ${stat(steps.run)}`);
        console.log(`                                        the live part read for the event          ${stat(steps.push)}`);
        console.log(`                                        the event sent to every window            ${stat(steps.publish)}`);
        console.log(`                                        the three                                 ${stat(steps.main)}`);
        console.log(`      and the rest: request and event in transit, the server's HTTP work          ${stat(steps.wire)}`);
      }
      console.log(`    from the event's arrival to the page's DOM showing it (the slower page)         ${stat(steps.render)}`);
      console.log(
        `    sent until both pages show it, p50 / p95                                        ${stat(steps.both)}  ·  ${(percentile(steps.both, 95) / floor).toFixed(1)}x the no-op, ${(percentile(steps.both, 95) / withCommit).toFixed(1)}x no-op + commit  ·  target p95 < ${TARGET_MS} ms: ${met ? 'met' : 'NOT met'}`,
      );
    }
    console.log(`  the change event parsed in ${parse.toFixed(2)} ms; what the two pages asked main again meanwhile: ${reads}`);
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
