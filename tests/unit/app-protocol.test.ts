import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, appUrl, resolveAppRequest } from '../../src/main/electron/app-protocol';
import { contentSecurityPolicy } from '../../src/shared/csp';

// The desktop shell's app:// handler, as the plain function protocol.handle wraps (no Electron here).
let base: string;
let renderer: string;
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-app-protocol-'));
  renderer = path.join(base, 'out', 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(renderer, 'assets', 'index.js'), 'export {}');
  fs.writeFileSync(path.join(base, 'out', 'secret.txt'), 'main process files');
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => resolveAppRequest(url, method, renderer);

describe('app://cadence/ serves the built renderer and nothing else', () => {
  it('serves the page and its assets with their types and the CSP', () => {
    expect(appUrl('')).toBe('app://cadence/index.html');
    expect(appUrl('#/meetings/1/projector')).toBe('app://cadence/index.html#/meetings/1/projector');
    const page = get(appUrl('#/teams'));
    expect(page).toEqual({
      status: 200,
      file: path.join(renderer, 'index.html'),
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': contentSecurityPolicy(),
        'X-Content-Type-Options': 'nosniff',
      },
    });
    expect(get('app://cadence/').file).toBe(path.join(renderer, 'index.html'));
    expect(get('app://cadence/assets/index.js?v=1').headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, codeCache: true });
  });

  it('refuses .. (plain, encoded, with encoded slashes or backslashes) and NUL', () => {
    for (const url of [
      'app://cadence/../secret.txt',
      'app://cadence/assets/../../secret.txt',
      'app://cadence/%2e%2e/secret.txt',
      'app://cadence/..%2fsecret.txt',
      'app://cadence/assets%2f..%2f..%2fsecret.txt',
      'app://cadence/..%5csecret.txt',
      'app://cadence/index.html%00.js',
      'app://cadence/%E0%A4%A',
    ]) {
      expect(get(url), url).toMatchObject({ status: 404, file: null });
    }
  });

  it('refuses a symbolic link out of the folder, by its real path', () => {
    fs.symlinkSync(path.join(base, 'out', 'secret.txt'), path.join(renderer, 'assets', 'leak.js'));
    fs.symlinkSync('/etc', path.join(renderer, 'etc'));
    expect(get('app://cadence/assets/leak.js')).toMatchObject({ status: 404, file: null });
    expect(get('app://cadence/etc/hostname')).toMatchObject({ status: 404, file: null });
  });

  it('answers only its own host, only reads, and nothing that is not a file', () => {
    expect(get('app://other/index.html').status).toBe(404);
    expect(get('app://cadence:99/index.html').status).toBe(404);
    expect(get('file:///etc/passwd').status).toBe(404);
    expect(get('not a url').status).toBe(400);
    expect(get('app://cadence/index.html', 'POST').status).toBe(405);
    expect(get('app://cadence/assets').status).toBe(404);
    expect(get('app://cadence/missing.js').status).toBe(404);
  });
});
