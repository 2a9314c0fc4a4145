import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo, Recovery } from '@shared/domain';
import { listBackups, moveAside } from '../db/backups';
import { RunMarker } from '../data-folder/run-marker';
import { DbWorker } from '../worker/db-worker';
import { BackgroundCheck } from './background-check';
import { checkpointInBackground, CorruptDatabaseError, finishCheckpoint, openDatabase, type OpenedDatabase } from '../db/open-database';
import { WalCheckpoints } from './wal-checkpoints';
import { UpdateFailedError } from '../db/update-failure';
import { BackupService } from '../services/backup-service';
import { Sql } from '../db/query';
import { createRepositories } from '../db/repositories';
import { schemaVersion } from '../db/migrator';
import type { Platform } from '../platform/platform';
import { browserPlatform } from '../platform/browser-platform';
import { createServices, type Services } from '../services';
import { ChangeFeed } from './change-feed';
import { systemClock, type Clock } from './clock';
import type { DataDirLock } from '../data-folder/data-lock';
import { holdDataFolder } from './early-start';
import { databasePath } from '../data-folder/data-dir';
import { tightenDataFolder } from '../data-folder/private-files';
import { diagnosticsText } from '../data-folder/diagnostics';
import { Dispatcher, type ErrorLogger } from './dispatcher';
import { hasLoggedStart, LogFile } from '../data-folder/log-file';
import { plainFolderError } from '../data-folder/folder-unwritable';
import { createHandlers } from './handlers';
import { scope, wholeTeam } from '@shared/operations/scopes';
import { Git } from '../services/sync/git';
import { dataInWorker } from '../services/sync/merge-runner';
import { SyncService } from '../services/sync/sync-service';
import type { StartProgress } from './start-progress';

/** A linked team syncs this long after start-up (the first screen comes first), then this often while the app is open. */
const SYNC_AFTER_START_MS = 10_000;
const SYNC_EVERY_MS = 5 * 60_000;

export interface CoreOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  clock?: Clock;
  /** Who holds the data-folder lock, for the message a second process sees. */
  lockKind?: string;
  /** The data folder's lock when the caller took it already (the browser server, before it prints its address). */
  lock?: DataDirLock;
  logError?: ErrorLogger;
  /** Dialogs, PDF, displays: Electron's in the desktop app, the browser mode's otherwise. */
  platform?: Platform;
  /** How long after a clean start the whole file is checked in the background (default 30 s); null: only when asked. */
  backgroundCheckAfterMs?: number | null;
  /** How long after start-up the linked teams sync in the background (default 10 s); null: not at start-up. */
  syncAfterStartMs?: number | null;
  /**
   * Whether the timers run (default true): the every-minute backup, the syncs of linked teams (soon after start-up,
   * then every five minutes) and the WAL's checkpoint once writes pause; false: only `backups.tick()` and `sync.run()`
   * by hand, and checkpoints after every few writes, as tests do.
   */
  scheduledBackups?: boolean;
  /** The environment git runs with (default this process's: the person's SSH agent, PATH and credential helpers). */
  gitEnv?: NodeJS.ProcessEnv;
  /** Where the start stands (a backup and migrations before the first screen say so): moved on as it goes. */
  progress?: StartProgress;
}

export interface CadenceCore {
  dispatcher: Dispatcher;
  feed: ChangeFeed;
  services: Services;
  opened: OpenedDatabase;
  backups: BackupService;
  /** Linked teams' git repositories: synced at start-up, every few minutes, after each meeting, and on request. */
  sync: SyncService;
  recovery: Recovery | null;
  log: LogFile;
  /** Backups, checks and exports run there. */
  worker: DbWorker;
  /** The check a clean start skipped; run by a timer, or now when called. */
  integrity: BackgroundCheck;
  /** The WAL's checkpoints, run in the worker thread after writes. */
  checkpoints: WalCheckpoints;
  /** Whether this start read the whole file before opening it (the last run did not close cleanly). */
  checkedAtStart: boolean;
  close(): void;
}

/** Everything main does, without Electron: the desktop shell, the browser server and tests share it. */
export async function startCore(options: CoreOptions): Promise<CadenceCore> {
  try {
    const core = await start(options);
    options.progress?.to('ready');
    return core;
  } catch (error) {
    options.progress?.to('failed');
    // A full disk or a folder it may not write fails start-up somewhere deep (the lock, the marker, SQLite): name it
    // rather than show a stack.
    throw plainFolderError(options.dataDir, error);
  }
}

