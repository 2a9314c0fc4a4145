import type { ExportedFile } from '@shared/planning';
import { createBackup, describeBackup, listBackups, pruneBackups, type BackupFile } from '../db/backups';
import { createRepositories } from '../db/repositories';
import { backupFile, checkFile, checkpointFile, withReadConnection } from '../db/side-connection';
import { migrateFile } from '../db/open-database';
import { collectDecisions } from '../services/exports/decision-records';
import { decisionLogHtml } from '../services/exports/decision-log-html';
import { decisionsMadr } from '../services/exports/decisions-madr';
import { MadrMemo } from '../services/exports/madr-memo';
import { mergeAndCommit } from '../services/sync/merge-commit';
import { checkTrees, type MergeJob } from '../services/sync/merge-job';

/** A decision-log export of one team (or all): the database file to read. */
interface ExportJob {
  file: string;
  teamId: string | null;
}

/**
 * A team's MADR records rendered by the last export, so a sync's commit after each merge renders only what changed.
 * The app runs syncs and MADR exports in one worker (cadence-core.ts), so one memo holds them.
 */
const madrMemo = new MadrMemo();

/**
 * The slow work done in the worker thread, each from the database file on a connection of the
 * worker's own: inputs and outputs are plain data, since they cross threads.
 */
export const jobs = {
  /** A verified backup, older ones pruned; answers the new one with what it holds. */
  backup: async (input: { file: string; dataDir: string; reason: string; now: number }): Promise<BackupFile> => {
    const target = await createBackup(input.file, input.dataDir, input.reason, input.now);
    pruneBackups(input.dataDir, input.now);
    return describeBackup(input.dataDir, target);
  },
  listBackups: (input: { dataDir: string }): BackupFile[] => listBackups(input.dataDir),
  /** The verified copy a start makes before it migrates the file (open-database.ts): answers where it is. */
  backupBeforeMigration: (input: { file: string; target: string }): Promise<string> => backupFile(input.file, input.target),
  /**
   * The shipped migrations, each with its user_version in one transaction (migrator.ts), on this thread's connection
   * while the app's own waits, so the first screen is served and says what is happening (a minute on a large file).
   */
  migrate: (input: { file: string }): number[] => migrateFile(input.file),
  /** A PASSIVE checkpoint of the app's WAL, so that no write of the answering thread pays for one (core/wal-checkpoints.ts). */
  checkpoint: (input: { file: string }) => checkpointFile(input.file),
  /** `PRAGMA quick_check`: 'ok', or what is wrong. */
  check: (input: { file: string }): string => checkFile(input.file),
  decisionsMadr: (input: ExportJob): ExportedFile[] =>
    withReadConnection(input.file, (sql) =>
      decisionsMadr(collectDecisions(createRepositories(sql), input.teamId), input.teamId ? madrMemo.forTeam(input.teamId) : undefined),
    ),
  /** The HTML page names the day it was exported. */
  decisionLogHtml: (input: ExportJob & { today: string }): ExportedFile =>
    withReadConnection(input.file, (sql) => decisionLogHtml(collectDecisions(createRepositories(sql), input.teamId), input.today)),
  /** A sync's trees read from its clone and checked, nothing written (a refusal comes back as an error). */
  syncCheck: (input: MergeJob): Promise<void> => checkTrees(input),
  /** A sync's merge, written on the worker's own connection, and its commit (data, MADR folder, README); answers its id. */
  syncMerge: (input: MergeJob) => mergeAndCommit(input, madrMemo),
};

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
export type JobInput<K extends JobName> = Parameters<Jobs[K]>[0];
export type JobOutput<K extends JobName> = Awaited<ReturnType<Jobs[K]>>;

/** What goes to the worker and what comes back, matched by `seq` (as Signal Desktop's SQL worker does). */
export interface WorkerRequest {
  seq: number;
  request: { job: JobName; input: unknown };
}

export interface WorkerReply {
  seq: number;
  error?: { name: string; message: string; code?: string };
  response?: unknown;
}
