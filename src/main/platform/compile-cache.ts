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
export function enableCompileCache(dir: string = compileCacheDir(), now: () => number = Date.now): void {
  if (typeof module.enableCompileCache !== 'function') return;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
    module.enableCompileCache(dir);
  } catch {
    // No cache: the modules are compiled at each start.
    return;
  }
  // Well after the first screen, and unref'd: pruning never delays a start or keeps a process alive.
  setTimeout(() => void pruneCompileCache(dir, now()), PRUNE_AFTER_START_MS).unref();
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** An entry not read or written for this long belongs to a build (or a Node) that no longer runs here. */
export const COMPILE_CACHE_KEEP_MS = 30 * DAY_MS;
const PRUNE_AFTER_START_MS = 60_000;

/**
 * Node adds entries for each new build and never removes one: every update of Cadence left its old code behind (35 MB
 * here after a few weeks of builds). Entries last used (read, where the file system records reads, or written) before
 * `now - keepMs` go, and a version folder left empty goes with them. The worst a wrong guess costs is one start that
 * compiles again. Asynchronous file calls, so the thread that answers operations only sees their callbacks; any
 * failure leaves the entry where it is. Returns how many entries were removed.
 */
export async function pruneCompileCache(dir: string, now: number, keepMs: number = COMPILE_CACHE_KEEP_MS): Promise<number> {
  let removed = 0;
  const versions = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const version of versions) {
    if (!version.isDirectory()) continue;
    const folder = path.join(dir, version.name);
    const entries = await fs.promises.readdir(folder, { withFileTypes: true }).catch(() => []);
    let kept = 0;
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      const stat = entry.isFile() ? await fs.promises.stat(file).catch(() => null) : null;
      if (stat && Math.max(stat.atimeMs, stat.mtimeMs) < now - keepMs && (await unlinkQuietly(file))) removed++;
      else kept++;
    }
    if (kept === 0) await fs.promises.rmdir(folder).catch(() => undefined);
  }
  return removed;
}

async function unlinkQuietly(file: string): Promise<boolean> {
  try {
    await fs.promises.unlink(file);
    return true;
  } catch {
    return false;
  }
}
