import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError } from '@shared/result';
import type { JobInput, JobName, JobOutput, WorkerReply, WorkerRequest } from './jobs';

/** Where the built worker is: tests name the one their global set-up built; the app finds it beside its entries. */
export function dbWorkerScript(): string {
  const named = process.env.CADENCE_DB_WORKER_SCRIPT;
  if (named) return named;
  // Built by electron-vite: entries in out/main, shared code in out/main/chunks.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const found = [path.join(here, 'db-worker.js'), path.join(here, '..', 'db-worker.js')].find((f) => fs.existsSync(f));
  if (!found) throw new Error(`The database worker (db-worker.js) is missing beside ${here}: build the app with electron-vite build.`);
  return found;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Backups, integrity checks and exports run here, in a worker thread with its own connection,
 * so the thread that answers operations never waits for them. Started on first use; a worker
 * that dies fails what it was doing and the next job starts a new one.
 */
export class DbWorker {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly script: () => string = dbWorkerScript) {}

  run<K extends JobName>(job: K, input: JobInput<K>): Promise<JobOutput<K>> {
    const worker = this.start();
    const seq = ++this.seq;
    return new Promise<JobOutput<K>>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (value: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ seq, request: { job, input } } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script());
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.seq);
      if (!pending) return;
      this.pending.delete(reply.seq);
      // An idle worker never keeps the process alive.
      if (this.pending.size === 0) worker.unref();
      if (!reply.error) pending.resolve(reply.response);
      else pending.reject(rebuild(reply.error));
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`The database worker stopped (exit code ${code}) before it finished.`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** A rule's refusal stays a refusal with its code, so the person reads the same message as before. */
function rebuild(error: NonNullable<WorkerReply['error']>): Error {
  if (error.name === 'DomainError' && error.code) return new DomainError(error.code as DomainError['code'], error.message);
  // The code (SQLITE_FULL, ENOSPC…) travels on, so a full disk in a backup or export is named as one.
  const rebuilt = Object.assign(new Error(error.message), { code: error.code });
  rebuilt.name = error.name;
  return rebuilt;
}
