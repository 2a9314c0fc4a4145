import type { CadenceApi } from '@shared/api';
import { CLOSE_SIGNED_OUT, SOCKET_MAX_INPUT_CHARS, type MainMessage } from '@shared/event-socket';
import type { ChangeEvent } from '@shared/events';
import { FIRST_READS_PATH, type FirstScreen, type StartData } from '@shared/first-reads';
import type { OpResult } from '@shared/result';
import { onTokenChange, readToken, takeSignInCode, writeToken } from './session-token';
import { startData, startFailed } from './start-data';

/**
 * 'not-signed-in': no session in this browser; 'address-used': the sign-in address had been used
 * or had expired; 'session-ended': the session expired or was ended elsewhere; 'signed-out': this
 * page signed out. Each of the four shows the way back in.
 */
export type ConnectionState = 'connected' | 'reconnecting' | 'not-signed-in' | 'address-used' | 'session-ended' | 'signed-out';

export function isSignedOut(state: ConnectionState): boolean {
  return state !== 'connected' && state !== 'reconnecting';
}

export interface HttpTransport extends CadenceApi {
  signOut(): Promise<void>;
  /** Whether change events reach this page now (its socket is signed in); a write's page refreshes itself when not. */
  hearing(): boolean;
  /** A screen's first reads in one request (the socket is not signed in yet as the page starts): StartData's reads. */
  firstReads(screen: FirstScreen): Promise<OpResult<StartData['reads']>>;
}

/** The longest wait between two attempts to reach the server again: it is on this computer, so trying is cheap. */
const RETRY_MAX_MS = 2_000;

const failure = (message: string) => ({ ok: false, error: { code: 'internal', message } }) as OpResult<never>;
const NOT_SIGNED_IN = 'Not signed in: open a fresh sign-in address (press Enter where npm start runs).';
// Sent, then the connection went: main may or may not have done it, and the page cannot know which.
const DROPPED =
  'The connection to Cadence dropped before it answered. Is `npm start` still running? If this was a change, check whether it shows before doing it again.';

const UNREADABLE =
  'Cadence refused this request without saying why. Reload the page and try again; if it was a change, check whether it shows first.';

/**
 * The browser mode's transport: change events over a WebSocket whose first message is the token, reconnecting by
 * itself; the contract's operations on that socket once it is signed in (a message each way: about a quarter of a
 * fetch's round trip), else, and for an input too large for a socket message, over POST /api/op/<name> with the
 * session token in a header. It reports the connection state so the page can say clearly what is going on.
 */
