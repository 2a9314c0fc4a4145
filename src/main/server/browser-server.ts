import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '@shared/csp';
import type { CadenceCore } from '../core/cadence-core';
import type { OpTiming } from '../core/dispatcher';
import { opStatus, opStatusHeaders } from './op-status';
import { checkRequest, requestUrl } from './request-guard';
import { createEventSockets } from './event-socket';
import { bearerToken, type SessionAuth } from './session-auth';
import { staticFiles, type ServedFile } from './static-files';
import { FIRST_READS_PATH, isFirstScreen } from '@shared/first-reads';
import {
  filesNamedIn,
  firstReadsJson,
  mayRedeemOnNavigation,
  requestPauses,
  splitPage,
  startDataBlock,
  startDataJson,
  failedBlock,
  failedPage,
  startingBlock,
} from './start-page';
import { BodyTooLargeError, isJsonContentType, MAX_BODY_BYTES, MAX_SIGN_IN_BODY_BYTES, readBody } from './request-body';

export interface BrowserServerOptions {
  /**
   * The core, or its start still under way: the page and its sign-in are served meanwhile, and an operation or event
   * socket that arrives before the database is open waits for it.
   */
  core: CadenceCore | Promise<CadenceCore>;
  auth: SessionAuth;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** What the page says while the start updates the file (a backup and the migrations), or null: nothing to say. */
  startingWords?: () => string | null;
  /** What the page says once that update failed (set before the core's promise rejects), or null: it did not. */
  failureWords?: () => string | null;
}

