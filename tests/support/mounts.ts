import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Why this machine will not let a test mount (null when it will): `mountArgs` names the mount to try on a scratch
 * folder, e.g. a small tmpfs or a bind mount. Tests of a full or read-only disk skip with this as their reason.
 */
export function mountProblem(mountArgs: (folder: string) => string[]): string | null {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-mount-probe-'));
  try {
    execFileSync('mount', mountArgs(probe), { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/** Folders a test file mounted over, unmounted (last first) by `unmountAll` in its afterEach. */
export function testMounts(): { track: (folder: string) => void; unmountAll: () => void } {
  const mounts: string[] = [];
  return {
    track: (folder) => void mounts.push(folder),
    unmountAll() {
      for (const m of mounts.splice(0).reverse()) execFileSync('umount', [m]);
    },
  };
}

/**
 * Fills a small test disk (a tmpfs of `testMounts`) to the last byte, then frees `leave` bytes; returns a function
 * that frees the space again. A full disk this way is a real one: ENOSPC from the kernel, SQLITE_FULL from SQLite.
 */
export function fillDisk(disk: string, leave = 0): () => void {
  const filler = path.join(disk, 'filler');
  const fd = fs.openSync(filler, 'w');
  const page = Buffer.alloc(4096, 1);
  try {
    for (;;) fs.writeSync(fd, page);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  try {
    for (;;) fs.writeSync(fd, page.subarray(0, 1));
  } catch {
    /* full to the byte */
  } finally {
    fs.closeSync(fd);
  }
  if (leave > 0) fs.truncateSync(filler, fs.statSync(filler).size - leave);
  return () => fs.rmSync(filler);
}
