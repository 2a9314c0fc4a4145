import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './cli-errors';

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
 * Refuses an --out in the data folder or under it (through a symbolic link too): the export is written by renaming
 * over its target, so `--out ~/.config/Cadence/cadence.sqlite`, one slip of tab completion, replaced the database.
 */
export function refuseDataFolder(out: string, dataDir: string): void {
  const home = realPath(dataDir);
  const target = realPath(out);
  if (target === home || target.startsWith(home + path.sep))
    throw new CliError(
      `${path.resolve(out)} is in Cadence’s data folder (${dataDir}), where an export could replace the database. Choose another place. Nothing was changed.`,
    );
}
