import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveStatic, staticFiles } from '../../src/main/server/static-files';

let base: string;
let root: string;
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-static-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

describe('the renderer folder, served by path', () => {
  it('serves the files inside it', () => {
    expect(resolveStatic(root, '/')).toEqual({ file: path.join(root, 'index.html'), type: 'text/html; charset=utf-8' });
    expect(resolveStatic(root, '/assets/app.js')?.type).toBe('text/javascript; charset=utf-8');
  });

  it('refuses .., encoded or not, and NUL', () => {
    for (const bad of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/index.html%00',
      '/%E0%A4%A',
    ]) {
      expect(resolveStatic(root, bad), bad).toBeNull();
    }
  });

  it('refuses a symbolic link that leads out of the folder, and follows one that stays inside', () => {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.js'));
    fs.symlinkSync(base, path.join(root, 'outside'));
    fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'same.js'));
    expect(resolveStatic(root, '/assets/leak.js')).toBeNull();
    expect(resolveStatic(root, '/outside/secret.txt')).toBeNull();
    expect(resolveStatic(root, '/same.js')?.file).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('works when the folder itself is reached through a link (the real paths are compared)', () => {
    const link = path.join(base, 'linked-renderer');
    fs.symlinkSync(root, link);
    expect(resolveStatic(link, '/assets/app.js')?.file).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStatic(link, '/../secret.txt')).toBeNull();
  });
});

describe('the renderer folder, each file read once', () => {
  const headersOf = (urlPath: string, type: string) => ({ 'Content-Type': type, 'X-Path': urlPath });

  it('serves each file inside it from memory after its first request, with the headers made for it', () => {
    const files = staticFiles(root, headersOf);
    expect(files('/assets/app.js')).toEqual({
      body: Buffer.from('export {}'),
      headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'X-Path': '/assets/app.js' },
    });
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'changed');
    expect(files('/assets/app.js')?.body.toString()).toBe('export {}');
    expect(files('/')?.body.toString()).toBe('<!doctype html>');
  });

  it('refuses what resolveStatic refuses, and keeps no answer for a path that names no file', () => {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.js'));
    const files = staticFiles(root, headersOf);
    expect(files('/assets/leak.js')).toBeNull();
    expect(files('/../secret.txt')).toBeNull();
    expect(files('/later.js')).toBeNull();
    fs.writeFileSync(path.join(root, 'later.js'), 'export {}');
    expect(files('/later.js')?.body.toString()).toBe('export {}');
  });
});

describe('the renderer folder, one copy per file', () => {
  const headersOf = (urlPath: string, type: string) => ({ 'Content-Type': type, 'X-Path': urlPath });

  // Every spelling of a path (extra slashes, escaped letters) used to be kept as an entry of its own with a fresh
  // copy of the file: a page anywhere could make the server hold gigabytes by asking for /assets//…, /assets///…
  it('keeps one answer per file however its path is spelled, with the headers of its own path', () => {
    const files = staticFiles(root, headersOf);
    const first = files('/assets//app.js');
    expect(first?.headers['X-Path']).toBe('/assets/app.js');
    for (const spelling of ['/assets/app.js', '/assets///app.js', '/assets/%61pp.js', '//assets/app.js']) {
      expect(files(spelling), spelling).toBe(first);
    }
    expect(files('/')).toBe(files('/index.html'));
  });
});
