import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'cadence.lock';

interface LockOwner {
  pid: number;
  host: string;
  kind: string;
  since: number;
  /** Which acquisition wrote the file, so only that one releases it. */
  token?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly owner: LockOwner,
    dataDir: string,
  ) {
    super(
      `Another Cadence process (${owner.kind}, pid ${owner.pid}, since ${new Date(owner.since).toISOString()}) ` +
        `is using the data folder ${dataDir}. Close it first, or set CADENCE_DATA_DIR to use another folder.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      host: String(parsed.host ?? ''),
      kind: String(parsed.kind ?? 'unknown'),
      since: Number(parsed.since ?? 0),
      token: typeof parsed.token === 'string' ? parsed.token : undefined,
    };
  } catch {
    return null;
  }
}

/** Locks this process holds, by lock path: a second core in the same process is refused too. */
const heldHere = new Map<string, string>();

export interface DataDirLock {
  release(): void;
}

/**
 * Keeps two processes (desktop app, browser server, CLI writer) from writing the
 * same database. The lock is created with link(2), which fails if the file exists,
 * so two starters cannot both win; a lock whose process is gone is taken over.
 */
export function acquireDataDirLock(dataDir: string, kind: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.resolve(dataDir, LOCK_FILE);
  const held = heldHere.get(lockPath);
  const current = readOwner(lockPath);
  if (held && current && current.token === held) throw new DataDirLockedError(current, dataDir);
  const token = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), kind, since: Date.now(), token };
  const temp = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(temp, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(temp, lockPath);
        heldHere.set(lockPath, token);
        return { release: () => releaseIfMine(lockPath, token) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = readOwner(lockPath);
      const sameHost = !owner || owner.host === me.host;
      // Our own pid in a lock we do not hold is a crashed earlier process whose pid was reused: stale.
      const ours = owner?.pid === process.pid;
      if (owner && !ours && (!sameHost || isAlive(owner.pid))) throw new DataDirLockedError(owner, dataDir);
      // Stale (its process is gone) or unreadable: move it aside rather than delete, then retry.
      try {
        fs.renameSync(lockPath, `${lockPath}.stale-${Date.now()}`);
      } catch {
        /* another starter moved it first; retry decides */
      }
    }
    throw new Error(`Could not take the lock on ${dataDir}; try again.`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function releaseIfMine(lockPath: string, token: string): void {
  if (heldHere.get(lockPath) === token) heldHere.delete(lockPath);
  const owner = readOwner(lockPath);
  if (owner && owner.token === token) fs.rmSync(lockPath, { force: true });
}
