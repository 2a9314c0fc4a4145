import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy } from '@shared/csp';
import type { CadenceCore } from '../core/cadence-core';
import { checkRequest } from './request-guard';
import { readCookie, SESSION_COOKIE, type SessionAuth } from './session-auth';
import { resolveStatic } from './static-files';

// A 20 MB team archive (archive.import) sent as a JSON string, escapes and all.
const MAX_BODY_BYTES = 48 * 1024 * 1024;

export interface BrowserServerOptions {
  core: CadenceCore;
  auth: SessionAuth;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningBrowserServer {
  port: number;
  /** The address to open, with a fresh one-time code. */
  signInUrl(): string;
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

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function listen(server: http.Server, port: number): Promise<number> {
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
 * Serves the built renderer and the contract (POST /api/op/<name>, WebSocket /api/events)
 * to a browser on this computer only. The same dispatcher the desktop window uses answers.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<RunningBrowserServer> {
  const { core, auth } = options;
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing). Run: npm run build`);
  }
  let port = 0;
  const sockets = new Set<WebSocket>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    const verdict = checkRequest(req, port, isApi && req.method !== 'GET');
    if (!verdict.ok) return send(res, verdict.status, 'text/plain; charset=utf-8', verdict.reason);

    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      const code = url.searchParams.get('code');
      if (code !== null) {
        // Trade the one-time code for a cookie and drop it from the address bar.
        if (!auth.redeemCode(code)) {
          return send(res, 401, 'text/html; charset=utf-8', expiredCodePage());
        }
        res.writeHead(303, { ...SECURITY_HEADERS, 'Set-Cookie': auth.cookieHeader(auth.issueSession()), Location: '/' });
        return void res.end();
      }
      const file = resolveStatic(rendererDir, url.pathname) ?? resolveStatic(rendererDir, '/');
      if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      const immutable = url.pathname.startsWith('/assets/');
      return send(res, 200, file.type, fs.readFileSync(file.file), {
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      });
    }

    if (!auth.verifySession(readCookie(req.headers.cookie, SESSION_COOKIE))) {
      return send(res, 401, 'application/json', JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'Not signed in' } }));
    }
    const match = /^\/api\/op\/([A-Za-z.]{1,64})$/.exec(url.pathname);
    if (!match || req.method !== 'POST')
      return send(res, 404, 'application/json', '{"ok":false,"error":{"code":"not_found","message":"No such endpoint"}}');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, 'application/json', '{"ok":false,"error":{"code":"invalid_input","message":"JSON only"}}');
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 413, 'application/json', '{"ok":false,"error":{"code":"invalid_input","message":"Request too large"}}');
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      return send(res, 400, 'application/json', '{"ok":false,"error":{"code":"invalid_input","message":"Body is not valid JSON"}}');
    }
    send(res, 200, 'application/json', await core.dispatcher.dispatchSerialized(match[1]!, input));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const verdict = checkRequest(req, port, true);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const signedIn = auth.verifySession(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!verdict.ok || url.pathname !== '/api/events' || !signedIn) {
      socket.write(`HTTP/1.1 ${verdict.ok ? 401 : verdict.status} Refused\r\nConnection: close\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      const hello = core.feed.since(core.feed.epoch, Number.MAX_SAFE_INTEGER);
      ws.send(JSON.stringify({ type: 'hello', epoch: hello.epoch, revision: hello.revision }));
    });
  });
  const unsubscribe = core.feed.subscribe((event) => {
    const message = JSON.stringify({ type: 'change', event });
    for (const ws of sockets) ws.send(message);
  });

  port = await listen(server, options.port);

  return {
    port,
    signInUrl: () => `http://127.0.0.1:${port}/?code=${auth.issueCode()}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function expiredCodePage(): string {
  return `<!doctype html><meta charset="utf-8"><title>Cadence</title>
<body style="font-family:system-ui;max-width:36rem;margin:4rem auto;line-height:1.5">
<h1>This sign-in link has been used or has expired</h1>
<p>Each address Cadence prints works once. Look in the terminal where <code>npm start</code> runs for a fresh one, or restart it.</p></body>`;
}
