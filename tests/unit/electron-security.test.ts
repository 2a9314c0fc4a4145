import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyContentsPolicy, applySessionPolicy, type ContentsLike, type SessionLike } from '../../src/main/electron/session-policy';
import { contentSecurityPolicy } from '../../src/shared/csp';

// Electron's security checklist, item by item, on the handlers the shell installs.
describe('Electron security checklist', () => {
  it('denies every permission request and check', () => {
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] | null = null;
    let check: (() => boolean) | null = null;
    let headers: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0] | null = null;
    applySessionPolicy({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      webRequest: { onHeadersReceived: (h) => (headers = h) },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      request!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(check!()).toBe(false);
    let sent: Record<string, unknown> = {};
    headers!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (sent = r.responseHeaders));
    expect(sent).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy()] });
  });

  it('blocks navigation away, new windows and webviews; web links go to the system browser', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const opened: string[] = [];
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' | 'allow' }) => (openHandler = h),
    } as unknown as ContentsLike;
    applyContentsPolicy(contents, { devServerUrl: null }, (url) => opened.push(url));

    const prevented = (event: string, url?: string) => {
      let stopped = false;
      listeners.get(event)!({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', 'file:///app/out/renderer/index.html#/teams')).toBe(true);
    expect(prevented('will-navigate', 'app://cadence/index.html#/teams')).toBe(false);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler!({ url: 'https://example.org/docs' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/docs']);
  });

  it('has a strict CSP, the same in the desktop window, the browser mode and the page itself', () => {
    const csp = contentSecurityPolicy();
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const page = fs.readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)![1]!;
    expect(meta).not.toContain('unsafe-eval');
    expect(meta).toContain("script-src 'self'");
  });
});
