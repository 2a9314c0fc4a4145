import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../src/main/core/change-feed';
import { chooseProjectorDisplay } from '../../src/main/electron/displays';
import { isAllowedNavigation, isTrustedSenderUrl } from '../../src/main/electron/sender-guard';
import { consoleWindowOptions, projectorWindowOptions } from '../../src/main/electron/window-options';
import { checkRequest, isLoopbackAddress } from '../../src/main/server/request-guard';
import { bearerToken, RENEW_AFTER_MS, SESSION_TTL_MS, SessionAuth } from '../../src/main/server/session-auth';

describe('Electron shell, as plain functions', () => {
  it('every window is isolated, sandboxed and without Node', () => {
    const prefs = consoleWindowOptions('/app/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
    const projector = projectorWindowOptions('/p.cjs', { x: 1920, y: 0, width: 1920, height: 1080 });
    expect(projector.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, backgroundThrottling: false });
    expect(projector.fullscreen).toBe(true);
    expect(projectorWindowOptions('/p.cjs', null).fullscreen).toBe(false);
  });

  it('IPC answers only Cadence’s own pages', () => {
    const trusted = { devServerUrl: null };
    expect(isTrustedSenderUrl('app://cadence/index.html#/teams', trusted)).toBe(true);
    expect(isTrustedSenderUrl('app://cadence.evil/index.html', trusted)).toBe(false);
    expect(isTrustedSenderUrl('app://user@cadence/index.html', trusted)).toBe(false);
    expect(isTrustedSenderUrl('app://cadence:8080/index.html', trusted)).toBe(false);
    expect(isTrustedSenderUrl('other://cadence/index.html', trusted)).toBe(false);
    // Pages from disk are never Cadence's own any more: the renderer is served at app://cadence/.
    expect(isTrustedSenderUrl('file:///opt/Cadence/resources/app/out/renderer/index.html', trusted)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', trusted)).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/', trusted)).toBe(false);
    expect(isTrustedSenderUrl(undefined, trusted)).toBe(false);
    expect(isTrustedSenderUrl('not a url', trusted)).toBe(false);
    const dev = { ...trusted, devServerUrl: 'http://localhost:5173' };
    expect(isTrustedSenderUrl('http://localhost:5173/#/teams', dev)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedNavigation('https://example.org', trusted)).toBe(false);
  });

  it('puts the projector on the largest display other than the console’s', () => {
    const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
    const projector = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };
    const small = { id: 3, bounds: { x: -800, y: 0, width: 800, height: 600 } };
    expect(chooseProjectorDisplay([laptop], 1)).toBeNull();
    expect(chooseProjectorDisplay([laptop, small, projector], 1)).toBe(projector);
    expect(chooseProjectorDisplay([laptop, projector], 2)).toBe(laptop);
  });
});

