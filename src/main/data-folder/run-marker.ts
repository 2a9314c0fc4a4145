import fs from 'node:fs';
import path from 'node:path';
import { isPlainFile } from './plain-file';
import { writeFileAtomic, writeFileFlushLater } from './atomic-write';

export const RUN_MARKER = 'cadence.running';

interface MarkerContent {
  pid: number;
  since: number;
  /** Set when a check in the background found damage: the next start must check and recover. */
  damage?: string;
}

/** Why this start checks the whole file before opening it, or null when the last run closed cleanly. */
export type StartCheckReason = 'unclean-shutdown' | 'damage-found' | null;

/**
 * A marker in the data folder while Cadence runs: written at start, removed at a clean close. A
 * marker found at start means the last run crashed, was killed or lost power (or found damage),
 * and only then does the start read the whole file to check it; otherwise it checks in the background.
 */
export class RunMarker {
  private readonly file: string;
  private damage: string | null = null;
  /** This start wrote the marker where there was none: a start that fails takes it away again. */
  private created = false;
  /** The marker this start wrote, on its way to the disk (RunMarker.onDisk). */
  private flushing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, RUN_MARKER);
  }

  /** Reads what the last run left and marks this one as running. */
  begin(now: number): StartCheckReason {
    let reason: StartCheckReason = null;
    if (fs.existsSync(this.file)) {
      reason = 'unclean-shutdown';
      try {
        if (isPlainFile(this.file) && (JSON.parse(fs.readFileSync(this.file, 'utf8')) as MarkerContent).damage) reason = 'damage-found';
      } catch {
        /* an unreadable marker is still a marker */
      }
    }
    // On disk before the database is written (onDisk), not before this start goes on: the flush runs meanwhile.
    this.flushing = writeFileFlushLater(this.file, JSON.stringify({ pid: process.pid, since: now } satisfies MarkerContent));
    // Awaited by the start; one that fails before that point is not also an unhandled rejection.
    this.flushing.catch(() => undefined);
    this.created = reason === null;
    return reason;
  }

  /** Settles once the marker `begin` wrote is on disk: a crash after it leaves a marker the next start finds. */
  onDisk(): Promise<void> {
    return this.flushing;
  }

  /**
   * The start failed before the database was open (a data folder of the wrong shape, a refused file): nothing of this
   * run can need checking, so the marker this start wrote goes, and the next good start is not made to check the whole
   * file for nothing. A marker the last run left stays: its file still needs the check.
   */
  abandon(): void {
    if (this.created) fs.rmSync(this.file, { force: true });
    this.created = false;
  }

  /** A background check found damage: kept across a clean close so the next start checks and recovers. */
  markDamaged(detail: string, now: number): void {
    this.damage = detail;
    this.write({ pid: process.pid, since: now, damage: detail });
  }

  /** A clean close: the next start need not check, unless damage was found. */
  end(): void {
    if (this.damage === null) fs.rmSync(this.file, { force: true });
  }

  private write(content: MarkerContent): void {
    writeFileAtomic(this.file, JSON.stringify(content));
  }
}