export interface RunningBrowserServer {
  port: number;
  /** The address to open, with a fresh one-time code (its page signs in and drops the code from the address bar). */
  signInUrl(): string;
  /**
   * Whether a page a sign-in address opened has asked for the first screen's answers: that page's own reads warm
   * them (and the two would otherwise read each one twice, on the one thread, before its answers go).
   */
  firstReadsAsked(): boolean;
  /**
   * Resolves once the files the last signed-in page's head named have been asked for (or its requests have paused):
   * the start's long steps wait for it, so that page's code is not held back behind them (start-page.ts).
   */
  requestsPaused(): Promise<void>;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The W3C Server-Timing header: a page reads it from the answer (fetch's headers), in ms. */
function serverTiming(t: OpTiming): string {
  return `run;dur=${t.runMs.toFixed(3)}, push;dur=${t.pushMs.toFixed(3)}, publish;dur=${t.publishMs.toFixed(3)}`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

/**
 * node:http as Node's own module, not through an ES import: the ES facade reads every export, and three of them
 * (WebSocket, CloseEvent, MessageEvent) are getters that load fetch's undici, 35 ms of CPU at every start for
 * nothing the server uses.
 */
const http = process.getBuiltinModule('node:http');

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Serves the built renderer and the contract (POST /api/op/<name>, a screen's first reads at once at POST
 * /api/first-reads, WebSocket /api/events) to a browser on this computer only. The same dispatcher the desktop window uses answers.
 * Sign-in: POST /api/session trades a one-time code for a session token; POST
 * /api/session/sign-out ends every session. See session-auth.ts for why no cookie is used.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<RunningBrowserServer> {
  const { auth } = options;
  const opened = Promise.resolve(options.core);
  const events = opened.then((core) => createEventSockets(core.feed, auth, core.dispatcher));
  // A start that fails is said and ends the process where it is awaited (run-browser-server); not again here.
  events.catch(() => undefined);
  const rendererDir = path.resolve(options.rendererDir);
  const files = staticFiles(rendererDir, (urlPath, type, body) => ({
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(body.length),
    // Built files carry their content's hash in their names.
    'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
  }));
  if (!files('/')) throw new Error(`The renderer is not built (${rendererDir}/index.html is missing). Run: npm run build`);
  let port = 0;

  // Cookies other local web apps set for 127.0.0.1 reach this port too; headers up to 1 MB keep
  // a pile of them (a "cookie bomb") from shutting the person out with 431 answers.
  const server = http.createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  const json = (res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) =>
    send(res, status, 'application/json', JSON.stringify(value), extra);
  const fail = (res: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}) =>
    json(res, status, { ok: false, error: { code, message } }, extra);

  /** The body as JSON, or null once an error answer has been sent. */
  async function readJson(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY_BYTES): Promise<{ value: unknown } | null> {
    if (!isJsonContentType(req.headers['content-type'])) {
      fail(res, 415, 'invalid_input', 'JSON only (Content-Type: application/json)');
      return null;
    }
    let body: string;
    try {
      body = await readBody(req, limit);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      fail(res, 413, 'invalid_input', `${error.message}, the most Cadence takes in one request. Nothing was changed.`, {
        Connection: 'close',
      });
      return null;
    }
    try {
      return { value: body.length ? JSON.parse(body) : {} };
    } catch {
      fail(res, 400, 'invalid_input', 'Body is not valid JSON');
      return null;
    }
  }

  let page: { of: ServedFile; head: string; tail: string; files: string[] } | undefined;
  let asked = false;
  const pauses = requestPauses();
  /**
   * The page a sign-in address opens, with its session and the first screen's answers in it (start-page.ts): no
   * sign-in request and no first reads leave the page. Its head goes at once, so the browser fetches the code while
   * the database opens; the answers follow once the requests for that code have paused and the database is open.
   */
  async function servePageSignedIn(res: ServerResponse, file: ServedFile, token: string): Promise<void> {
    asked = true;
    if (page?.of !== file) {
      const { head, tail } = splitPage(file.body.toString('utf8'));
      page = { of: file, head, tail, files: filesNamedIn(head) };
    }
    const { head, tail, files: named } = page;
    const { 'Content-Length': _length, ...headers } = file.headers;
    res.writeHead(200, headers);
    const words = options.startingWords?.() ?? null;
    res.write(words ? head + startingBlock(words) : head);
    pauses.expect(named);
    let data: string;
    try {
      await pauses.paused();
      data = await startDataJson((await opened).dispatcher, token);
    } catch {
      // The start failed (and is said where it is awaited): the session still reaches the page, and an update that
      // failed says so below the words that said it was under way (the page's code then starts no app: main.tsx).
      data = JSON.stringify({ token, reads: [] });
    }
    res.end(failedWords() + startDataBlock(data) + tail);
  }

  /** The failed update's words as the end of a page whose head is sent, or nothing when the start did not fail so. */
  const failedWords = () => {
    const words = options.failureWords?.() ?? null;
    return words ? failedBlock(words) : '';
  };

  /**
   * The open core, or null once the answer is sent: while an update of the data that failed is what the server shows,
   * an operation or a screen's first reads answer 503 `update_failed` with the words its page shows (not a bare 500).
   */
  async function openCore(res: ServerResponse, extra: Record<string, string>): Promise<CadenceCore | null> {
    try {
      return await opened;
    } catch (error) {
      const words = options.failureWords?.() ?? null;
      if (words === null) throw error;
      fail(res, 503, 'update_failed', words, extra);
      return null;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (!url) return send(res, 400, 'text/plain; charset=utf-8', 'Not an address Cadence serves.');
    pauses.heard(url.pathname);
    const isApi = url.pathname.startsWith('/api/');
    const verdict = checkRequest(req, port, isApi && req.method !== 'GET');
    if (!verdict.ok) return send(res, verdict.status, 'text/plain; charset=utf-8', verdict.reason);

    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      // Any other address is one of the app's screens: index.html.
      const file = files(url.pathname) ?? files('/');
      if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      const failure = file === files('/') ? (options.failureWords?.() ?? null) : null;
      if (failure) return send(res, 200, 'text/html; charset=utf-8', failedPage(failure));
      const code = url.searchParams.get('code');
      if (code !== null && file === files('/') && mayRedeemOnNavigation(req) && auth.redeemCode(code))
        return servePageSignedIn(res, file, auth.issueSession().token);
      const words = file === files('/') ? (options.startingWords?.() ?? null) : null;
      if (words) {
        const { 'Content-Length': _length, ...headers } = file.headers;
        res.writeHead(200, headers);
        // The words at once; the rest (the app's code runs once it is there) when the update is done or has failed.
        const { head, tail } = splitPage(file.body.toString('utf8'));
        res.write(head + startingBlock(words));
        await opened.catch(() => undefined);
        return void res.end(failedWords() + tail);
      }
      res.writeHead(200, file.headers);
      return void res.end(file.body);
    }
    if (req.method !== 'POST') return fail(res, 404, 'not_found', 'No such endpoint');

    if (url.pathname === '/api/session') {
      const input = await readJson(req, res, MAX_SIGN_IN_BODY_BYTES);
      if (!input) return;
      const code = (input.value as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || !auth.redeemCode(code)) {
        return fail(res, 401, 'unauthorized', 'This sign-in address has been used or has expired.');
      }
      return json(res, 200, { ok: true, value: auth.issueSession() });
    }

    const session = auth.check(bearerToken(req.headers.authorization));
    if (!session.ok) return fail(res, 401, 'unauthorized', 'Not signed in');
    // A renewed token rides on the answer; the page keeps it in place of the old one.
    const renewed: Record<string, string> = session.renewed ? { 'X-Cadence-Session': session.renewed } : {};

    if (url.pathname === '/api/session/sign-out') {
      auth.signOutEverywhere();
      void events.then((sockets) => sockets.closeAll());
      return json(res, 200, { ok: true, value: null });
    }
    if (url.pathname === FIRST_READS_PATH) {
      asked = true;
      const input = await readJson(req, res);
      if (!input) return;
      const screen = (input.value as { screen?: unknown } | null)?.screen;
      if (!isFirstScreen(screen)) return fail(res, 400, 'invalid_input', 'screen must be "projector", "home" or "other"');
      const core = await openCore(res, renewed);
      if (!core) return;
      const reads = await firstReadsJson(core.dispatcher, screen);
      return send(res, 200, 'application/json', `{"ok":true,"value":${reads}}`, renewed);
    }
    const match = /^\/api\/op\/([A-Za-z.]{1,64})$/.exec(url.pathname);
    if (!match) return fail(res, 404, 'not_found', 'No such endpoint');
    const input = await readJson(req, res);
    if (!input) return;
    // A bench's call (X-Bench) hears where the write's time in main went (Server-Timing), to set beside the page's clock.
    const timing: OpTiming | undefined = req.headers['x-bench'] === '1' ? { runMs: 0, pushMs: 0, publishMs: 0 } : undefined;
    const core = await openCore(res, renewed);
    if (!core) return;
    const result = await core.dispatcher.dispatch(match[1]!, input.value, timing);
    // The status says what happened (op-status.ts); the body is the envelope the socket and the desktop answer with.
    const headers = { ...renewed, ...opStatusHeaders(result), ...(timing ? { 'Server-Timing': serverTiming(timing) } : {}) };
    send(res, opStatus(result), 'application/json', JSON.stringify(result), headers);
  }

  server.on('upgrade', (req, socket, head) => {
    const verdict = checkRequest(req, port, true);
    const url = requestUrl(req);
    if (!verdict.ok || url?.pathname !== '/api/events') {
      const status = !verdict.ok ? verdict.status : url ? 404 : 400;
      socket.write(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\n\r\n`);
      socket.destroy();
      return;
    }
    // A socket that breaks while it waits (for the database to open, for ws to load) is dropped, not left to throw.
    socket.on('error', () => socket.destroy());
    void events.then(
      (sockets) => sockets.upgrade(req, socket, head),
      () => socket.destroy(),
    );
  });

  port = await listen(server, options.port);

  return {
    port,
    signInUrl: () => `http://127.0.0.1:${port}/?code=${auth.issueCode()}`,
    firstReadsAsked: () => asked,
    requestsPaused: () => pauses.paused(),
    close: () =>
      new Promise<void>((resolve) => {
        void events.then(
          (sockets) => sockets.close(),
          () => undefined,
        );
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
