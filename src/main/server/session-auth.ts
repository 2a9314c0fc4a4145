import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../data-folder/atomic-write';

const CODE_TTL_MS = 10 * 60 * 1000;
/** A session lasts 12 hours from its last use. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** A token older than this is replaced by a fresh one on its next use, so a session in use never ends. */
export const RENEW_AFTER_MS = 5 * 60 * 1000;

export type SessionCheck = { ok: true; expiresAt: number; renewed: string | null } | { ok: false };

/**
 * The browser mode's door. The server prints a one-time code; the page trades it for a signed
 * token that it keeps in its own origin's storage (which includes the port) and sends as a
 * header and as the event socket's first message. No cookie is used: browsers share cookies
 * between every port of 127.0.0.1, so another local web app could read, replay or shadow one.
 * Tokens are signed with a key kept in the data folder, so an open page stays signed in across
 * a server restart; signing out replaces the key, which ends every session at once.
 */
export class SessionAuth {
  private readonly codes = new Map<string, number>();

  constructor(
    private key: Buffer,
    private readonly now: () => number = Date.now,
    private readonly keyFile: string | null = null,
  ) {}

  static fromDataDir(dataDir: string, now?: () => number): SessionAuth {
    const file = path.join(dataDir, 'browser-session.key');
    let key: Buffer;
    try {
      // Only a plain file is read: a link is not followed, and a pipe or device there would never end.
      if (!fs.lstatSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error('no key file');
      key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
      if (key.length < 32) throw new Error('short key');
    } catch {
      key = writeKey(file);
    }
    return new SessionAuth(key, now, file);
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

  issueSession(): { token: string; expiresAt: number } {
    const issued = this.now();
    const body = `${issued}.${randomBytes(16).toString('base64url')}`;
    return { token: `${body}.${this.sign(body)}`, expiresAt: issued + SESSION_TTL_MS };
  }

  /** Whether a token is ours and unexpired; a valid token past RENEW_AFTER_MS comes with its replacement. */
  check(token: string | undefined): SessionCheck {
    if (!token) return { ok: false };
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return { ok: false };
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.sign(body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false };
    const issued = Number(body.split('.')[0]);
    const age = this.now() - issued;
    // A token from the future (a clock set back) is refused rather than trusted for longer.
    if (!Number.isFinite(issued) || age < -60_000 || age >= SESSION_TTL_MS) return { ok: false };
    if (age < RENEW_AFTER_MS) return { ok: true, expiresAt: issued + SESSION_TTL_MS, renewed: null };
    const fresh = this.issueSession();
    return { ok: true, expiresAt: fresh.expiresAt, renewed: fresh.token };
  }

  /** Ends every session and every unused sign-in address. */
  signOutEverywhere(): void {
    this.codes.clear();
    this.key = this.keyFile ? writeKey(this.keyFile) : randomBytes(32);
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/**
 * A new key, written beside the file and renamed over it: whatever stood there is replaced, never written through (a
 * link there to a file of the person's had that file overwritten with the key and made private). A folder there is said
 * in words.
 */
function writeKey(file: string): Buffer {
  if (fs.lstatSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(
      `${file} is a folder, but it is where Cadence keeps the browser mode’s sign-in key. Move it out of the data folder, then start Cadence again.`,
    );
  }
  const key = randomBytes(32);
  writeFileAtomic(file, key.toString('hex'));
  // A replaced damaged key must not keep looser rights, wherever the file is.
  fs.chmodSync(file, 0o600);
  return key;
}

/** The token from `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._-]{1,200})$/.exec(header ?? '');
  return match?.[1];
}
