import fs from 'node:fs';
import os from 'node:os';
import type { AppInfo, BackupInfo } from '@shared/domain';
import type { LogFile } from './log-file';

/** What a person can paste into a problem report: versions, where the data is, its size, the last backup, recent errors. */
export function diagnosticsText(info: AppInfo, backups: BackupInfo[], log: LogFile, pragmas: Record<string, unknown>): string {
  const bytes = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
  const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : null);
  // In WAL mode the newest writes sit in -wal until a checkpoint: the database is both files.
  const size = (file: string) => {
    const main = sizeOf(file);
    const wal = sizeOf(`${file}-wal`) ?? 0;
    if (main === null) return 'missing';
    return wal > 0 ? `${bytes(main + wal)}: ${bytes(main)} in the file, ${bytes(wal)} in its write-ahead log` : bytes(main);
  };
  const last = backups[0];
  const errors = log.recentErrors(10);
  return [
    `Cadence ${info.version} (${info.mode})`,
    `Node ${process.versions.node}${process.versions.electron ? `, Electron ${process.versions.electron}` : ''}, ${os.platform()} ${os.release()} ${os.arch()}`,
    `Data folder: ${info.dataDir}`,
    `Database: ${info.databaseFile} (${size(info.databaseFile)}, schema ${info.schemaVersion})`,
    `Settings: ${Object.entries(pragmas)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')}`,
    `Last backup: ${last ? `${new Date(last.at).toISOString()} (${last.reason}, ${bytes(last.sizeBytes)})` : 'none yet'}`,
    `Recovered from a damaged file at start-up: ${info.recovery ? `yes, moved to ${info.recovery.movedTo}` : 'no'}`,
    `Damage found by the check in the background: ${info.damageFound ? `yes, ${info.damageFound.detail}` : 'no'}`,
    `Log: ${log.file}`,
    `Recent errors (${errors.length}):`,
    ...(errors.length ? errors.map((e) => `  ${e.split('\n').slice(0, 4).join('\n    ')}`) : ['  none']),
  ].join('\n');
}
