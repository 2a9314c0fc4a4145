import fs from 'node:fs';
import { systemClock } from '../core/clock';
import { acquireDataDirLock } from '../data-folder/data-lock';
import { folderShapeProblem } from '../data-folder/folder-shape';
import { unwritableReason } from '../data-folder/folder-unwritable';
import { ensurePrivateDir, tightenDataFolder } from '../data-folder/private-files';
import { databasePath } from '../data-folder/data-dir';
import { openReadOnly } from '../db/open-read-only';
import { openDatabase } from '../db/open-database';
import { Sql } from '../db/query';
import { createRepositories, type Repositories } from '../db/repositories';
import { browserPlatform } from '../platform/browser-platform';
import { createServices, type Services } from '../services';
import { CliError } from './cli-errors';

export interface CliData {
  /** The data folder, which no export may be written into. */
  dataDir: string;
  repos: Repositories;
  services: Services;
  close(): void;
}

function requireDatabase(dataDir: string): string {
  const shape = folderShapeProblem(dataDir);
  if (shape) throw new CliError(`${shape} Nothing was changed.`);
  const file = databasePath(dataDir);
  if (!fs.existsSync(file)) {
    throw new CliError(
      `There is no Cadence database in ${dataDir} (looked for ${file}). ` +
        'Open Cadence once to create it, or point --data-dir or CADENCE_DATA_DIR at the folder that holds cadence.sqlite.',
    );
  }
  return file;
}

/**
 * Reads without the data-folder lock, so it works while the app runs: a read-only connection that
 * never migrates. A file at another schema version is refused with what to do about it.
 */
export function openForReading(dataDir: string): CliData {
  const file = requireDatabase(dataDir);
  const { db, found, known, close } = openReadOnly(file);
  try {
    if (found === 0) throw new CliError(`${file} is not a Cadence database, or it is empty. Nothing was changed.`);
    if (found < known) {
      throw new CliError(
        `The database in ${dataDir} is from an older Cadence (schema ${found}; this one needs ${known}). ` +
          'Open the Cadence app once to upgrade it, then run this again. Nothing was changed.',
      );
    }
    if (found > known) {
      throw new CliError(
        `The database in ${dataDir} was written by a newer Cadence (schema ${found}; this one knows up to ${known}), ` +
          'so this Cadence is older than the app. Update it to read this database. Nothing was changed.',
      );
    }
    const repos = createRepositories(new Sql(db));
    return {
      dataDir,
      repos,
      services: createServices(repos, systemClock, browserPlatform, { readOnly: true, dataDir }),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** A command that writes, refused by a data folder it may not write (a read-only disk, no permission), in words. */
function unwritable(dataDir: string, error: unknown): unknown {
  const shape = folderShapeProblem(dataDir);
  if (shape) return new CliError(`${shape} Nothing was changed.`);
  const reason = unwritableReason(dataDir, error);
  if (!reason) return error;
  return new CliError(
    `This command writes to the data folder ${dataDir}, and Cadence may not write there (${reason}). ` +
      'Reading commands (export, decisions search, meetings list, teams list) work there as they are. Nothing was changed.',
  );
}

/** Writes take the data-folder lock like the app does; a second writer gets the lock's clear message. */
export async function openForWriting(dataDir: string): Promise<CliData> {
  let lock: ReturnType<typeof acquireDataDirLock>;
  try {
    ensurePrivateDir(dataDir);
    lock = acquireDataDirLock(dataDir, 'cli');
  } catch (error) {
    throw unwritable(dataDir, error);
  }
  try {
    const opened = await openDatabase(databasePath(dataDir));
    tightenDataFolder(dataDir);
    const repos = createRepositories(new Sql(opened.db));
    return {
      dataDir,
      repos,
      services: createServices(repos, systemClock, browserPlatform, { dataDir }),
      close() {
        opened.db.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw unwritable(dataDir, error);
  }
}
