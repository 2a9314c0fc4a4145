import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCacheDir, pruneCompileCache } from '../../src/main/platform/compile-cache';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('compile-cache');
afterEach(() => dirs.removeAll());

describe("main's compiled-code cache", () => {
  it("lives in this user's own cache folder on each system, never the shared temp folder", () => {
    expect(compileCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/ana')).toBe('/x/cache/cadence/compile-cache');
    expect(compileCacheDir({}, 'linux', '/home/ana')).toBe('/home/ana/.cache/cadence/compile-cache');
    expect(compileCacheDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Caches/cadence/compile-cache');
    expect(compileCacheDir({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32', 'C:\\Users\\ana')).toBe(
      path.join('C:\\Users\\ana\\AppData\\Local', 'cadence', 'compile-cache'),
    );
  });

  it('never stops a start: a folder that cannot be made, or a cache whose entries are damaged', () => {
    const cacheHome = dirs.make();
    const code = dirs.make();
    // An entry as main's are: the cache enabled first, then the modules it loads.
    fs.writeFileSync(
      path.join(code, 'entry.mjs'),
      `import { enableCompileCache } from ${JSON.stringify(path.resolve('src/main/platform/compile-cache.ts'))};\n` +
        `enableCompileCache();\nconst { answer } = await import('./module.mjs');\nconsole.log(answer());\n`,
    );
    fs.writeFileSync(path.join(code, 'module.mjs'), 'export function answer() { return ["loaded"].join(""); }\n');
    const start = () =>
      spawnSync(process.execPath, [path.join(code, 'entry.mjs')], {
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
        encoding: 'utf8',
      }).stdout.trim();
    const entries = () =>
      fs
        .readdirSync(path.join(cacheHome, 'cadence', 'compile-cache'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name));
    // The cache folder's place is taken by a file: no cache, and the modules still load.
    fs.writeFileSync(path.join(cacheHome, 'cadence'), 'not a folder');
    expect(start()).toBe('loaded');
    fs.rmSync(path.join(cacheHome, 'cadence'));
    // A cache written, then every entry overwritten with noise: still loaded, and the entries written again.
    expect(start()).toBe('loaded');
    expect(entries().length).toBeGreaterThan(0);
    for (const entry of entries()) fs.writeFileSync(entry, 'noise');
    expect(start()).toBe('loaded');
    for (const entry of entries()) expect(fs.readFileSync(entry, 'utf8')).not.toBe('noise');
  });
});

describe("pruning main's compiled-code cache", () => {
  const now = Date.parse('2026-12-01T09:00:00Z');
  const daysAgo = (days: number) => new Date(now - days * 24 * 60 * 60 * 1000);
  const entry = (file: string, usedDaysAgo: number) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'compiled');
    fs.utimesSync(file, daysAgo(usedDaysAgo), daysAgo(usedDaysAgo));
  };

  it('removes what builds no longer running left behind and keeps what a start still reads', async () => {
    const dir = dirs.make();
    entry(path.join(dir, 'v22-old', 'a1'), 90);
    entry(path.join(dir, 'v22-old', 'a2'), 45);
    entry(path.join(dir, 'v22-now', 'b1'), 40);
    entry(path.join(dir, 'v22-now', 'b2'), 2);
    // Written long ago but read yesterday (the file system records the read): still in use.
    entry(path.join(dir, 'v22-now', 'b3'), 60);
    fs.utimesSync(path.join(dir, 'v22-now', 'b3'), daysAgo(1), daysAgo(60));
    fs.writeFileSync(path.join(dir, 'not-a-folder'), 'left alone');

    expect(await pruneCompileCache(dir, now)).toBe(3);
    expect(fs.existsSync(path.join(dir, 'v22-old'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'v22-now')).sort()).toEqual(['b2', 'b3']);
    expect(fs.readFileSync(path.join(dir, 'not-a-folder'), 'utf8')).toBe('left alone');
  });

  it('a cache folder that is missing or unreadable is not an error', async () => {
    expect(await pruneCompileCache(path.join(dirs.make(), 'never-made'), now)).toBe(0);
  });
});
