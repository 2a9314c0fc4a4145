import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ChangeFeed } from '../../src/main/core/change-feed';
import { createEventSockets } from '../../src/main/server/event-socket';
import { RENEW_AFTER_MS, SESSION_TTL_MS, SessionAuth } from '../../src/main/server/session-auth';

// The socket's own rules (its session, renewal, the order of event and reply), with an operation door that answers
// what it was asked: what the operations do is the dispatcher's tests' matter.
let now = Date.UTC(2026, 10, 30, 9);
const auth = new SessionAuth(Buffer.alloc(32, 7), () => now);
const feed = new ChangeFeed({ now: () => now });
const sockets = createEventSockets(
  feed,
  auth,
  {
    dispatchSerialized: async (name, input) => {
      // A write publishes its change before it answers, as the dispatcher does.
      if (name === 'live.turn') feed.publish([{ topic: 'meetings' }], name);
      return JSON.stringify({ ok: true, value: { name, input } });
    },
  },
  () => now,
);
const server = http.createServer();
server.on('upgrade', (req, socket, head) => sockets.upgrade(req, socket, head));
const listening = new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
afterAll(() => {
  sockets.close();
  server.close();
});

type Heard = { type: string; id?: number; result?: unknown; session?: string; event?: { operation: string } };

async function signedIn(token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${await listening}/api/events`);
  const heard: Heard[] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', resolve));
  ws.on('message', (data) => heard.push(JSON.parse(String(data)) as Heard));
  await new Promise((resolve) => ws.on('open', resolve));
  ws.send(JSON.stringify({ type: 'auth', token }));
  await expect.poll(() => heard.map((m) => m.type)).toEqual(['hello']);
  const op = (id: number, name: string) => ws.send(JSON.stringify({ type: 'op', id, name, input: { n: id } }));
  return { ws, heard, closed, op };
}

describe('operations on the event socket', () => {
  it('answer by number after the change they made, and carry the renewed token of a session in use', async () => {
    const page = await signedIn(auth.issueSession().token);
    page.op(1, 'live.turn');
    await expect.poll(() => page.heard.length).toBe(3);
    expect(page.heard.slice(1).map((m) => m.type)).toEqual(['change', 'reply']);
    expect(page.heard[2]).toEqual({ type: 'reply', id: 1, result: { ok: true, value: { name: 'live.turn', input: { n: 1 } } } });
    // Past the renewal age, the next reply carries a fresh token; the socket goes on with it past the old one's end.
    now += RENEW_AFTER_MS;
    page.op(2, 'teams.list');
    await expect.poll(() => page.heard.length).toBe(4);
    const renewed = page.heard[3]!.session!;
    expect(auth.check(renewed)).toMatchObject({ ok: true, expiresAt: now + SESSION_TTL_MS });
    now += SESSION_TTL_MS - 1;
    page.op(3, 'teams.list');
    await expect.poll(() => page.heard.at(-1)?.id).toBe(3);
    page.ws.close();
  });

  it('close as signed out once the session has ended, without running the operation', async () => {
    const page = await signedIn(auth.issueSession().token);
    now += SESSION_TTL_MS;
    page.op(1, 'live.turn');
    expect(await page.closed).toBe(4401);
    expect(page.heard.map((m) => m.type)).toEqual(['hello']);
  });
});
