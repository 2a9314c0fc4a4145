/**
 * The browser mode's WebSocket (/api/events), both ways. A page signs in with its first message, then hears change
 * events; once signed in it also sends its operations on it. An operation over the open socket costs a message each
 * way, where a fetch costs an HTTP request through Chromium's network stack: about 1 ms against 4-5 ms on loopback,
 * and every write is shown after its round trip.
 */
import type { ChangeEvent } from './events';

/** The largest message main takes on the socket (ws's maxPayload): an unsigned socket can send this much at most. */
export const SOCKET_MAX_PAYLOAD = 64 * 1024;

/**
 * The longest operation input (in UTF-16 units, as JSON) a page sends on the socket: at most 3 UTF-8 bytes a unit,
 * with room for the envelope, stays under SOCKET_MAX_PAYLOAD. A larger input (an archive import) goes by fetch.
 */
export const SOCKET_MAX_INPUT_CHARS = 20 * 1024;

/** The close code a page reads as "signed out": it stops reconnecting and explains the way back in. */
export const CLOSE_SIGNED_OUT = 4401;

/** A page's messages: its session token (first, and again when renewed), then operations numbered by the page. */
export type PageMessage = { type: 'auth'; token: string } | { type: 'op'; id: number; name: string; input: unknown; timing?: boolean };

/** Where an operation's time in main went, in ms (asked for by a bench: `timing: true`). */
export interface SocketTiming {
  run: number;
  push: number;
  publish: number;
}

/**
 * Main's messages: hello once signed in; every change event; the answer to an operation (an OpResult), with the
 * session's renewed token when it was renewed. A write's change event goes out before its reply.
 */
export type MainMessage =
  | { type: 'hello'; epoch: string; revision: number }
  | { type: 'change'; event: ChangeEvent }
  | { type: 'reply'; id: number; result: unknown; session?: string; timing?: SocketTiming };
