// `node scripts/trace-first-screen.mjs` (after `electron-vite build`): where a cold load of the first screen spends
// its time. Chromium's trace of TRACE_LOADS loads of home (demo team, or BENCH_DIR's database), as the first-screen
// bench loads it (a new page, HTTP cache off), cut into: the moments the page reaches (DOMContentLoaded, the app's
// first render, the teams, the New team form open after a click), the page thread's busy time until the teams and
// until the form, its work by kind, and, for the last load, each file's request, response and end and each long task.
// A tool to find what to cut, not a bench: tracing adds its own cost, so compare its figures with each other only.
/* global window, document, performance, MutationObserver -- the probe runs in the page */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ARGS, CHROMIUM, startCadence } from './bench-browser.mjs';

const LOADS = Number(process.env.TRACE_LOADS ?? 5);
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink',
  'toplevel',
  'navigation',
];

/** Runs in the page before its scripts: marks the first render, the teams, then clicks "New team" and marks the form. */
function probe() {
  let filled = false;
  window.__done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!filled && document.getElementById('root')?.firstChild) {
        filled = true;
        performance.mark('cad:render');
      }
      if (!document.querySelector('ul[aria-label="Teams"] > li')) return;
      performance.mark('cad:teams');
      observer.disconnect();
      // As the bench: the reads settle first (a 20 ms pause here), then the click.
      setTimeout(() => {
        document.querySelector('.page-head .btn-primary').click();
        const answered = () => {
          if (!document.querySelector('form[aria-label="Create a team"]')) return setTimeout(answered, 2);
          performance.mark('cad:form');
          resolve();
        };
        answered();
      }, 20);
    });
    document.addEventListener('DOMContentLoaded', () => performance.mark('cad:dcl'));
    observer.observe(document, { childList: true, subtree: true });
  });
}

const KINDS = [
  // V8 parses a function again for its source positions when a stack trace needs them: here, when an Error is made
  // while DevTools' Runtime domain is on (as Playwright has it on every page), for the detailed trace the inspector
  // keeps. React makes five at its module's start, so the app's first chunk is parsed twice. A page without DevTools
  // (traced with --trace-startup) does not: a cost of the measuring, shown apart from the app's own work.
  [/^V8\.CollectSourcePositions$/, 'inspector'],
  [/^(v8\.compile|V8\.CompileCode|V8\.ParseProgram|V8\.ParseFunction|v8\.compileModule|V8\.CompileIgnition)/, 'compile'],
  [/GC/, 'gc'],
  [/^(UpdateLayoutTree|ParseAuthorStyleSheet)$/, 'style'],
  [/^Layout$/, 'layout'],
  [/^(Paint|PrePaint|Layerize|UpdateLayer|Commit)$/, 'paint'],
  [/^ParseHTML$/, 'html'],
  [/^(v8\.evaluateModule|EvaluateScript|FunctionCall|TimerFire|EventDispatch|RunMicrotasks|v8\.callFunction|v8\.run)$/, 'script'],
];
const kindOf = (name) => KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? null;

/** One load's figures, in ms from its navigation start. */
function analyse(events, origin) {
  const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(origin));
  if (!nav) throw new Error('the trace holds no navigation start of the page');
  const { pid, ts: t0 } = nav;
  const ms = (ts) => (ts - t0) / 1000;
  const mainTid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args.name === 'CrRendererMain')?.tid;
  const marks = Object.fromEntries(
    events.filter((e) => e.pid === pid && e.name.startsWith('cad:')).map((e) => [e.name.slice(4), ms(e.ts)]),
  );
  if (marks.form === undefined) throw new Error('the trace holds no mark of the form');
  const end = t0 + marks.form * 1000;
  const main = events
    .filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X' && e.ts >= t0 && e.ts <= end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time per kind: an event's own time less its children's; an event of no kind takes its parent's.
  const self = {};
  // The same by the thread's own CPU time (tdur), until the teams: on a machine other work keeps busy, a task's wall
  // time is mostly its wait for a core, and only this says what the page's thread itself did.
  const cpu = {};
  const stack = [];
  const tasks = [];
  const close = (node) => {
    self[node.kind ?? 'other'] = (self[node.kind ?? 'other'] ?? 0) + node.self / 1000;
    if (node.beforeTeams) cpu[node.kind ?? 'other'] = (cpu[node.kind ?? 'other'] ?? 0) + node.cpu / 1000;
  };
  for (const e of main) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) close(stack.pop());
    const parent = stack.at(-1);
    // What V8 parses for the inspector counts as the inspector's, not as the app's compile.
    const kind = parent?.kind === 'inspector' ? 'inspector' : (kindOf(e.name) ?? parent?.kind ?? null);
    const beforeTeams = e.ts < t0 + marks.teams * 1000;
    const node = { name: e.name, ts: e.ts, dur: e.dur ?? 0, self: e.dur ?? 0, cpu: e.tdur ?? 0, beforeTeams, kind };
    if (parent) {
      parent.self -= node.dur;
      parent.cpu -= node.cpu;
    } else tasks.push(node);
    stack.push(node);
  }
  while (stack.length) close(stack.pop());
  const busyUntil = (at) =>
    tasks.filter((t) => t.ts < t0 + at * 1000).reduce((sum, t) => sum + Math.min(t.dur, t0 + at * 1000 - t.ts), 0) / 1000;
  const files = new Map();
  for (const e of events) {
    const data = e.args?.data;
    if (!data?.requestId) continue;
    if (e.name === 'ResourceSendRequest' && data.url?.startsWith(origin))
      files.set(data.requestId, { url: data.url.slice(origin.length), sent: ms(e.ts) });
    const file = files.get(data.requestId);
    if (file && e.name === 'ResourceReceiveResponse') file.response = ms(e.ts);
    // finishTime is when the network had it all; the event itself, when the page's thread heard of it.
    if (file && e.name === 'ResourceFinish')
      Object.assign(file, { done: ms(data.finishTime * 1e6), heard: ms(e.ts), bytes: data.encodedDataLength });
  }
  const boot = main.find((e) => e.name === 'v8.evaluateModule');
  return {
    marks,
    path: criticalPath(events, pid, mainTid, t0, marks),
    self,
    cpu,
    busy: { teams: busyUntil(marks.teams), form: busyUntil(marks.form) },
    boot: (boot?.dur ?? 0) / 1000,
    files: [...files.values()],
    long: tasks.filter((t) => t.dur > 3000).map((t) => ({ at: ms(t.ts), dur: t.dur / 1000 })),
  };
}

