import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeFolders } from './make-folders';
import { isPlainFile } from './plain-file';
import { PRIVATE_FILE_MODE } from './private-files';

export const LOCK_FILE = 'cadence.lock';

interface LockOwner {
  pid: number;
  host: string;
  kind: string;
  since: number;
  /** When the holder process started (Linux: clock ticks since boot) and which boot it ran in: a reused pid differs. */
  started?: string;
  bootId?: string;
  /** Which acquisition wrote the file, so only that one releases it. */
  token?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly owner: LockOwner,
    dataDir: string,
  ) {
    // The time as the lock says it, when it says one a date can hold: a damaged lock's (1e20) threw "Invalid time value".
    const since = new Date(owner.since);
    const when = owner.since > 0 && Number.isFinite(since.getTime()) ? `, since ${since.toISOString()}` : '';
    super(
      `Another Cadence process (${owner.kind}, pid ${owner.pid}${when}) ` +
        `is using the data folder ${dataDir}. Close it first, or set CADENCE_DATA_DIR to use another folder.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process its parent has not yet reaped (a zombie) still answers signal 0, but holds no files: a start right
  // after a force-quit was refused as "Another Cadence process … is using the data folder" (walk19).
  return !['Z', 'X'].includes(processState(pid) ?? '');
}

/** Field 3 of /proc/<pid>/stat (R, S, D, Z for a zombie…); null where there is no /proc or no such process. */
const processState = (pid: number): string | null => statFields(pid)?.[0] ?? null;

/** Field 22 of /proc/<pid>/stat (the start time); null where there is no /proc or no such process. */
const processStart = (pid: number): string | null => statFields(pid)?.[19] ?? null;

/** The fields of /proc/<pid>/stat from its third on (the state); null where there is no /proc or no such process. */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * Whether the lock's holder still runs. A live pid is not proof: after a reboot or a crash the pid may
 * belong to another program, so where the lock names a start time and boot, both must match too.
 */
function holderRuns(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  if (owner.bootId !== undefined) {
    const boot = bootId();
    if (boot !== null && boot !== owner.bootId) return false;
  }
  if (owner.started !== undefined) {
    const started = processStart(owner.pid);
    if (started !== null && started !== owner.started) return false;
  }
  return true;
}

function readOwner(file: string): LockOwner | null {
  // Not a plain file (a pipe): unreadable, so taken over as any unreadable lock is.
  if (!isPlainFile(file)) return null;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      host: String(parsed.host ?? ''),
      kind: String(parsed.kind ?? 'unknown'),
      since: Number(parsed.since ?? 0),
      token: typeof parsed.token === 'string' ? parsed.token : undefined,
      started: typeof parsed.started === 'string' ? parsed.started : undefined,
      bootId: typeof parsed.bootId === 'string' ? parsed.bootId : undefined,
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
 * so two starters cannot both win; a lock whose process is gone (or whose pid now names another
 * process) is taken over, and nothing of it is left behind.
 */
export function acquireDataDirLock(dataDir: string, kind: string): DataDirLock {
  makeFolders(dataDir);
  const lockPath = path.resolve(dataDir, LOCK_FILE);
  const held = heldHere.get(lockPath);
  const current = readOwner(lockPath);
  if (held && current && current.token === held) throw new DataDirLockedError(current, dataDir);
  const token = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), kind, since: Date.now(), token };
  const started = processStart(process.pid);
  const boot = bootId();
  if (started !== null) me.started = started;
  if (boot !== null) me.bootId = boot;
  const temp = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    // Inside the try: a write that fails (a full disk) must not leave its empty temp file behind.
    // Private from its first byte (it names this host and process), not only once start-up tightens the folder.
    fs.writeFileSync(temp, JSON.stringify(me), { mode: PRIVATE_FILE_MODE });
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
      if (owner && !ours && (!sameHost || holderRuns(owner))) throw new DataDirLockedError(owner, dataDir);
      // Stale or unreadable. Renamed first (atomic: of two starters only one moves this very file), then deleted.
      const stale = `${lockPath}.stale-${process.pid}-${Date.now()}`;
      try {
        fs.renameSync(lockPath, stale);
        fs.rmSync(stale, { force: true });
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