/**
 * Whether the database file is empty although this folder held data before (backups, a crash marker,
 * logged starts): damage, not a new start. Looked at only for an empty file, so a normal start reads no logs.
 */
function emptiedAfterUse(dataDir: string, file: string, crashed: boolean): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size > 0) return false;
  if (crashed) return true;
  const backupsDir = path.join(dataDir, 'backups');
  if (fs.existsSync(backupsDir) && fs.readdirSync(backupsDir).some((name) => name.endsWith('.sqlite'))) return true;
  return hasLoggedStart(path.join(dataDir, 'logs'));
}

async function start(options: CoreOptions): Promise<CadenceCore> {
  const clock = options.clock ?? systemClock;
  const lock = options.lock ?? holdDataFolder(options.dataDir, options.lockKind ?? options.mode);
  let log: LogFile;
  // Every failure goes to the rotated log file as well as wherever the host process reports it.
  const logError: ErrorLogger = (operation, error) => {
    log.error(operation, error);
    options.logError?.(operation, error);
  };
  let opened: OpenedDatabase;
  let recovery: Recovery | null = null;
  const file = databasePath(options.dataDir);
  const marker = new RunMarker(options.dataDir);
  // Reading all of a big file takes seconds: only after a crash (or damage found) does it stand before the first screen.
  let checkedAtStart: boolean;
  let emptied: boolean;
  // Nothing is made in the folder before the lock is won; a failure from here on, until the database is open, gives the
  // lock back and takes away the run marker this start wrote.
  // Made before the database opens: a migration's backup and the migrations run on its thread (openDatabase's offThread).
  const worker = new DbWorker();
  const fail: (error: unknown) => never = (error) => {
    void worker.close();
    marker.abandon();
    lock.release();
    throw error;
  };
  try {
    log = new LogFile(path.join(options.dataDir, 'logs'), clock);
    checkedAtStart = marker.begin(clock.now()) !== null;
    emptied = emptiedAfterUse(options.dataDir, file, checkedAtStart);
  } catch (error) {
    fail(error);
  }
  const offThread = {
    backup: (from: string, target: string) => worker.run('backupBeforeMigration', { file: from, target }),
    migrate: (of: string) => worker.run('migrate', { file: of }),
  };
  try {
    opened = await openDatabase(file, {
      now: () => clock.now(),
      check: checkedAtStart,
      emptyIsDamage: emptied,
      beforeMigrating: () => marker.onDisk(),
      phase: (phase) => options.progress?.to(phase),
      offThread,
    });
  } catch (error) {
    // An update that failed asks the person to send the log: it holds what SQLite said, with the stack.
    if (error instanceof UpdateFailedError) log.error('updating the data for this version', error.cause);
    if (!(error instanceof CorruptDatabaseError) || error.kind !== 'damaged') fail(error);
    // Damaged: keep it (moved aside, never deleted), start on an empty file, offer the newest good backup.
    try {
      const movedTo = moveAside(file, clock.now());
      opened = await openDatabase(file, { now: () => clock.now(), beforeMigrating: () => marker.onDisk(), offThread });
      const newest = listBackups(options.dataDir).find((b) => b.summary !== null) ?? null;
      recovery = {
        movedTo,
        detail: error.detail,
        newestBackup: newest && {
          name: newest.name,
          at: newest.at,
          reason: newest.reason,
          sizeBytes: newest.sizeBytes,
          summary: newest.summary,
        },
      };
    } catch (second) {
      fail(second);
    }
  }
  // The marker was flushed while the database opened; nothing writes to the file before it is on disk (a crash from
  // here on must leave the marker for the next start to find).
  try {
    await marker.onDisk();
  } catch (error) {
    opened.db.close();
    fail(error);
  }
  // Meeting data is this user's alone, including what an earlier Cadence left readable by others.
  for (const problem of tightenDataFolder(options.dataDir)) log.info(`could not make private: ${problem}`);
  const repos = createRepositories(new Sql(opened.db));
  // Syncs read, merge and commit in a worker of their own: the backup a meeting's end makes (seconds on a large
  // database) would otherwise hold the sync that same end starts behind it. The MADR folder a sync commits and the
  // MADR export render there too, so one memo keeps each team's rendered records.
  const syncWorker = new DbWorker();
  const services = createServices(repos, clock, options.platform ?? browserPlatform, {
    dataDir: options.dataDir,
    decisionFiles: {
      madr: (teamId) => syncWorker.run('decisionsMadr', { file, teamId }),
      html: (teamId, today) => worker.run('decisionLogHtml', { file, teamId, today }),
    },
  });
  const feed = new ChangeFeed(clock);
  checkpointInBackground(opened.db);
  const checkpoints = new WalCheckpoints(
    () => worker.run('checkpoint', { file }),
    (error) => logError('checkpoint', error),
    options.scheduledBackups === false ? null : undefined,
    () => finishCheckpoint(opened.db),
  );
  feed.watch(() => checkpoints.wrote());
  const backups = new BackupService(
    new Sql(opened.db),
    file,
    options.dataDir,
    worker,
    clock,
    () => feed.since(feed.epoch, Number.MAX_SAFE_INTEGER).revision,
    (message) => log.info(message),
  );
  const integrity = new BackgroundCheck(worker, file, marker, clock, (damage) => {
    logError('integrity.check', new Error(`The database file is damaged (${damage.detail}); the next start will recover it.`));
    // The banner reads app.info again on a backups change.
    feed.publish([{ topic: 'backups' }], 'integrity.check');
  });
  const checkAfter = options.backgroundCheckAfterMs === undefined ? 30_000 : options.backgroundCheckAfterMs;
  const checkTimer =
    checkedAtStart || checkAfter === null
      ? null
      : setTimeout(
          () =>
            void integrity
              .run()
              .then((result) => result === 'ok' && log.info('the check in the background found the database file sound'))
              .catch((e: unknown) => logError('integrity.check', e)),
          checkAfter,
        );
  checkTimer?.unref();
  const backupTimer =
    options.scheduledBackups === false
      ? undefined
      : setInterval(
          () =>
            void backups
              .tick(() => feed.publish([{ topic: 'backups' }], 'backups.scheduled'))
              .catch((e: unknown) => logError('backups.tick', e)),
          60_000,
        );
  backupTimer?.unref();
  const info = (): AppInfo => ({
    version: options.version,
    mode: options.mode,
    dataDir: options.dataDir,
    databaseFile: opened.file,
    schemaVersion: schemaVersion(opened.db),
    recovery,
    damageFound: integrity.damage,
  });
  const diagnostics = async () => diagnosticsText(info(), await backups.list(), log, { ...opened.pragmas });
  const sql = new Sql(opened.db);
  const sync = new SyncService({
    repos,
    clock,
    git: new Git(options.gitEnv),
    dataDir: options.dataDir,
    backup: () => backups.backupNow('before-sync'),
    data: dataInWorker({ check: (job) => syncWorker.run('syncCheck', job), merge: (job) => syncWorker.run('syncMerge', job) }, file, {
      ...(options.gitEnv ?? process.env),
    }),
    merged: (teamId) => feed.publish(wholeTeam(teamId), 'sync.merge'),
    statusChanged: (teamId) => feed.publish([scope('settings', { teamId })], 'sync.status'),
    meetingLive: () => repos.syncLinks.anyMeetingLive(),
    logError,
  });
  feed.watch((event) => sync.noteChange(event));
  const syncAfterStart = options.syncAfterStartMs === undefined ? SYNC_AFTER_START_MS : options.syncAfterStartMs;
  const syncAtStart =
    options.scheduledBackups === false || syncAfterStart === null ? undefined : setTimeout(() => sync.soon(), syncAfterStart);
  syncAtStart?.unref();
  if (options.scheduledBackups !== false) sync.startTimer(SYNC_EVERY_MS);
  const dispatcher = new Dispatcher(
    createHandlers(services, feed, info, backups, diagnostics, sync),
    feed,
    (fn, kind) => (kind === 'read' ? sql.readTransaction(fn) : sql.transaction(fn)),
    logError,
  );
  log.info(
    `started ${options.mode} ${options.version}${checkedAtStart ? ' after an unclean shutdown (file checked)' : ''}, schema ${schemaVersion(opened.db)}${opened.appliedMigrations.length ? `, migrated ${opened.appliedMigrations.join(', ')}` : ''}${recovery ? `, recovered: damaged file moved to ${recovery.movedTo}` : ''}`,
  );
  let closed = false;
  return {
    dispatcher,
    feed,
    services,
    opened,
    backups,
    sync,
    recovery,
    log,
    worker,
    integrity,
    checkpoints,
    checkedAtStart,
    close() {
      if (closed) return;
      closed = true;
      checkpoints.stop();
      clearInterval(backupTimer);
      clearTimeout(syncAtStart);
      sync.stop();
      if (checkTimer) clearTimeout(checkTimer);
      void worker.close();
      void syncWorker.close();
      opened.db.close();
      marker.end();
      lock.release();
    },
  };
}
