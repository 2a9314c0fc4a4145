import fs from 'node:fs';

/**
 * Whether a path is a plain file (a link to one counts). Cadence reads and appends only to such: opening a named pipe
 * waits until another program opens its other end, and a hostile data folder with a pipe for its lock, its run marker
 * or its log held the start there, silent.
 */
export function isPlainFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}
