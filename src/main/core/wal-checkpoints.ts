/**
 * Checkpoints off the thread that answers operations. SQLite's own checkpoint runs inside the commit that takes the
 * WAL past 1,000 pages: that one write copies them all into the database file and syncs it (23-36 ms measured on the
 * ten-year file) while the console waits. So the answering connection leaves it to the worker thread (its automatic
 * checkpoint only a backstop, see `checkpointInBackground`), which checkpoints PASSIVE (never waiting for a write,
 * never holding one up) after every few writes and once writes pause. A checkpoint that has copied everything lets
 * the next write start the WAL again from its beginning, so it stays a few hundred pages long. Writes with no pause
 * always commit while a checkpoint runs, so past a thousand pages the worker also restarts the WAL (see
 * `checkpointFile`): the backstop is never reached.
 */

/** After this many writes the worker checkpoints: some 100-300 pages to copy, a few ms, none of them on this thread. */
export const CHECKPOINT_EVERY_WRITES = 32;
/** And this long after the last write: a pause in the meeting leaves nothing in the WAL for the next write. */
export const CHECKPOINT_IDLE_MS = 250;

export class WalCheckpoints {
  private writes = 0;
  private idle: NodeJS.Timeout | null = null;
  private last: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    /** Runs one PASSIVE checkpoint in the worker thread. */
    private readonly checkpoint: () => Promise<unknown>,
    private readonly logError: (error: unknown) => void,
    /** null: no timer (tests, whose cores would each start a worker thread on it); every CHECKPOINT_EVERY_WRITES still checkpoints. */
    private readonly idleMs: number | null = CHECKPOINT_IDLE_MS,
  ) {}

  /** Called after each committed write (its change event). */
  wrote(): void {
    if (this.stopped) return;
    if (++this.writes >= CHECKPOINT_EVERY_WRITES) {
      this.run();
      return;
    }
    if (this.idleMs === null) return;
    // One timer, moved on by every write (refresh also re-arms it once it has fired).
    this.idle ??= setTimeout(() => this.run(), this.idleMs).unref();
    this.idle.refresh();
  }

  /** The last checkpoint asked for, finished (tests wait for it). */
  settled(): Promise<void> {
    return this.last;
  }

  stop(): void {
    this.stopped = true;
    if (this.idle) clearTimeout(this.idle);
  }

  private run(): void {
    if (this.stopped || this.writes === 0) return;
    this.writes = 0;
    // Not waited for: jobs queue in the worker, and the next write does not wait for this one.
    this.last = (async () => this.checkpoint())().then(
      () => undefined,
      (error: unknown) => this.logError(error),
    );
  }
}
