import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CadenceCore } from '../../src/main/core/cadence-core';
import { startBrowserServer, type RunningBrowserServer } from '../../src/main/server/browser-server';
import { filesNamedIn, requestPauses } from '../../src/main/server/start-page';
import { SessionAuth } from '../../src/main/server/session-auth';
import { FIRST_READS_PATH, FIRST_SCREENS, firstReadsOf, START_DATA_ID, type StartData } from '../../src/shared/first-reads';
import { openTestCore, type TestCore } from '../support/core';
import { bearer, rawRequest } from '../support/http';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('start-page');
const running: { server?: RunningBrowserServer; test?: TestCore }[] = [];
afterEach(async () => {
  for (const { server, test } of running.splice(0)) {
    await server?.close();
    test?.close();
  }
  dirs.removeAll();
});

/** What Chromium sends when a person opens an address from a terminal or types it. */
const OPENED = { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'none', 'Sec-Fetch-User': '?1' };
const HOSTILE_NAME = '</script><script>alert(1)</script>';

function rendererDir(): string {
  const dir = dirs.make();
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><title>Cadence</title><script type="module" src="./assets/boot.js"></script></head><body><div id="root"></div></body></html>',
  );
  return dir;
}

async function serve(core: CadenceCore | Promise<CadenceCore>) {
  const auth = new SessionAuth(randomBytes(32));
  const server = await startBrowserServer({ core, auth, rendererDir: rendererDir(), port: 0 });
  const origin = `http://127.0.0.1:${server.port}`;
  const entry: (typeof running)[number] = { server };
  running.push(entry);
  const call = async (name: string, token: string) => {
    const res = await rawRequest({
      port: server.port,
      method: 'POST',
      path: `/api/op/${name}`,
      headers: { 'Content-Type': 'application/json', Origin: origin, ...bearer(token) },
      body: name === 'events.since' ? '{"epoch":"","revision":0}' : '{}',
    });
    return { status: res.status, body: JSON.parse(res.body) as unknown };
  };
  const redeem = (code: string) =>
    rawRequest({
      port: server.port,
      method: 'POST',
      path: '/api/session',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ code }),
    });
  return {
    server,
    auth,
    entry,
    call,
    redeem,
    open: (code: string, headers: Record<string, string>) => rawRequest({ port: server.port, path: `/?code=${code}`, headers }),
  };
}

/** The StartData a page carries, or null. */
function startDataOf(html: string): StartData | null {
  const match = new RegExp(`<script type="application/json" id="${START_DATA_ID}">(.*?)</script>`).exec(html);
  return match ? (JSON.parse(match[1]!) as StartData) : null;
}

async function coreWithTeam(): Promise<TestCore> {
  const test = await openTestCore(undefined, dirs.make());
  await test.call('teams.create', { name: HOSTILE_NAME, timeZone: 'UTC', members: ['Ana'] });
  return test;
}

describe('the page a sign-in address opens', () => {
  it("carries the session its code was traded for and the first screen's answers, as the API gives them", async () => {
    const test = await coreWithTeam();
    const { auth, entry, call, redeem, open } = await serve(test.core);
    entry.test = test;
    const code = auth.issueCode();
    const page = await open(code, OPENED);
    expect(page.status).toBe(200);
    expect(page.headers['content-length']).toBeUndefined();
    // A typed team name cannot end the data block or open markup of its own.
    expect(page.body).not.toContain(HOSTILE_NAME);
    expect(page.body.match(/<script/g)).toHaveLength(2);
    const data = startDataOf(page.body)!;
    expect(data.reads.map(([name]) => name)).toEqual([
      'events.since',
      'settings.get',
      'app.info',
      'teams.list',
      'meetings.nextUp',
      'me.list',
    ]);
    for (const [name, , answer] of data.reads) expect(answer, name).toEqual((await call(name, data.token)).body);
    expect(JSON.stringify(data.reads)).toContain(HOSTILE_NAME);
    // The code is spent, as if the page had traded it itself.
    expect((await redeem(code)).status).toBe(401);
  });

  it('is the plain page, with the code left unspent, for anything but the browser opening it', async () => {
    const test = await coreWithTeam();
    const { auth, entry, redeem, open } = await serve(test.core);
    entry.test = test;
    const others: [string, Record<string, string>][] = [
      ['a client that sends no Sec-Fetch headers', {}],
      ['a prefetch of the address', { ...OPENED, 'Sec-Purpose': 'prefetch' }],
      ['a prerender of the address', { ...OPENED, 'Sec-Purpose': 'prefetch;prerender' }],
      ["another site's link", { ...OPENED, 'Sec-Fetch-Site': 'cross-site' }],
      ["a script's fetch", { 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Site': 'same-origin' }],
      ['a frame', { ...OPENED, 'Sec-Fetch-Dest': 'iframe' }],
    ];
    for (const [who, headers] of others) {
      const code = auth.issueCode();
      const page = await open(code, headers);
      expect(page.status, who).toBe(200);
      expect(page.body, who).not.toContain(START_DATA_ID);
      expect((await redeem(code)).status, `${who}: the code still signs in`).toBe(200);
    }
    // An unknown or spent code opens the plain page, which says the address was used.
    const spent = auth.issueCode();
    expect((await redeem(spent)).status).toBe(200);
    for (const code of [spent, 'made-up']) expect((await open(code, OPENED)).body).not.toContain(START_DATA_ID);
  });

  it('sends its head before the database is open, and the answers once it is', async () => {
    const dataDir = dirs.make();
    let open: (core: CadenceCore) => void = () => {};
    const { server, auth, entry } = await serve(new Promise<CadenceCore>((resolve) => (open = resolve)));
    const chunks: string[] = [];
    const ended = new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: `/?code=${auth.issueCode()}`, headers: OPENED }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => chunks.push(chunk));
        res.on('end', resolve);
      });
      req.on('error', reject);
    });
    await expect.poll(() => chunks.join('')).toContain('<div id="root"></div>');
    expect(chunks.join('')).not.toContain(START_DATA_ID);
    // Asked for already: the warm-up that runs once the database is open leaves these reads to the page.
    expect(server.firstReadsAsked()).toBe(true);
    const test = await openTestCore(undefined, dataDir);
    entry.test = test;
    open(test.core);
    await ended;
    const data = startDataOf(chunks.join(''))!;
    expect(data.reads.find(([name]) => name === 'teams.list')?.[2]).toEqual({ ok: true, value: [] });
    expect(chunks.join('')).toMatch(/<\/script><\/body><\/html>$/);
  });
});

