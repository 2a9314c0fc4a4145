import type { IncomingMessage } from 'node:http';

// A 20 MB team archive (archive.import) sent as a JSON string, escapes and all.
export const MAX_BODY_BYTES = 48 * 1024 * 1024;

// A sign-in code and nothing else: this endpoint answers before any session, so anyone on the computer can reach it.
export const MAX_SIGN_IN_BODY_BYTES = 4 * 1024;

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request is larger than ${sizeText(limit)}`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * How much past its limit a body is read (and thrown away) before the connection is cut. Cut while the client still
 * sends, the connection is reset under it, and the client never reads the 413 (RFC 9112, 9.6); cut at twice the limit,
 * as it was, a 100 MB body met a reset connection instead of its answer, and the sign-in endpoint's did past 8 KB.
 */
export const DISCARD_AT_MOST_BYTES = 256 * 1024 * 1024;

/**
 * Reads a request body up to limit bytes. Past the limit it stops keeping the bytes but reads on to the end (up to
 * DISCARD_AT_MOST_BYTES more) before failing, so the client, done sending, reads the 413; a client that keeps sending
 * past that is cut off. Answered only once the body has ended: a refusal sent early reached a test's Node client, still
 * sending, as a reset connection when both cores were busy.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit + DISCARD_AT_MOST_BYTES) {
        reject(new BodyTooLargeError(limit));
        return void req.destroy();
      }
      if (size > limit) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLargeError(limit)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** True for `application/json`, with an optional `charset=utf-8`; `application/jsonfoo` and friends are not JSON. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    const [name, value] = param.split('=').map((s) => s.trim());
    return name !== 'charset' || value === 'utf-8' || value === '"utf-8"';
  });
}
