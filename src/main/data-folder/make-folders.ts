import fs from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p`, without Node's recursive mkdir: where mkdir answers "no such file" under a folder that exists (/proc,
 * some network and FUSE mounts) that one never returns, and on a read-only disk it answers ENOENT for EROFS. Here each
 * missing folder is made in turn from the nearest one that exists, and the first refusal is thrown as the system gave it.
 */
export function makeFolders(folder: string, mode?: number): void {
  const missing: string[] = [];
  let at = path.resolve(folder);
  while (!fs.existsSync(at) && path.dirname(at) !== at) {
    missing.push(at);
    at = path.dirname(at);
  }
  // An existing file where the folder should be: mkdir says so (EEXIST), as the recursive one did.
  if (missing.length === 0 && !fs.statSync(at).isDirectory()) fs.mkdirSync(at);
  for (const dir of missing.reverse()) {
    try {
      fs.mkdirSync(dir, { mode });
    } catch (error) {
      // Made meanwhile by another process: what was wanted.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(dir).isDirectory()) throw error;
    }
  }
}