/**
 * The one chain a load waits on, in ms from navigation start, with the page thread's CPU (tdur) of its steps: on a
 * busy machine a step's wall time is mostly its wait for a core, so the CPU says what is ours to cut. The app's
 * chunk (the largest of the first screen) is fetched, compiled on a background thread as it streams in (its module
 * cannot run before), evaluated, then React renders the screen in a task of its own, then style and layout.
 */
function criticalPath(events, pid, mainTid, t0, marks) {
  const ms = (ts) => (ts - t0) / 1000;
  const own = events.filter((e) => e.pid === pid && e.ts >= t0);
  const url = (e) => String(e.args?.data?.url ?? '');
  const sent = own.find((e) => e.name === 'ResourceSendRequest' && /\/start-app-[\w-]+\.js$/.test(url(e)));
  const finish = sent && own.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === sent.args.data.requestId);
  const streamed = own.filter((e) => e.name === 'v8.parseOnBackground' && /\/start-app-[\w-]+\.js$/.test(url(e)));
  const onMain = own.filter((e) => e.tid === mainTid && e.ph === 'X');
  // The app's module is the longest evaluated; what V8 parses again in it for the inspector is shown apart.
  const evaluated = onMain.filter((e) => e.name === 'v8.evaluateModule').sort((a, b) => b.dur - a.dur)[0];
  const teams = t0 + marks.teams * 1000;
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const render = evaluated && tasks.filter((e) => e.ts >= evaluated.ts + evaluated.dur && e.ts < teams).sort((a, b) => b.tdur - a.tdur)[0];
  const layout = tasks.find((t) => t.ts >= teams && onMain.some((e) => e.name === 'Layout' && e.ts >= t.ts && e.ts < t.ts + t.dur));
  const cpu = (e) => (e?.tdur ?? 0) / 1000;
  const end = (e) => (e ? ms(e.ts + e.dur) : NaN);
  return {
    html: ms(onMain.find((e) => e.name === 'ParseHTML')?.ts ?? NaN),
    requested: sent ? ms(sent.ts) : NaN,
    fetched: finish?.args?.data?.finishTime ? ms(finish.args.data.finishTime * 1e6) : NaN,
    compiled: streamed.length ? Math.max(...streamed.map(end)) : NaN,
    compileCpu: streamed.reduce((sum, e) => sum + cpu(e), 0),
    evaluated: end(evaluated),
    evaluateCpu: cpu(evaluated),
    inspectorCpu: onMain
      .filter((e) => e.name === 'V8.CollectSourcePositions' && evaluated && e.ts >= evaluated.ts && e.ts < evaluated.ts + evaluated.dur)
      .reduce((sum, e) => sum + cpu(e), 0),
    rendered: end(render),
    renderCpu: cpu(render),
    laidOut: end(layout),
    layoutCpu: cpu(layout),
  };
}

