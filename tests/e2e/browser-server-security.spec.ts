import { expect, test } from '@playwright/test';
import net from 'node:net';
import { contentSecurityPolicy } from '../../src/shared/csp';
import { rawRequest, signIn, tryUpgrade } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
test.beforeEach(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  await server.stop();
});

const listTeams = (port: number, headers: Record<string, string>, host?: string) =>
  rawRequest({
    port,
    host,
    method: 'POST',
    path: '/api/op/teams.list',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: '{}',
  });

test('the one-time code signs in once, sets a strict HttpOnly cookie and leaves the address bar', async () => {
  const parsed = new URL(server.url);
  const first = await rawRequest({ port: server.port, path: parsed.pathname + parsed.search });
  expect(first.status).toBe(303);
  expect(first.headers.location).toBe('/');
  const cookie = String(first.headers['set-cookie']);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Strict');
  const again = await rawRequest({ port: server.port, path: parsed.pathname + parsed.search });
  expect(again.status).toBe(401);
  expect(again.body).toContain('used or has expired');
});

test('the API refuses requests without the session, from another origin, or for another host', async () => {
  const cookie = await signIn(server.url);
  const origin = server.origin;

  expect((await listTeams(server.port, { Origin: origin })).status).toBe(401);
  expect((await listTeams(server.port, { Origin: origin, Cookie: 'cadence_session=forged.token.value' })).status).toBe(401);
  expect((await listTeams(server.port, { Origin: 'http://evil.example', Cookie: cookie })).status).toBe(403);
  expect((await listTeams(server.port, { Cookie: cookie })).status).toBe(403); // no Origin on a write
  // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own Host.
  expect((await listTeams(server.port, { Origin: origin, Cookie: cookie }, `rebind.example:${server.port}`)).status).toBe(421);

  const ok = await listTeams(server.port, { Origin: origin, Cookie: cookie });
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
});

test('the event socket refuses a missing session and a foreign origin', async () => {
  const cookie = await signIn(server.url);
  expect(await tryUpgrade(server.port, { Origin: server.origin })).not.toBe(101);
  expect(await tryUpgrade(server.port, { Origin: 'http://evil.example', Cookie: cookie })).not.toBe(101);
  expect(await tryUpgrade(server.port, { Cookie: cookie })).not.toBe(101);
  expect(await tryUpgrade(server.port, { Origin: server.origin, Cookie: cookie })).toBe(101);
});

test('pages carry the same Content-Security-Policy as the desktop window', async () => {
  const page = await rawRequest({ port: server.port, path: '/' });
  expect(page.status).toBe(200);
  expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy());
  expect(page.headers['x-frame-options']).toBe('DENY');
});

test('it listens on 127.0.0.1 only: another loopback address is refused', async () => {
  const refused = await new Promise<string>((resolve) => {
    const socket = net.connect({ host: '127.0.0.2', port: server.port });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
  expect(refused).toBe('ECONNREFUSED');
});

test('bad input gets a clear error and writes nothing', async () => {
  const cookie = await signIn(server.url);
  const post = (body: string) =>
    rawRequest({
      port: server.port,
      method: 'POST',
      path: '/api/op/teams.create',
      headers: { 'Content-Type': 'application/json', Origin: server.origin, Cookie: cookie },
      body,
    });
  const empty = JSON.parse((await post('{"name":"   ","timeZone":"UTC"}')).body);
  expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Team name is required' } });
  expect((await post('{not json')).status).toBe(400);
  const zone = JSON.parse((await post('{"name":"Ops","timeZone":"Mars/Olympus"}')).body);
  expect(zone.error.message).toContain('IANA');
  const list = JSON.parse((await listTeams(server.port, { Origin: server.origin, Cookie: cookie })).body);
  expect(list.value).toEqual([]);
});
