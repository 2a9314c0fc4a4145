import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCacheDir } from '../../src/main/platform/compile-cache';
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