async function traceLoads() {
  const dir = process.env.BENCH_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-trace-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const server = await startCadence(dir);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const results = [];
  try {
    const page = await context.newPage();
    await page.goto(server.signIn);
    if (!process.env.BENCH_DIR) {
      await page.getByRole('button', { name: 'Explore a demo team' }).click();
      await page.getByRole('region', { name: 'Next up' }).waitFor();
    }
    await page.goto(`${server.origin}/#/`);
    await page.locator('ul[aria-label="Teams"] > li').first().waitFor();
    await page.close();
    for (let tries = 0; results.length < LOADS && tries < LOADS * 2; tries++) {
      const load = await context.newPage();
      const cdp = await context.newCDPSession(load);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await load.addInitScript(probe);
      await load.bringToFront();
      await browser.startTracing(load, { categories: CATEGORIES });
      const serverBefore = cpuOf(server.pid).main;
      await load.goto(`${server.origin}/#/`);
      await load.evaluate(() => window.__done);
      const serverAfter = cpuOf(server.pid).main;
      const trace = await browser.stopTracing();
      const rendererPid = JSON.parse(trace.toString()).traceEvents.find(
        (e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(server.origin),
      )?.pid;
      const renderer = rendererPid ? cpuOf(rendererPid) : null;
      await load.close();
      if (process.env.TRACE_KEEP) fs.writeFileSync(`${process.env.TRACE_KEEP}-${results.length}.json`, trace);
      try {
        results.push({ ...analyse(JSON.parse(trace.toString()).traceEvents, server.origin), renderer, server: serverAfter - serverBefore });
      } catch (error) {
        process.stderr.write(`a load left out: ${error.message}\n`);
      }
    }
  } finally {
    await context.close();
    server.stop();
    await browser.close();
    if (!process.env.BENCH_DIR) fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/**
 * CPU time a process has run, in ms: in all (/proc's user and system time, 10 ms ticks, threads that ended
 * included: the date-data worker's), on its main thread and on its pool threads (schedstat, in ns).
 */
function cpuOf(pid) {
  const ranNs = (tid) => Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const [utime, stime] = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .slice(11, 13)
    .map(Number);
  let pool = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('ThreadPoolForeg')) pool += ranNs(tid);
    } catch {
      // a thread that ended meanwhile
    }
  }
  return { total: (utime + stime) * 10, main: ranNs(pid), pool };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const f = (v) => (v === undefined || Number.isNaN(v) ? '   -' : v.toFixed(0).padStart(4));

const results = await traceLoads();
const out = [`\n${results.length} traced cold loads of home, median, ms from navigation start`];
const marks = ['dcl', 'render', 'teams', 'form'];
out.push(`moments: ${marks.map((m) => `${m} ${f(median(results.map((r) => r.marks[m])))}`).join('  ')}`);
out.push(
  `page thread busy: until the teams ${f(median(results.map((r) => r.busy.teams)))}, until the form ${f(median(results.map((r) => r.busy.form)))}; the boot's run ${f(median(results.map((r) => r.boot)))}`,
);
out.push(
  `CPU until the form: the page's process ${f(median(results.map((r) => r.renderer?.total)))} (its main thread ${f(median(results.map((r) => r.renderer?.main)))}, its pool ${f(median(results.map((r) => r.renderer?.pool)))}), the server ${f(median(results.map((r) => r.server)))}`,
);
for (const r of results)
  out.push(
    `  load: teams ${f(r.marks.teams)}  form ${f(r.marks.form)}  busy ${f(r.busy.teams)} / ${f(r.busy.form)}  boot ${f(r.boot)}  cpu page ${f(r.renderer?.total)} main ${f(r.renderer?.main)} pool ${f(r.renderer?.pool)} server ${f(r.server)}`,
  );
const kinds = [...new Set(results.flatMap((r) => Object.keys(r.self)))].sort();
out.push(`page thread by kind, until the form: ${kinds.map((k) => `${k} ${f(median(results.map((r) => r.self[k] ?? 0)))}`).join('  ')}`);
const cpuKinds = [...new Set(results.flatMap((r) => Object.keys(r.cpu)))].sort();
const cpuTotal = median(results.map((r) => Object.values(r.cpu).reduce((a, b) => a + b, 0)));
out.push(
  `page thread CPU by kind, until the teams: ${cpuKinds.map((k) => `${k} ${f(median(results.map((r) => r.cpu[k] ?? 0)))}`).join('  ')}  (all ${f(cpuTotal)})`,
);
const step = (key) => f(median(results.map((r) => r.path[key])));
out.push(
  `critical path, median: HTML parsed from ${step('html')}; the app's chunk requested ${step('requested')}, fetched ${step('fetched')}, ` +
    `compiled on a background thread by ${step('compiled')} (CPU ${step('compileCpu')}); evaluated by ${step('evaluated')} ` +
    `(CPU ${step('evaluateCpu')}, of which the inspector's parse ${step('inspectorCpu')}); React's first render done ${step('rendered')} ` +
    `(CPU ${step('renderCpu')}); teams ${f(median(results.map((r) => r.marks.teams)))}; style and layout done ${step('laidOut')} ` +
    `(CPU ${step('layoutCpu')}); form ${f(median(results.map((r) => r.marks.form)))}`,
);
const last = results.at(-1);
out.push('\nlast load, files: sent / response / done in the network / heard by the page, bytes');
for (const file of last.files)
  out.push(`  ${f(file.sent)} ${f(file.response)} ${f(file.done)} ${f(file.heard)}  ${String(file.bytes ?? '').padStart(7)}  ${file.url}`);
out.push(`last load, the page thread's tasks over 3 ms: ${last.long.map((t) => `${f(t.at)} +${t.dur.toFixed(0)}`).join(', ')}`);
process.stdout.write(`${out.join('\n')}\n`);
