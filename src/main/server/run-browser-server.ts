/**
 * Starts the browser-mode server on the data folder and prints where to open it. Shared by
 * the production entry and the test entry, which differ only in the clock they pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/clock';
import { resolveDataDir } from '../data-folder/data-dir';
import { warmFirstReads } from '../core/warm-first-reads';
import { readyLines, recoveryLines } from './terminal-messages';

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

/** Reuses the last port so an open page reconnects after a restart. */
function portMemory(dataDir: string) {
  const file = path.join(dataDir, 'browser-server.json');
  return {
    read(): number | null {
      try {
        const port = Number((JSON.parse(fs.readFileSync(file, 'utf8')) as { port?: unknown }).port);
        return Number.isInteger(port) && port > 0 ? port : null;
      } catch {
        return null;
      }
    },
    write(port: number) {
      fs.writeFileSync(file, JSON.stringify({ port }), { mode: 0o600 });
    },
  };
}

export async function runBrowserServer(options: { clock: Clock; rendererDir: string; backgroundCheckAfterMs?: number }): Promise<void> {
  const dataDir = resolveDataDir();
  const { startCore } = await import('../core/cadence-core');
  const { startBrowserServer } = await import('./browser-server');
  const { SessionAuth } = await import('./session-auth');
  const { DataDirLockedError } = await import('../data-folder/data-lock');
  const { FutureSchemaError } = await import('../db/migrator');
  const { CorruptDatabaseError } = await import('../db/open-database');
  const { DiskFullError } = await import('../data-folder/disk-full');
  const { DataFolderUnwritableError } = await import('../data-folder/folder-unwritable');

  let core;
  try {
    core = await startCore({
      dataDir,
      mode: 'browser',
      version: process.env.npm_package_version ?? '0.1.0',
      lockKind: 'browser server',
      clock: options.clock,
      backgroundCheckAfterMs: options.backgroundCheckAfterMs,
      logError: (op, error) =>
        process.stderr.write(`[${new Date().toISOString()}] ${op} failed: ${String((error as Error)?.stack ?? error)}\n`),
    });
  } catch (error) {
    const plain = [DataDirLockedError, FutureSchemaError, CorruptDatabaseError, DiskFullError, DataFolderUnwritableError];
    if (plain.some((kind) => error instanceof kind)) {
      process.stderr.write((error as Error).message + '\n');
      process.exit(1);
    }
    throw error;
  }

  const memory = portMemory(dataDir);
  const explicit = parsePort(process.argv.slice(2));
  const candidates = explicit !== null ? [explicit] : [memory.read() ?? PREFERRED_PORT, 0];
  const auth = SessionAuth.fromDataDir(dataDir);
  let server;
  for (const port of candidates) {
    try {
      server = await startBrowserServer({ core, auth, rendererDir: options.rendererDir, port });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === candidates.at(-1)) {
        core.close();
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
    void running.close().then(() => {
      core.close();
      process.exit(0);
    });
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
  for (const line of [...recoveryLines(core.recovery), ...readyLines(dataDir, running.signInUrl())]) process.stdout.write(line + '\n');
  // After "ready": the browser takes longer to load the page than these take to answer.
  void warmFirstReads(core.dispatcher);
}
