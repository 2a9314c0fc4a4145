import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SESSION_COOKIE = 'cadence_session';
const CODE_TTL_MS = 10 * 60 * 1000;
const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The browser mode's door: the server prints a one-time code, the page trades it for an
 * HttpOnly SameSite=Strict cookie, and no token stays in a URL. Cookies are signed with a
 * key kept in the data folder, so an open page is still signed in after a server restart.
 */
export class SessionAuth {
  private readonly codes = new Map<string, number>();

  constructor(
    private readonly key: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  static fromDataDir(dataDir: string, now?: () => number): SessionAuth {
    const file = path.join(dataDir, 'browser-session.key');
    let key: Buffer;
    try {
      key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
      if (key.length < 32) throw new Error('short key');
    } catch {
      key = randomBytes(32);
      fs.writeFileSync(file, key.toString('hex'), { mode: 0o600 });
      // mode applies only when the file is created; a replaced damaged key must not keep looser rights.
      fs.chmodSync(file, 0o600);
    }
    return new SessionAuth(key, now);
  }

  issueCode(): string {
    for (const [old, expires] of this.codes) if (expires < this.now()) this.codes.delete(old);
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, this.now() + CODE_TTL_MS);
    return code;
  }

  /** A code works once, within ten minutes. */
  redeemCode(code: string): boolean {
    const expires = this.codes.get(code);
    this.codes.delete(code);
    return expires !== undefined && expires >= this.now();
  }

  issueSession(): string {
    const body = `${this.now()}.${randomBytes(16).toString('base64url')}`;
    return `${body}.${this.sign(body)}`;
  }

  verifySession(token: string | undefined): boolean {
    if (!token) return false;
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return false;
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.sign(body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    const issued = Number(body.split('.')[0]);
    return Number.isFinite(issued) && this.now() - issued < SESSION_TTL_MS;
  }

  cookieHeader(token: string): string {
    return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_TTL_MS / 1000}`;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
