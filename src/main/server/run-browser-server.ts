/**
 * Starts the browser-mode server on the data folder and prints where to open it. Shared by
 * the production entry and the test entry, which differ only in the clock they pass.
 */
import type { Clock } from '../core/clock';
import type { CadenceCore, startCore } from '../core/cadence-core';
import type { RunningBrowserServer } from './browser-server';
import { holdDataFolder, isUpdateStart, isUsualStart } from '../core/early-start';
import { StartProgress, UPDATING_WORDS } from '../core/start-progress';
import { dataDirFromArgs } from '../data-folder/data-dir';
import { DataDirLockedError, type DataDirLock } from '../data-folder/data-lock';
import { DiskFullError } from '../data-folder/disk-full';
import { DataFolderUnwritableError } from '../data-folder/folder-unwritable';
import { FutureSchemaError } from '../db/migrator';
import { warmFirstReads } from '../core/warm-first-reads';
import { readyLines, recoveryLines, updateLines } from './terminal-messages';
import { portMemory } from './port-memory';

const PREFERRED_PORT = 47300;

function parsePort(args: string[]): number | null {
  const i = args.indexOf('--port');
  if (i < 0) return null;
  const port = Number(args[i + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port needs a number from 0 to 65535, not "${args[i + 1] ?? ''}"\n`);
    process.exit(2);
  }
  return port;
}

/** Whether a start-up failure is one a person can act on (the folder in use, a newer Cadence's file, a full disk, an update that failed), said in its own words. */
async function isPlain(error: unknown): Promise<boolean> {
  const { CorruptDatabaseError } = await import('../db/open-database');
  const { UpdateFailedError } = await import('../db/update-failure');
  const plain = [DataDirLockedError, FutureSchemaError, CorruptDatabaseError, DiskFullError, DataFolderUnwritableError, UpdateFailedError];
  return plain.some((kind) => error instanceof kind);
}

/** A plain start-up failure is said in its own words, and the process ends. */
async function exitIfPlain(error: unknown): Promise<void> {
  if (await isPlain(error)) {
    process.stderr.write((error as Error).message + '\n');
    process.exit(1);
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The core's modules, loaded here rather than with this module (main's services and database layer are most of a
 * start's CPU, and in the usual start they load while the browser loads the page), and a few at a time with a turn of
 * the event loop between: Node's loader reads, links and runs an import's whole graph without yielding, and the page's
 * requests (its HTML, its code) arriving meanwhile would wait for all of it (some 60 ms of CPU) rather than one step.
 * Before each step, `between` lets the page's own requests go first (BrowserServer.requestsPaused).
 */
async function loadCore(between: () => Promise<void>): Promise<typeof startCore> {
  const step = async () => {
    await nextTurn();
    await between();
  };
  await step();
  await import('../db/open-database');
  await step();
  await import('@shared/contract');
  await step();
  await import('../services');
  await step();
  const core = await import('../core/cadence-core');
  // The database's opening is the last long step.
  await step();
  return core.startCore;
}

export async function runBrowserServer(options: {
  clock: Clock;
  rendererDir: string;
  backgroundCheckAfterMs?: number;
  syncAfterStartMs?: number | null;
}): Promise<void> {
  const dataDir = dataDirFromArgs(process.argv.slice(2));
  if (dataDir === null) {
    process.stderr.write('--data-dir needs a folder.\n');
    process.exit(2);
  }
  const explicit = parsePort(process.argv.slice(2));
  let lock: DataDirLock;
  try {
    // First: a second server on this folder is refused before it prints anything, as it always was.
    lock = holdDataFolder(dataDir, 'browser server');
  } catch (error) {
    await exitIfPlain(error);
    throw error;
  }
  let server: RunningBrowserServer | undefined;
  const progress = new StartProgress();
  // A start that updates the file has printed its address and its page says the update is under way: when it fails, the
  // page says what failed and what to do (these words), and the server stays to show them until it is stopped.
  let failure: string | null = null;
  const openCore = async (): Promise<CadenceCore> => {
    try {
      const start = await loadCore(() => server?.requestsPaused() ?? Promise.resolve());
      return await start({
        dataDir,
        mode: 'browser',
        version: process.env.npm_package_version ?? '0.1.0',
        lockKind: 'browser server',
        lock,
        clock: options.clock,
        backgroundCheckAfterMs: options.backgroundCheckAfterMs,
        syncAfterStartMs: options.syncAfterStartMs,
        progress,
        logError: (op, error) =>
          process.stderr.write(`[${new Date().toISOString()}] ${op} failed: ${String((error as Error)?.stack ?? error)}\n`),
      });
    } catch (error) {
      if (updating) {
        failure = (await isPlain(error))
          ? (error as Error).message
          : `Cadence could not start: ${String((error as Error)?.message ?? error)}`;
        throw error;
      }
      await exitIfPlain(error);
      throw error;
    }
  };

  // The usual start (isUsualStart) prints the address first and opens the database at once after it, while the
  // browser sets out to ask for the page: the page's head is sent between two steps of the opening, and what needs
  // the database (the page's first answers, an operation) waits for it. Any other start opens first, so what it has
  // to say about the file (damage moved aside, a newer Cadence's file) comes before the address. A start that updates
  // the file (isUpdateStart: a backup, then migrations, up to a minute on a large team history) prints the address
  // first too, and its page says what is happening until the app can be shown (the terminal says it as well).
  const usual = isUsualStart(dataDir);
  const updating = !usual && isUpdateStart(dataDir);
  const openedFirst = usual || updating ? null : await openCore();
  let printed: () => void = () => {};
  const core: Promise<CadenceCore> = openedFirst
    ? Promise.resolve(openedFirst)
    : new Promise<void>((resolve) => (printed = resolve)).then(openCore);
  // Awaited below; a failure meanwhile is not also an unhandled rejection.
  core.catch(() => undefined);
  const { startBrowserServer } = await import('./browser-server');
  const { SessionAuth } = await import('./session-auth');

  const memory = portMemory(dataDir);
  const candidates = explicit !== null ? [explicit] : [memory.read() ?? PREFERRED_PORT, 0];
  const auth = SessionAuth.fromDataDir(dataDir);
  for (const port of candidates) {
    try {
      server = await startBrowserServer({
        core,
        auth,
        rendererDir: options.rendererDir,
        port,
        startingWords: () => (updating && progress.phase !== 'ready' && progress.phase !== 'failed' ? UPDATING_WORDS : null),
        failureWords: () => failure,
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === candidates.at(-1)) {
        if (openedFirst) openedFirst.close();
        else lock.release();
        process.stderr.write(`Cadence could not start its server: ${(error as Error).message}\n`);
        process.exit(1);
      }
    }
  }
  if (!server) return;
  memory.write(server.port);
  const running = server;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // A stop while the database opens waits for it, so the close is a clean one.
    void running
      .close()
      .then(() => core)
      .then(
        (opened) => {
          opened.close();
          process.exit(0);
        },
        () => process.exit(1),
      );
  };
  // Before "ready" is printed: a stop sent the moment it appears must close cleanly, not kill the process and
  // leave an unclean shutdown (whose next start reads the whole file).
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The way back in after a sign-out, an expired session or a used address: Enter prints a new one.
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text: string) => {
    if (text.includes('\n')) process.stdout.write(`Fresh sign-in address: ${running.signInUrl()}\n`);
  });
  process.stdin.on('error', () => undefined);
  const say = (lines: string[]) => {
    for (const line of lines) process.stdout.write(line + '\n');
  };
  // "Up to date" is said once the core is here, which may instead have found the file damaged (recovery, below).
  if (updating) progress.on((phase) => phase !== 'ready' && say(updateLines(phase)));
  say([
    ...(updating ? [UPDATING_WORDS] : []),
    ...recoveryLines(openedFirst?.recovery ?? null),
    ...readyLines(dataDir, running.signInUrl()),
  ]);
  printed();
  let opened: CadenceCore;
  try {
    opened = await core;
  } catch (error) {
    if (failure === null) throw error;
    // The page shows the same words; the process stays to serve them (every request for a page gets them).
    process.stderr.write(`${failure}\nThe page says so too. Ctrl+C stops.\n`);
    return;
  }
  if (updating && !opened.recovery) say(updateLines('ready'));
  // A file that looked usual and still proved damaged: said now, with a fresh address below it so it is not missed.
  if (!openedFirst && opened.recovery) say([...recoveryLines(opened.recovery), ...readyLines(dataDir, running.signInUrl())]);
  // While the browser loads the page: the answers a sign-in address's page carries are then read warm, as are the
  // reads a page opened without one sends itself. Not once such a page has asked for them: its own reads are under
  // way, and warming beside them read each one twice before the page's answers could go (traced on the ten-year
  // folder: the page had asked before the database was open, and both sets ran, one read of each per turn).
  void warmFirstReads(opened.dispatcher, running.firstReadsAsked);
}
