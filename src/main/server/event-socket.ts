import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { CLOSE_SIGNED_OUT, SOCKET_MAX_PAYLOAD, type PageMessage } from '@shared/event-socket';
import type { ChangeFeed } from '../core/change-feed';
import type { OpTiming } from '../core/dispatcher';
import type { SessionAuth } from './session-auth';

export { CLOSE_SIGNED_OUT };
const AUTH_WAIT_MS = 10_000;
/** What ws closes with when a message breaks the rules (RFC 6455's 1008, policy violation). */
const CLOSE_POLICY = 1008;

/** The operations' one door, as the socket uses it: the answer already serialised, as HTTP sends it. */
export interface SocketDispatch {
  dispatchSerialized(name: string, input: unknown, timing?: OpTiming): Promise<string>;
}

// The names the HTTP endpoint takes (/api/op/<name>).
const OPERATION_NAME = /^[A-Za-z.]{1,64}$/;

function parse(data: unknown): PageMessage | null {
  try {
    const message = JSON.parse(String(data)) as Partial<Record<keyof PageMessage | 'token' | 'id' | 'name', unknown>>;
    if (message.type === 'auth') return typeof message.token === 'string' ? (message as PageMessage) : null;
    if (message.type !== 'op') return null;
    const { id, name } = message;
    return Number.isSafeInteger(id) && (id as number) >= 0 && typeof name === 'string' && OPERATION_NAME.test(name)
      ? (message as PageMessage)
      : null;
  } catch {
    return null;
  }
}

/** The reply as text, built around the dispatcher's own serialised answer rather than parsing it to send it again. */
function reply(id: number, result: string, session: string | null, timing: OpTiming | undefined): string {
  const extra =
    (session ? `,"session":${JSON.stringify(session)}` : '') +
    (timing ? `,"timing":${JSON.stringify({ run: timing.runMs, push: timing.pushMs, publish: timing.publishMs })}` : '');
  return `{"type":"reply","id":${id},"result":${result}${extra}}`;
}

/**
 * WebSocket /api/events. A socket hears nothing until its first message is a valid session token (a WebSocket cannot
 * carry a header, and a token in the address would leak into logs and history). Once signed in it hears every change
 * event and may send operations, each checked against its session again (a sign-out elsewhere or an expired session
 * closes it, as a refused fetch would end the page's session); the page sends each renewed token too. The upgrade
 * itself passed the Host and Origin checks of every other request (browser-server.ts).
 */
export function createEventSockets(feed: ChangeFeed, auth: SessionAuth, dispatcher: SocketDispatch, now: () => number = Date.now) {
  // ws and what it loads (zlib, https, tls) are loaded at the first page's socket, not at start-up: some 15 ms of CPU
  // that stood before "ready" and the first screen.
  let wss: WebSocketServer | null = null;
  let closed = false;
  let loading: Promise<WebSocketServer> | null = null;
  const server = () =>
    (loading ??= import('ws').then(
      ({ WebSocketServer }) => (wss = new WebSocketServer({ noServer: true, maxPayload: SOCKET_MAX_PAYLOAD })),
    ));
  const signedIn = new Map<WebSocket, { token: string; expiresAt: number }>();

  async function operate(ws: WebSocket, message: Extract<PageMessage, { type: 'op' }>): Promise<void> {
    const held = signedIn.get(ws)!;
    const session = auth.check(held.token);
    if (!session.ok) return void ws.close(CLOSE_SIGNED_OUT, 'Session ended');
    // As a fetch's answer does, the reply carries a renewed token: a session in use never ends.
    if (session.renewed) signedIn.set(ws, { token: session.renewed, expiresAt: session.expiresAt });
    const timing: OpTiming | undefined = message.timing === true ? { runMs: 0, pushMs: 0, publishMs: 0 } : undefined;
    const result = await dispatcher.dispatchSerialized(message.name, message.input, timing);
    if (ws.readyState === ws.OPEN) ws.send(reply(message.id, result, session.renewed, timing));
  }

  const accept = (ws: WebSocket) => {
    const timer = setTimeout(() => ws.close(CLOSE_SIGNED_OUT, 'Not signed in'), AUTH_WAIT_MS);
    ws.on('message', (data) => {
      const message = parse(data);
      if (message?.type === 'op') {
        if (!signedIn.has(ws)) return void ws.close(CLOSE_SIGNED_OUT, 'Not signed in');
        return void operate(ws, message).catch(() => ws.close(1011, 'Internal error'));
      }
      if (message === null && signedIn.has(ws)) return void ws.close(CLOSE_POLICY, 'Not a message Cadence takes');
      const session = auth.check(message?.token);
      if (!session.ok) return void ws.close(CLOSE_SIGNED_OUT, 'Not signed in');
      const first = !signedIn.has(ws);
      signedIn.set(ws, { token: message!.token, expiresAt: session.expiresAt });
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
    for (const [ws, { expiresAt }] of signedIn) {
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
