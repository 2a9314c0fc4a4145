import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * Where this user's compiled-code cache lives: the system's cache folder for the user (XDG_CACHE_HOME or ~/.cache,
 * ~/Library/Caches, %LOCALAPPDATA%), never the shared temp folder, where another account could leave code for Cadence
 * to run. Node keeps one subfolder per Node and V8 version in it, so the browser server's Node and Electron's never
 * read each other's entries.
 */
export function compileCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const base =
    platform === 'win32'
      ? env.LOCALAPPDATA || path.join(home, 'AppData', 'Local')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME || path.join(home, '.cache');
  return path.join(base, 'cadence', 'compile-cache');
}

/**
 * Node keeps main's compiled code on disk from one start to the next, so a start does not compile its modules again
 * (some 20 ms of CPU before the first screen). Only the modules loaded after this call benefit: the entries call it
 * before they import the core. A cache that cannot be had never stops a start: a Node without the API (before 22.1),
 * a folder that cannot be made or kept private, or a cache Node refuses (it says so in its answer and compiles as
 * before; a stale or corrupt entry is compiled and written again).
 */
export function enableCompileCache(dir: string = compileCacheDir()): void {
  if (typeof module.enableCompileCache !== 'function') return;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
    module.enableCompileCache(dir);
  } catch {
    // No cache: the modules are compiled at each start.
  }
}
