import type { AppInfo } from '../../shared/domain';
import { openDatabase, type OpenedDatabase } from '../db/open-database';
import { Sql } from '../db/query';
import { createRepositories } from '../db/repositories';
import { schemaVersion } from '../db/migrator';
import type { Platform } from '../platform/platform';
import { browserPlatform } from '../platform/browser-platform';
import { createServices, type Services } from '../services';
import { ChangeFeed } from './change-feed';
import { systemClock, type Clock } from './clock';
import { acquireDataDirLock } from './data-lock';
import { databasePath } from './data-dir';
import { Dispatcher, type ErrorLogger } from './dispatcher';
import { createHandlers } from './handlers';

export interface CoreOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  clock?: Clock;
  /** Who holds the data-folder lock, for the message a second process sees. */
  lockKind?: string;
  logError?: ErrorLogger;
  /** Dialogs, PDF, displays: Electron's in the desktop app, the browser mode's otherwise. */
  platform?: Platform;
}

export interface CadenceCore {
  dispatcher: Dispatcher;
  feed: ChangeFeed;
  services: Services;
  opened: OpenedDatabase;
  close(): void;
}

/** Everything main does, without Electron: the desktop shell, the browser server and tests share it. */
export async function startCore(options: CoreOptions): Promise<CadenceCore> {
  const clock = options.clock ?? systemClock;
  const lock = acquireDataDirLock(options.dataDir, options.lockKind ?? options.mode);
  let opened: OpenedDatabase;
  try {
    opened = await openDatabase(databasePath(options.dataDir), { now: () => clock.now() });
  } catch (error) {
    lock.release();
    throw error;
  }
  const repos = createRepositories(new Sql(opened.db));
  const services = createServices(repos, clock, options.platform ?? browserPlatform);
  const feed = new ChangeFeed(clock);
  const info = (): AppInfo => ({
    version: options.version,
    mode: options.mode,
    dataDir: options.dataDir,
    databaseFile: opened.file,
    schemaVersion: schemaVersion(opened.db),
  });
  const dispatcher = new Dispatcher(createHandlers(services, feed, info), feed, options.logError);
  let closed = false;
  return {
    dispatcher,
    feed,
    services,
    opened,
    close() {
      if (closed) return;
      closed = true;
      opened.db.close();
      lock.release();
    },
  };
}
