import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FolderExportOutcome } from '@shared/exports';
import type { ExportedFile } from '@shared/planning';
import { describeWriteError, writeFileAtomic } from '../../data-folder/atomic-write';
import { modeForNewFolder } from '../../data-folder/private-files';

/** A typed folder path: `~` is the home folder; anything else must be a full path. */
export function resolveTypedFolder(typed: string, home = os.homedir()): string | null {
  const trimmed = typed.trim();
  const expanded = trimmed === '~' ? home : trimmed.startsWith('~/') ? path.join(home, trimmed.slice(2)) : trimmed;
  return path.isAbsolute(expanded) ? path.normalize(expanded) : null;
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
  try {
    fs.mkdirSync(folder, { recursive: true, mode: modeForNewFolder(folder) });
    for (const file of files) {
      // Every team's MADR export puts each team in a folder of its own (an error names the folder it is made in).
      const inside = path.dirname(path.join(folder, file.suggestedName));
      target = inside;
      if (inside !== folder) fs.mkdirSync(inside, { recursive: true, mode: modeForNewFolder(folder) });
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
    const reason = describeWriteError(error, target);
    const done = written > 0 ? ` ${written} of ${files.length} files were written before it stopped.` : '';
    return { status: 'failed', folder, written, message: `${reason}${done}` };
  }
}
