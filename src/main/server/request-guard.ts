import type { IncomingMessage } from 'node:http';

/** Loopback only: 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/**
 * The request's address as a URL on this server, or null when it is not one (`//[`, `http://[`): a local program can
 * send such an address, and `new URL` throws on it, which in the upgrade listener stopped the whole server.
 */
export function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

export type GuardVerdict = { ok: true } | { ok: false; status: number; reason: string };

/**
 * Every request and WebSocket upgrade passes here. The Host check defeats DNS rebinding
 * (a hostile page whose name resolves to 127.0.0.1 still sends its own Host); the Origin
 * check refuses other sites; state-changing requests must carry a matching Origin.
 */
export function checkRequest(req: IncomingMessage, port: number, requireOrigin: boolean): GuardVerdict {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return { ok: false, status: 403, reason: 'Cadence only answers this computer (loopback).' };
  }
  const host = req.headers.host ?? '';
  if (!allowedHosts(port).has(host.toLowerCase())) {
    return { ok: false, status: 421, reason: 'Unexpected Host header.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return { ok: false, status: 403, reason: 'Requests from other origins are refused.' };
  }
  if (requireOrigin && origin === undefined) {
    return { ok: false, status: 403, reason: 'Origin header required.' };
  }
  return { ok: true };
}
