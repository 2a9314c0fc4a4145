/**
 * Checkpoints off the thread that answers operations. SQLite's own checkpoint runs inside the commit that takes the
 * WAL past 1,000 pages: that one write copies them all into the database file and syncs it (23-36 ms measured on the
 * ten-year file) while the console waits. So the answering connection leaves it to the worker thread (its automatic
 * checkpoint only a backstop, see `checkpointInBackground`), which checkpoints PASSIVE (never waiting for a write,
 * never holding one up) after every few writes and once writes pause. A checkpoint that has copied everything lets
 * the next write start the WAL again from its beginning, so it stays a few hundred pages long.
 *
 * Writes with no pause (a facilitator clicking on, a bench) always commit while the worker's checkpoint runs: it copies
 * the frames written before it began, never the last ones, and the WAL starts again only when a write begins with every
 * frame copied. So it grew to the backstop, whose checkpoint then ran inside a write. A restart from the worker must win
 * the write lock between two writes, which a busy disk makes a matter of luck. So every CHECKPOINT_FINISH_EVERY_WRITES
 * writes the answering connection finishes the job itself, between two writes: it copies only what the worker has not
 * yet (the last few writes' pages, nothing at all once writes have paused) and the next write starts the WAL again.
 *
 * Neither is part of the write that makes it due: asking the worker wakes its thread (measured on the ten-year bench
 * at load 8: 0.1-22 ms inside every 32nd write) and finishing copies and syncs the file (4-8 ms inside every 128th),
 * and the person waits for neither. Both run in the event loop's next turn, after the write's reply has gone out (each
 * operation arrives as an event of its own, so the loop turns between two writes); writes that come back to back in
 * one turn (a test's loop) run what the one before left due as they commit, so the cadence holds there too.
 */

/** After this many writes the worker checkpoints: some 100-300 pages to copy, a few ms, none of them on this thread. */
export const CHECKPOINT_EVERY_WRITES = 32;
/** And this long after the last write: a pause in the meeting leaves nothing in the WAL for the next write. */
export const CHECKPOINT_IDLE_MS = 250;
/**
 * After this many writes with no pause the answering connection finishes the checkpoint (a few hundred pages at most
 * in the WAL, a fraction of the backstop's 4,000); tried again at each write while the worker's own holds the file.
 */
export const CHECKPOINT_FINISH_EVERY_WRITES = 128;

export class WalCheckpoints {
  private writes = 0;
  private sinceFinished = 0;
  private idle: NodeJS.Timeout | null = null;
  /** The turn of the event loop that runs what the last write made due (see the file's comment). */
  private due: NodeJS.Immediate | null = null;
  private last: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    /** Runs one PASSIVE checkpoint in the worker thread. */
    private readonly checkpoint: () => Promise<unknown>,
    private readonly logError: (error: unknown) => void,
    /** null: no timer (tests, whose cores would each start a worker thread on it); every CHECKPOINT_EVERY_WRITES still checkpoints. */
    private readonly idleMs: number | null = CHECKPOINT_IDLE_MS,
    /** A PASSIVE checkpoint on the answering connection, run between two writes: false when another held the file. */
    private readonly finish: () => boolean = () => true,
  ) {}

  /** Called after each committed write (its change event). */
  wrote(): void {
    if (this.stopped) return;
    // Left due by the write before, with no turn of the loop since: run now, before this one counts.
    this.runDue();
    this.sinceFinished++;
    if (++this.writes >= CHECKPOINT_EVERY_WRITES || this.sinceFinished >= CHECKPOINT_FINISH_EVERY_WRITES) {
      this.due ??= setImmediate(() => this.runDue());
      if (this.writes >= CHECKPOINT_EVERY_WRITES) return;
    }
    if (this.idleMs === null) return;
    // One timer, moved on by every write (refresh also re-arms it once it has fired).
    this.idle ??= setTimeout(() => this.run(), this.idleMs).unref();
    this.idle.refresh();
  }

  /** The last checkpoint asked for, finished, one due asked for first (tests and the bench wait for it). */
  settled(): Promise<void> {
    this.runDue();
    return this.last;
  }

  stop(): void {
    this.stopped = true;
    if (this.idle) clearTimeout(this.idle);
    if (this.due) clearImmediate(this.due);
  }

  /** What the writes so far made due: the answering connection's finish, then the worker's checkpoint. */
  private runDue(): void {
    if (this.due === null) return;
    clearImmediate(this.due);
    this.due = null;
    if (this.stopped) return;
    if (this.sinceFinished >= CHECKPOINT_FINISH_EVERY_WRITES && this.finish()) this.sinceFinished = 0;
    if (this.writes >= CHECKPOINT_EVERY_WRITES) this.run();
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
