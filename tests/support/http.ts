import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the headers given (fetch would add or forbid some, such as Host and Origin). */
export function rawRequest(options: {
  port: number;
  host?: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  connectTo?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.connectTo ?? '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: options.host ?? `127.0.0.1:${options.port}`, ...options.headers },
        setHost: false,
        // A connection of its own each time. Node's agent reuses a kept-alive one for up to 4 s of its own clock, but
        // with both cores busy (load 20-25) the test's process stalled past the server's 5 s idle limit between two
        // requests, and the next one went out on a connection the server had closed: "write EPIPE" (fixes16's run).
        agent: false,
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Attempts a WebSocket upgrade and reports whether the server accepted it. */
export function tryUpgrade(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: '/api/events',
      headers: {
        Host: `127.0.0.1:${port}`,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
      setHost: false,
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 101);
    });
    req.on('response', (res) => resolve(res.statusCode ?? 0));
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(0) : reject(error)));
    req.end();
  });
}

/** Signs in with the printed one-time address as the page does, and returns the session token. */
export async function signIn(url: string): Promise<string> {
  const parsed = new URL(url);
  const res = await rawRequest({
    port: Number(parsed.port),
    method: 'POST',
    path: '/api/session',
    headers: { 'Content-Type': 'application/json', Origin: parsed.origin },
    body: JSON.stringify({ code: parsed.searchParams.get('code') }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { value: { token: string } }).value.token;
}

/** The header that carries a session token. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