export function createHttpTransport(onState: (state: ConnectionState) => void): HttpTransport {
  const listeners = new Set<(event: ChangeEvent) => void>();
  let token = readToken();
  let socket: WebSocket | null = null;
  let retry = 0;
  let addressFailed = false;
  let hearing = false;
  /** The operations sent on the socket, by their number, until their reply (or the socket's end) settles them. */
  const pending = new Map<number, (result: OpResult<never>) => void>();
  let numbered = 0;

  const setToken = (next: string | null) => {
    token = next;
    writeToken(next);
  };

  function endSession(state: ConnectionState): void {
    setToken(null);
    socket?.close();
    onState(addressFailed && state === 'session-ended' ? 'address-used' : state);
  }

  async function redeem(code: string): Promise<void> {
    try {
      const response = await fetch('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      const result = (await response.json()) as OpResult<{ token: string }>;
      if (result.ok) return setToken(result.value.token);
      addressFailed = true;
      // A used address in a browser that is still signed in: carry on with that session.
      if (!token) onState('address-used');
    } catch {
      onState('reconnecting');
    }
  }

  function connect(): void {
    // A page that says the update failed runs no app: nothing to hear, and main has no data to answer with.
    if (!token || socket || startFailed()) return;
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`);
    socket = ws;
    ws.onopen = () => {
      retry = 0;
      ws.send(JSON.stringify({ type: 'auth', token }));
    };
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as MainMessage;
      if (data.type === 'reply') {
        // The token it was sent with is still this page's: main renewed that one (as a fetch's answer header does).
        if (data.session && token && socket === ws) setToken(data.session);
        pending.get(data.id)?.(data.result as OpResult<never>);
        pending.delete(data.id);
      } else if (data.type === 'hello') {
        hearing = true;
        onState('connected');
        // A synthetic event with revision 0 tells the client to check what it missed.
        for (const l of listeners) l({ epoch: data.epoch, revision: data.revision, changes: [], operation: 'hello', at: Date.now() });
      } else {
        for (const l of listeners) l(data.event);
      }
    };
    ws.onclose = (event) => {
      if (socket === ws) socket = null;
      hearing = false;
      for (const settle of pending.values()) settle(failure(event.code === CLOSE_SIGNED_OUT ? NOT_SIGNED_IN : DROPPED));
      pending.clear();
      if (event.code === CLOSE_SIGNED_OUT) {
        if (token) endSession('session-ended');
        return;
      }
      if (!token) return;
      onState('reconnecting');
      retry = Math.min(retry + 1, 8);
      setTimeout(connect, Math.min(RETRY_MAX_MS, 250 * 2 ** retry));
    };
  }

  const code = takeSignInCode();
  // The page its sign-in address opened holds the session that address was traded for: no request to make.
  const given = startData()?.token;
  if (given) setToken(given);
  const ready = (code && !given ? redeem(code) : Promise.resolve()).then(() => {
    if (token) connect();
    else if (!addressFailed) onState('not-signed-in');
  });

  onTokenChange((next) => {
    token = next;
    if (next) {
      addressFailed = false;
      connect();
    } else {
      socket?.close();
      onState('signed-out');
    }
  });

  /** The operation on the signed-in socket, or null when it must go by fetch (no socket heard hello, a large input). */
  function onSocket(name: string, input: unknown): Promise<OpResult<never>> | null {
    const ws = socket;
    if (!hearing || ws?.readyState !== WebSocket.OPEN) return null;
    const text = JSON.stringify(input ?? {});
    if (text.length > SOCKET_MAX_INPUT_CHARS) return null;
    const id = numbered++;
    ws.send(`{"type":"op","id":${id},"name":${JSON.stringify(name)},"input":${text}}`);
    return new Promise((resolve) => pending.set(id, resolve));
  }

  /** A POST to main with the session: its answer, or a failure that says why there is none. */
  async function post<T>(path: string, body: unknown): Promise<OpResult<T>> {
    await ready;
    const sent = token;
    if (!sent) return failure(NOT_SIGNED_IN);
    let response: Response;
    try {
      response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sent}` },
        body: JSON.stringify(body ?? {}),
      });
    } catch {
      onState('reconnecting');
      return failure('Cadence is not reachable. Is `npm start` still running? Nothing was saved.');
    }
    if (response.status === 401) {
      if (token === sent) endSession('session-ended');
      return failure(NOT_SIGNED_IN);
    }
    const renewed = response.headers.get('X-Cadence-Session');
    if (renewed && token === sent) {
      setToken(renewed);
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'auth', token: renewed }));
    }
    // An operation's error comes with a status that says what happened (404, 409, 422, 500, 507...) and the same
    // envelope in its body: the body's words are what the person reads, whatever the status. Only an answer that is
    // not the envelope (a refusal before the contract, in plain text) is said in words of the page's own.
    try {
      const result = (await response.json()) as OpResult<T> | null;
      if (result && typeof result === 'object' && typeof result.ok === 'boolean') return result;
    } catch {
      // Not JSON: said below.
    }
    return failure(UNREADABLE);
  }

  return {
    transport: 'http',
    async invoke(name, input) {
      await ready;
      if (!token) return failure(NOT_SIGNED_IN);
      return onSocket(name, input) ?? post(`/api/op/${name}`, input);
    },
    firstReads: (screen) => post(FIRST_READS_PATH, { screen }),
    hearing: () => hearing,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async signOut() {
      await ready;
      const sent = token;
      endSession('signed-out');
      if (!sent) return;
      await fetch('/api/session/sign-out', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sent}` },
        body: '{}',
      }).catch(() => undefined);
    },
  };
}
