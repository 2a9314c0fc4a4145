import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { servedCores } from '../support/served-core';

const cores = servedCores('browser-server-hostile');
afterEach(() => cores.closeAll());

const serve = async () => (await cores.serve()).server.port;

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
