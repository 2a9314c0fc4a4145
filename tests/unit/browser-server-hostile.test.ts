import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type RunningBrowserServer } from '../../src/main/server/browser-server';
import { SessionAuth } from '../../src/main/server/session-auth';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('browser-server-hostile');
const running: { server: RunningBrowserServer; test: TestCore }[] = [];
afterEach(async () => {
  for (const { server, test } of running.splice(0)) {
    await server.close();
    test.close();
  }
  dirs.removeAll();
});

async function serve() {
  const test = await openTestCore();
  const rendererDir = dirs.make();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Cadence</title></head><body></body></html>');
  const server = await startBrowserServer({ core: test.core, auth: new SessionAuth(randomBytes(32)), rendererDir, port: 0 });
  running.push({ server, test });
  return server.port;
}

/** Sends the text as it is (no client would send these addresses) and reads until the server closes the connection. */
function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (data: Buffer) => (answer += data.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('the browser server, sent what no browser sends', () => {
  it('an address that is no URL (`//[`) is refused 400, on a request and on a socket upgrade, and the server goes on', async () => {
    const port = await serve();
    const headers = `Host: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n`;
    const upgrade =
      'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
    expect(statusOf(await sendRaw(port, `GET //[ HTTP/1.1\r\n${headers}${upgrade}\r\n`))).toBe(400);
    expect(statusOf(await sendRaw(port, `GET //[ HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`))).toBe(400);
    expect(
      statusOf(await sendRaw(port, `POST http://[/api/op/teams.list HTTP/1.1\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`)),
    ).toBe(400);
    const page = await sendRaw(port, `GET / HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`);
    expect(statusOf(page)).toBe(200);
    expect(page).toContain('<title>Cadence</title>');
  });
});
