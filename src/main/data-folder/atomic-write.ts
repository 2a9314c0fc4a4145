import fs from 'node:fs';
import path from 'node:path';
import { modeForNewFile } from './private-files';

/**
 * Writes a file so that a reader sees the old content or the new, never a torn one: a temp
 * file beside it, fsync, rename over, fsync of the folder. A failure leaves the old file as it was.
 * In a private folder (the data folder, say) the file is private too.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  replaceWith(target, content, true);
  const dir = path.dirname(target);
  try {
    const dirFd = fs.openSync(dir, 'r');
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
  } catch {
    /* some platforms cannot fsync a folder; the rename is still atomic */
  }
}

/**
 * The file replaced at once, as writeFileAtomic does, and put on disk later: the promise settles once the file and its
 * folder are flushed, by libuv's thread pool rather than on this thread, whose start-up it would otherwise hold for the
 * disk's flush (1 ms on a quiet SSD, tens under others' writes). For a file whose content a crash may leave empty but
 * must not leave half old, half new (the run marker, which counts as a marker whatever it holds).
 */
export function writeFileFlushLater(target: string, content: string | Uint8Array): Promise<void> {
  // A write that fails (a full disk) throws here, at once, as writeFileAtomic's does.
  replaceWith(target, content, false);
  return flushToDisk(target);
}

async function flushToDisk(target: string): Promise<void> {
  const file = await fs.promises.open(target, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    const dir = await fs.promises.open(path.dirname(target), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    /* some platforms cannot fsync a folder; the rename is still atomic */
  }
}

/** A temp file beside the target (flushed first when `flush`), renamed over it; a failure leaves the target as it was. */
function replaceWith(target: string, content: string | Uint8Array, flush: boolean): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', modeForNewFile(dir));
    fs.writeFileSync(fd, content);
    if (flush) fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
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
