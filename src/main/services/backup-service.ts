import path from 'node:path';
import type { BackupInfo } from '@shared/domain';
import { DomainError } from '@shared/result';
import type { Clock } from '../core/clock';
import { subfolderProblem } from '../data-folder/folder-shape';
import { restoreInto, type BackupFile } from '../db/backups';
import { schemaVersion } from '../db/migrator';
import type { Sql } from '../db/query';
import type { DbWorker } from '../worker/db-worker';

export const BACKUP_EVERY_MS = 15 * 60_000;

function toInfo(b: BackupFile): BackupInfo {
  return { name: b.name, at: b.at, reason: b.reason, sizeBytes: b.sizeBytes, summary: b.summary };
}

/**
 * Verified backups at the end of each meeting and every 15 minutes while something changed,
 * kept by day; restoring first saves what is there now, so a restore can itself be undone.
 * Copying and checking (seconds on a big file) happen in the worker thread.
 */
export class BackupService {
  private lastBackupAt = 0;
  private lastBackupRevision = -1;

  constructor(
    private readonly sql: Sql,
    private readonly databaseFile: string,
    private readonly dataDir: string,
    private readonly worker: DbWorker,
    private readonly clock: Clock,
    private readonly revision: () => number,
    /** Restores go to the data folder's log: what replaced the data, and the copy that undoes it. */
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  async list(): Promise<BackupInfo[]> {
    return (await this.listFiles()).map(toInfo);
  }

  /** The backups, or the words for a file (or a link to nothing) where their folder should be. */
  private async listFiles(): Promise<BackupFile[]> {
    try {
      return await this.worker.run('listBackups', { dataDir: this.dataDir });
    } catch (error) {
      throw this.inWords(error, 'No backup can be listed.');
    }
  }

  private inWords(error: unknown, then: string): unknown {
    const shape = subfolderProblem(this.dataDir, 'backups');
    return shape ? new DomainError('conflict', `${shape} ${then}`) : error;
  }

  async backupNow(
    reason: 'manual' | 'meeting-end' | 'scheduled' | 'before-restore' | 'before-import' | 'before-sync',
  ): Promise<BackupInfo> {
    const revision = this.revision();
    let made: BackupFile;
    try {
      made = await this.worker.run('backup', { file: this.databaseFile, dataDir: this.dataDir, reason, now: this.clock.now() });
    } catch (error) {
      // A file (or a link to nothing) where the backups folder should be: said in words, not as an internal error.
      throw this.inWords(error, 'No backup was made.');
    }
    this.lastBackupAt = this.clock.now();
    this.lastBackupRevision = revision;
    return toInfo(made);
  }

  /** Called every minute: backs up when 15 minutes have passed and something was written since, then `announce`s it. */
  async tick(announce: () => void = () => undefined): Promise<BackupInfo | null> {
    const now = this.clock.now();
    if (now - this.lastBackupAt < BACKUP_EVERY_MS || this.revision() === this.lastBackupRevision) return null;
    const made = await this.backupNow('scheduled');
    // Open backup lists learn of it by a change event; that event is not a change of the data, so it does not
    // make the next tick back up again.
    announce();
    this.lastBackupRevision = this.revision();
    return made;
  }

  async restore(name: string): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo }> {
    const target = (await this.listFiles()).find((b) => b.name === name);
    if (!target) throw new DomainError('not_found', 'That backup does not exist any more');
    if (!target.summary)
      throw new DomainError('conflict', 'That backup does not open cleanly, so it cannot be restored. Choose another one.');
    // The open file is at the newest schema this Cadence knows. A backup a newer Cadence made failed as an internal
    // error, after a safety copy made for nothing.
    const known = schemaVersion(this.sql.db);
    if (target.summary.schemaVersion > known)
      throw new DomainError(
        'conflict',
        `That backup was made by a newer Cadence (schema ${target.summary.schemaVersion}; this version knows up to ${known}), so it cannot be restored here. Update Cadence to restore it, or choose another one. Nothing was changed.`,
      );
    const safetyCopy = await this.backupNow('before-restore');
    // The restore replaces every row in one transaction on the app's own connection.
    await restoreInto(this.sql.db, target.file, path.join(this.dataDir, 'backups'));
    this.log(
      `restored backup ${target.name} (${target.reason}, ${new Date(target.at).toISOString()}); ` +
        `the data it replaced is in ${safetyCopy.name}, which undoes this restore`,
    );
    return { restored: toInfo(target), safetyCopy };
  }
}
