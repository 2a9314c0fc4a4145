import fs from 'node:fs';
import path from 'node:path';
import { databasePath } from './data-dir';

/**
 * Why the data folder cannot hold Cadence's data as it is shaped, in words, or null: a file where the folder (or a
 * folder above it) should be, or a folder where the database file (or its -wal or -shm file) should be. Asked only once something has failed,
 * so a normal start pays nothing; without it the person read a system call ("EEXIST: file already exists, mkdir")
 * or SQLite's "unable to open database file".
 */
export function folderShapeProblem(dataDir: string): string | null {
  for (let at = path.resolve(dataDir); ; at = path.dirname(at)) {
    const found = fs.statSync(at, { throwIfNoEntry: false });
    if (found && !found.isDirectory()) {
      const where = at === path.resolve(dataDir) ? '' : ` (the data folder ${dataDir} would be inside it)`;
      return `${at} is a file, not a folder${where}, so Cadence cannot keep its data there. Move that file, or point CADENCE_DATA_DIR (or --data-dir) at a folder.`;
    }
    if (found || path.dirname(at) === at) break;
  }
  const file = databasePath(dataDir);
  const linked = databaseLinkProblem(file);
  if (linked) return linked;
  if (fs.statSync(file, { throwIfNoEntry: false })?.isFile() === false) {
    return `${file} is not a file, so it cannot be Cadence’s database. Move it out of the data folder (Cadence then starts a new database there), or point CADENCE_DATA_DIR (or --data-dir) at the folder that holds your cadence.sqlite.`;
  }
  // SQLite's companions, where the newest writes (-wal) and the readers' shared index (-shm) are kept: a folder there
  // holds no data of Cadence's, and SQLite says only "unable to open database file".
  for (const [suffix, what] of [
    ['-wal', 'write-ahead log (where its newest writes are kept)'],
    ['-shm', 'shared-memory index'],
  ] as const) {
    const companion = `${file}${suffix}`;
    if (fs.statSync(companion, { throwIfNoEntry: false })?.isFile() === false) {
      return `${companion} is not a file, but it is where the database’s ${what} belongs, so Cadence cannot open ${file}. Move ${path.basename(companion)} out of the data folder: it holds none of Cadence’s data.`;
    }
  }
  return null;
}

/** The folders Cadence keeps in the data folder, by what each holds. */
const SUBFOLDERS = { logs: 'its log', backups: 'its backups' } as const;

/**
 * Why Cadence cannot keep its log or its backups in the data folder, in words, or null: a file where that folder should
 * be, or a link to nothing. Without it start-up said "EEXIST: file already exists, mkdir '…/logs'", and every backup
 * failed as an internal error. A link to a folder elsewhere is the person's choice, and used.
 */
export function subfolderProblem(dataDir: string, name: keyof typeof SUBFOLDERS): string | null {
  const at = path.join(dataDir, name);
  if (!fs.lstatSync(at, { throwIfNoEntry: false })) return null;
  const found = fs.statSync(at, { throwIfNoEntry: false });
  if (found?.isDirectory()) return null;
  const what = found ? 'a file, not a folder' : `a symbolic link to ${path.resolve(dataDir, fs.readlinkSync(at))}, which does not exist`;
  return `${at} is ${what}, so Cadence cannot keep ${SUBFOLDERS[name]} there. Move it out of the data folder (Cadence then makes the folder anew), or point CADENCE_DATA_DIR (or --data-dir) at another folder.`;
}

/**
 * Why the database file (or its -wal or -shm) may not be opened as it is, in words, or null: it is a symbolic link.
 * The steps around the database act on the data folder's own entries: the folder's lock guards the folder, start-up
 * makes the file private, a damaged file is moved aside by name, SQLite puts the -wal and -shm beside the file the link
 * points to. Through a link these would part ways (the link renamed while the file stays damaged, another folder's
 * Cadence writing the same file under its own lock), so the link is refused before anything is opened or changed.
 * One lstat each: asked at every open.
 */
export function databaseLinkProblem(file: string): string | null {
  for (const name of [file, `${file}-wal`, `${file}-shm`]) {
    if (!fs.lstatSync(name, { throwIfNoEntry: false })?.isSymbolicLink()) continue;
    const target = path.resolve(path.dirname(name), fs.readlinkSync(name));
    const own = name === file ? 'Cadence’s database' : `the companion ${path.basename(name)} of Cadence’s database`;
    return (
      `${name} is a symbolic link to ${target}, but ${own} must be a file of its own in the data folder, where the folder’s lock guards it and a damaged file is moved aside. ` +
      `Put the file itself in its place (move ${target} to ${name}), or point CADENCE_DATA_DIR (or --data-dir) at the folder that holds the real cadence.sqlite.`
    );
  }
  return null;
}

/** The data folder is not shaped to hold Cadence's data (see folderShapeProblem). */
export class DataFolderShapeError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'DataFolderShapeError';
  }
}