describe("a screen's first reads in one request", () => {
  it('answer each read as its own request would, in the listed order, for a session only', async () => {
    const test = await coreWithTeam();
    const { server, auth, entry, call } = await serve(test.core);
    entry.test = test;
    const { token } = auth.issueSession();
    const origin = `http://127.0.0.1:${server.port}`;
    const ask = (body: string, session: string | null) =>
      rawRequest({
        port: server.port,
        method: 'POST',
        path: FIRST_READS_PATH,
        headers: { 'Content-Type': 'application/json', Origin: origin, ...(session ? bearer(session) : {}) },
        body,
      });
    for (const screen of FIRST_SCREENS) {
      const res = await ask(JSON.stringify({ screen }), token);
      expect(res.status).toBe(200);
      const answer = JSON.parse(res.body) as { ok: true; value: StartData['reads'] };
      expect(answer.value.map(([name, input]) => [name, input])).toEqual(firstReadsOf(screen));
      for (const [name, , read] of answer.value) expect(read, `${screen}: ${name}`).toEqual((await call(name, token)).body);
    }
    // Asked for by a page: the warm-up leaves these reads to it.
    expect(server.firstReadsAsked()).toBe(true);
    expect((await ask('{"screen":"home"}', null)).status).toBe(401);
    const unknown = await ask('{"screen":"settings"}', token);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'screen must be "projector", "home" or "other"' },
    });
  });
});

describe("the start's long steps wait for the page's first requests", () => {
  it('until no request has come for the quiet time, and never longer than the most', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      const pauses = requestPauses(15, 100);
      const at = (wait: Promise<void>) => wait.then(() => performance.now());
      // Nothing heard: at once.
      const start = performance.now();
      expect(await at(pauses.paused())).toBe(start);
      // The page, then its code asked for 10 ms later: 15 ms after that.
      pauses.heard('/');
      const afterCode = at(pauses.paused());
      await vi.advanceTimersByTimeAsync(10);
      pauses.heard('/assets/app.js');
      await vi.advanceTimersByTimeAsync(30);
      expect(await afterCode).toBe(start + 25);
      // Requests that never pause: the most.
      pauses.heard('/');
      const asked = performance.now();
      const busy = at(pauses.paused());
      for (let i = 0; i < 30; i++) {
        pauses.heard('/assets/app.js');
        await vi.advanceTimersByTimeAsync(5);
      }
      expect(await busy).toBe(asked + 100);
    } finally {
      vi.useRealTimers();
    }
  });

  it('end as soon as every file the head named has been asked for, or after the quiet time if the browser asks for none', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      const pauses = requestPauses(15, 100);
      const at = (wait: Promise<void>) => wait.then(() => performance.now());
      const sent = performance.now();
      pauses.expect(['/assets/boot.js', '/assets/app.css']);
      const code = at(pauses.paused());
      await vi.advanceTimersByTimeAsync(12);
      pauses.heard('/assets/boot.js');
      await vi.advanceTimersByTimeAsync(12);
      // A file the head did not name is no reason to go on.
      pauses.heard('/favicon.ico');
      await vi.advanceTimersByTimeAsync(2);
      pauses.heard('/assets/app.css');
      await vi.advanceTimersByTimeAsync(0);
      expect(await code).toBe(sent + 26);
      // Named and asked for: later steps wait for nothing.
      await vi.advanceTimersByTimeAsync(1);
      expect(await at(pauses.paused())).toBe(sent + 27);
      // A head whose files the browser has in its cache: nothing is asked for, and the quiet time ends the wait.
      const again = performance.now();
      pauses.expect(['/assets/boot.js']);
      const cached = at(pauses.paused());
      await vi.advanceTimersByTimeAsync(50);
      expect(await cached).toBe(again + 15);
      // One it never asks for, among requests that never pause: each later step waits no later than the most after the
      // head, not the most again.
      const third = performance.now();
      pauses.expect(['/assets/boot.js']);
      const steps = [at(pauses.paused())];
      for (let i = 0; i < 30; i++) {
        pauses.heard('/api/op/teams.list');
        if (i === 12) steps.push(at(pauses.paused()));
        await vi.advanceTimersByTimeAsync(5);
      }
      expect(await Promise.all(steps)).toEqual([third + 100, third + 100]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("are the files the built page's head names: its code, styles, font and preloads, and nothing outside the app", () => {
    const head =
      '<script type="module" crossorigin src="./assets/index-C2.js"></script><link rel="stylesheet" crossorigin href="./assets/index.css">' +
      '<link rel="preload" as="font" type="font/woff2" crossorigin href="./assets/inter.woff2">' +
      '<link rel="modulepreload" crossorigin href="./assets/start-app-q.js"><a href="https://example.org/assets/x.js">';
    expect(filesNamedIn(head)).toEqual(['/assets/index-C2.js', '/assets/index.css', '/assets/inter.woff2', '/assets/start-app-q.js']);
  });
});
