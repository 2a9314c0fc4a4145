import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FolderExportOutcome } from '@shared/exports';
import type { ExportedFile } from '@shared/planning';
import { describeWriteError, writeFileAtomic } from '../../data-folder/atomic-write';
import { makeFolders } from '../../data-folder/make-folders';
import { modeForNewFolder } from '../../data-folder/private-files';

/** A typed folder path: `~` is the home folder; anything else must be a full path. */
export function resolveTypedFolder(typed: string, home = os.homedir()): string | null {
  const trimmed = typed.trim();
  const expanded = trimmed === '~' ? home : trimmed.startsWith('~/') ? path.join(home, trimmed.slice(2)) : trimmed;
  return path.isAbsolute(expanded) ? path.normalize(expanded) : null;
}

/**
 * A folder inside the chosen one, on the way to one of the files, that is a symbolic link (a git checkout can hold
 * one): the files would be written, and an earlier export's removed, wherever it leads. A file that is a link is no
 * matter: the rename replaces the link itself.
 */
function linkOnTheWay(folder: string, files: ExportedFile[]): string | null {
  const root = path.resolve(folder);
  for (const file of files) {
    for (let dir = path.dirname(path.join(root, file.suggestedName)); dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
      if (fs.lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) return dir;
    }
  }
  return null;
}

/**
 * Writes each file atomically into the folder (created if missing). A failure stops at that file
 * and says why; files written before it are complete, and no file is ever left half-written. Once
 * every file is written, `obsolete` names files of an earlier export that these replace, to remove.
 */
export function writeFilesToFolder(
  folder: string,
  files: ExportedFile[],
  obsolete: (folder: string, files: ExportedFile[]) => string[] = () => [],
): Extract<FolderExportOutcome, { status: 'saved' | 'failed' }> {
  let written = 0;
  let target = path.join(folder, files[0]?.suggestedName ?? 'README.md');
  if (fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory() === false) {
    return {
      status: 'failed',
      folder,
      written,
      message: `${folder} is a file, not a folder. Give a folder for the files. Nothing was changed.`,
    };
  }
  const link = linkOnTheWay(folder, files);
  if (link) {
    return {
      status: 'failed',
      folder,
      written,
      message:
        `${link} is a link to another folder (${fs.readlinkSync(link)}); Cadence writes only inside the folder you chose. ` +
        'Remove the link or choose another folder. Nothing was changed.',
    };
  }
  const mode = modeForNewFolder(folder);
  // The folder being made, if that is what failed.
  let making: string | null = folder;
  try {
    makeFolders(folder, mode);
    for (const file of files) {
      // Every team's MADR export puts each team in a folder of its own (an error names the folder it is made in).
      const inside = path.dirname(path.join(folder, file.suggestedName));
      making = inside;
      if (inside !== folder) makeFolders(inside, mode);
      making = null;
      target = path.join(folder, file.suggestedName);
      writeFileAtomic(target, file.content);
      written++;
    }
    for (const file of obsolete(folder, files)) {
      target = file;
      fs.rmSync(file);
    }
    return { status: 'saved', folder, files: written };
  } catch (error) {
    // A folder that could not be made is named as mkdir named it: the one refused, not the file meant for it.
    const refused = making !== null ? ((error as NodeJS.ErrnoException).path ?? making) : null;
    const reason =
      refused === null
        ? describeWriteError(error, target)
        : (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `The folder ${refused} could not be made (ENOENT). Choose another folder. Nothing was changed.`
          : describeWriteError(error, refused);
    const done = written > 0 ? ` ${written} of ${files.length} files were written before it stopped.` : '';
    return { status: 'failed', folder, written, message: `${reason}${done}` };
  }
}
