import fs from 'node:fs';
import path from 'node:path';

/**
 * The path with every symbolic link in its existing part resolved; the part not yet made is kept as given. The native
 * call also gives the existing part's true case, so `…/cadence/` typed on a case-insensitive disk (macOS, Windows)
 * is still the data folder.
 */
function realPath(p: string): string {
  const rest: string[] = [];
  let at = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(at), ...rest);
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return path.resolve(p);
      rest.unshift(path.basename(at));
      at = parent;
    }
  }
}

/**
 * Why an export may not be written to this destination, or null when it may: the data folder and anything under it
 * (through a symbolic link too) are refused. An export is written by renaming over its target, so
 * `--out ~/.config/Cadence/cadence.sqlite`, one slip of tab completion, replaced the database; a MADR folder made
 * inside it would be swept into backups and sync. The command line and the app ask this one rule.
 */
export function dataFolderRefusal(destination: string, dataDir: string): string | null {
  const home = realPath(dataDir);
  const target = realPath(destination);
  if (target !== home && !target.startsWith(home + path.sep)) return null;
  return `${path.resolve(destination)} is in Cadence’s data folder (${dataDir}), where an export could replace the database. Choose another place. Nothing was changed.`;
}
