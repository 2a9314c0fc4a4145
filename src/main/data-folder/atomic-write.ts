import fs from 'node:fs';
import path from 'node:path';
import { modeForNewFile } from './private-files';

/**
 * Writes a file so that a reader sees the old content or the new, never a torn one: a temp
 * file beside it, fsync, rename over, fsync of the folder. A failure leaves the old file as it was.
 * In a private folder (the data folder, say) the file is private too.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', modeForNewFile(dir));
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  try {
    const dirFd = fs.openSync(dir, 'r');
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
  } catch {
    /* some platforms cannot fsync a folder; the rename is still atomic */
  }
}

/** A message a person can act on, for the errors a save most often meets. */
export function describeWriteError(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Cadence may not write to ${path.dirname(target)}. Choose another folder. Nothing was changed.`;
    case 'ENOSPC':
      return `The disk is full, so ${path.basename(target)} was not saved. Any existing file is unchanged.`;
    case 'ENOENT':
      // Said the same whether the folder was never made or was removed since it was chosen.
      return `The folder ${path.dirname(target)} does not exist. Create it or choose another one. Nothing was changed.`;
    case 'EISDIR':
      return `${target} is a folder, so no file can be saved under that name. Give a file name. Nothing was changed.`;
    case 'ENOTDIR':
      return `Part of ${path.dirname(target)} is a file, not a folder. Choose a folder. Nothing was changed.`;
    default:
      return `Could not save ${path.basename(target)} (${code ?? 'unknown error'}). Any existing file is unchanged.`;
  }
}
