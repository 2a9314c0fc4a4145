import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { ChangeFeed } from '../core/change-feed';
import type { SessionAuth } from './session-auth';

/** The close code a page reads as "signed out": it stops reconnecting and explains the way back in. */
export const CLOSE_SIGNED_OUT = 4401;
const AUTH_WAIT_MS = 10_000;

type SocketMessage = { type: 'auth'; token: string };

function parse(data: unknown): SocketMessage | null {
  try {
    const message = JSON.parse(String(data)) as Partial<SocketMessage>;
    return message.type === 'auth' && typeof message.token === 'string' ? (message as SocketMessage) : null;
  } catch {
    return null;
  }
}

/**
 * WebSocket /api/events. A socket hears nothing until its first message is a valid session token
 * (a WebSocket cannot carry a header, and a token in the address would leak into logs and
 * history). The page sends each renewed token too; a socket whose session ended is closed.
 */
export function createEventSockets(feed: ChangeFeed, auth: SessionAuth, now: () => number = Date.now) {
  // ws and what it loads (zlib, https, tls) are loaded at the first page's socket, not at start-up: some 15 ms of CPU
  // that stood before "ready" and the first screen.
  let wss: WebSocketServer | null = null;
  let closed = false;
  let loading: Promise<WebSocketServer> | null = null;
  const server = () =>
    (loading ??= import('ws').then(({ WebSocketServer }) => (wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 }))));
  const signedIn = new Map<WebSocket, number>();

  const accept = (ws: WebSocket) => {
    const timer = setTimeout(() => ws.close(CLOSE_SIGNED_OUT, 'Not signed in'), AUTH_WAIT_MS);
    ws.on('message', (data) => {
      const message = parse(data);
      const session = auth.check(message?.token);
      if (!session.ok) return void ws.close(CLOSE_SIGNED_OUT, 'Not signed in');
      const first = !signedIn.has(ws);
      signedIn.set(ws, session.expiresAt);
      if (!first) return;
      clearTimeout(timer);
      const hello = feed.since(feed.epoch, Number.MAX_SAFE_INTEGER);
      ws.send(JSON.stringify({ type: 'hello', epoch: hello.epoch, revision: hello.revision }));
    });
    // A message over maxPayload, text that is not UTF-8 or a broken frame is an 'error' on this socket, which ws has
    // already answered by closing it (1009, 1007, 1002): without a listener Node would throw it and stop the server.
    ws.on('error', () => undefined);
    ws.on('close', () => {
      clearTimeout(timer);
      signedIn.delete(ws);
    });
  };

  const unsubscribe = feed.subscribe((event) => {
    const message = JSON.stringify({ type: 'change', event });
    for (const [ws, expiresAt] of signedIn) {
      if (expiresAt <= now()) ws.close(CLOSE_SIGNED_OUT, 'Session ended');
      else ws.send(message);
    }
  });

  return {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      void server().then(
        (ready) => (closed ? socket.destroy() : ready.handleUpgrade(req, socket, head, accept)),
        () => socket.destroy(),
      );
    },
    /** After a sign-out: every page is told at once. */
    closeAll(code = CLOSE_SIGNED_OUT): void {
      for (const ws of wss?.clients ?? []) ws.close(code, 'Signed out');
    },
    close(): void {
      closed = true;
      unsubscribe();
      for (const ws of wss?.clients ?? []) ws.terminate();
      wss?.close();
    },
  };
}