describe('browser-mode guards', () => {
  const req = (remoteAddress: string | undefined, headers: Record<string, string>) =>
    ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

  it('accepts loopback only', () => {
    for (const ok of ['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(ok), ok).toBe(true);
    for (const no of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', '', undefined]) expect(isLoopbackAddress(no), String(no)).toBe(false);
  });

  it('checks Host and Origin on every request', () => {
    const ok = { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000' };
    expect(checkRequest(req('127.0.0.1', ok), 4000, true)).toEqual({ ok: true });
    expect(checkRequest(req('10.1.1.1', ok), 4000, true)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(req('127.0.0.1', { ...ok, host: 'evil.example:4000' }), 4000, true)).toMatchObject({ ok: false, status: 421 });
    expect(checkRequest(req('127.0.0.1', { ...ok, origin: 'http://evil.example' }), 4000, true)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(req('127.0.0.1', { host: '127.0.0.1:4000' }), 4000, true)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(req('127.0.0.1', { host: 'localhost:4000' }), 4000, false)).toEqual({ ok: true });
  });

  it('one-time codes work once and expire; sessions are signed and survive a restart', () => {
    let now = 1_000_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-auth-'));
    try {
      const auth = SessionAuth.fromDataDir(dir, () => now);
      const code = auth.issueCode();
      expect(auth.redeemCode(code)).toBe(true);
      expect(auth.redeemCode(code)).toBe(false);
      const late = auth.issueCode();
      now += 10 * 60 * 1000 + 1;
      expect(auth.redeemCode(late)).toBe(false);

      const { token, expiresAt } = auth.issueSession();
      expect(expiresAt).toBe(now + 12 * 60 * 60 * 1000);
      expect(auth.check(token)).toEqual({ ok: true, expiresAt, renewed: null });
      expect(auth.check(token.slice(0, -2) + 'xx').ok).toBe(false);
      expect(auth.check(undefined).ok).toBe(false);
      expect(SessionAuth.fromDataDir(dir, () => now).check(token).ok).toBe(true); // same key after a restart
      expect(new SessionAuth(Buffer.alloc(32, 7), () => now).check(token).ok).toBe(false);
      expect(fs.statSync(path.join(dir, 'browser-session.key')).mode & 0o777).toBe(0o600);
      expect(bearerToken(`Bearer ${token}`)).toBe(token);
      expect(bearerToken(`Basic ${token}`)).toBeUndefined();
      expect(bearerToken(undefined)).toBeUndefined();
      // A damaged key is replaced, and the new secret is readable by this user only (found by a helper).
      fs.writeFileSync(path.join(dir, 'browser-session.key'), 'short', { mode: 0o644 });
      fs.chmodSync(path.join(dir, 'browser-session.key'), 0o644);
      SessionAuth.fromDataDir(dir, () => now);
      expect(fs.statSync(path.join(dir, 'browser-session.key')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a session lasts 12 hours from its last use: renewed while in use, ended when idle', () => {
    let now = Date.UTC(2026, 10, 30, 9);
    const auth = new SessionAuth(Buffer.alloc(32, 1), () => now);
    let { token } = auth.issueSession();
    // In use all day and night: every few minutes a call, each renewal replacing the token.
    for (let hour = 0; hour < 30; hour++) {
      now += 60 * 60 * 1000;
      const check = auth.check(token);
      expect(check.ok, `hour ${hour}`).toBe(true);
      if (check.ok && check.renewed) token = check.renewed;
      expect(check.ok && check.expiresAt).toBe(now + SESSION_TTL_MS);
    }
    // No renewal within the first minutes: the token in hand stays the one in use.
    const fresh = auth.issueSession().token;
    now += RENEW_AFTER_MS - 1;
    expect(auth.check(fresh)).toMatchObject({ ok: true, renewed: null });
    // Idle: one millisecond short of 12 hours it still works, at 12 hours it does not.
    const idle = auth.issueSession().token;
    now += SESSION_TTL_MS - 1;
    expect(auth.check(idle).ok).toBe(true);
    now += 1;
    expect(auth.check(idle).ok).toBe(false);
    // A token dated in the future (a clock set back) is refused rather than trusted for longer.
    const ahead = auth.issueSession().token;
    now -= 2 * 60 * 60 * 1000;
    expect(auth.check(ahead).ok).toBe(false);
  });

  it('signing out ends every session and every unused address, and survives a restart', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-auth-'));
    try {
      const auth = SessionAuth.fromDataDir(dir);
      const one = auth.issueSession().token;
      const two = auth.issueSession().token;
      const code = auth.issueCode();
      auth.signOutEverywhere();
      expect(auth.check(one).ok).toBe(false);
      expect(auth.check(two).ok).toBe(false);
      expect(auth.redeemCode(code)).toBe(false);
      expect(SessionAuth.fromDataDir(dir).check(one).ok).toBe(false);
      const after = auth.issueSession().token;
      expect(SessionAuth.fromDataDir(dir).check(after).ok).toBe(true);
      expect(fs.statSync(path.join(dir, 'browser-session.key')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('change feed', () => {
  it('numbers changes and lets a reconnecting client catch up or resync', () => {
    const feed = new ChangeFeed({ now: () => 5 });
    const heard: number[] = [];
    const stop = feed.subscribe((e) => heard.push(e.revision));
    feed.publish([{ topic: 'teams' }], 'teams.create');
    feed.publish([{ topic: 'meetings' }], 'agenda.addItem');
    stop();
    feed.publish([{ topic: 'teams' }], 'teams.rename');
    expect(heard).toEqual([1, 2]);
    expect(feed.since(feed.epoch, 1).events!.map((e) => e.operation)).toEqual(['agenda.addItem', 'teams.rename']);
    expect(feed.since(feed.epoch, 3).events).toEqual([]);
    expect(feed.since('another-epoch', 1).events).toBeNull();
    expect(feed.since(feed.epoch, 99).events).toBeNull();
  });
});
