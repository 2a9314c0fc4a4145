/**
 * Where a start stands, for what the first screen and the browser mode's terminal say while it runs. A start that
 * finds no migration pending goes straight from `opening` to `ready` and says nothing; one that updates the file goes
 * through the verified backup and the migrations first, which take seconds to a minute on a large team history, and
 * says so in plain words until the app can be shown.
 */
export type StartPhase = 'opening' | 'backing-up' | 'updating' | 'ready' | 'failed';

/**
 * Each phase's next phases: a start only moves forward, and ends `ready` or `failed`. A backup whose check finds the
 * file damaged goes straight to `ready`: the file is moved aside and the start goes on with an empty one, as any start.
 */
const NEXT: Record<StartPhase, readonly StartPhase[]> = {
  opening: ['backing-up', 'updating', 'ready', 'failed'],
  'backing-up': ['updating', 'ready', 'failed'],
  updating: ['ready', 'failed'],
  ready: [],
  failed: [],
};

/** The first screen's words while the file is updated (the browser mode's terminal says them too). */
export const UPDATING_WORDS =
  'Updating your data for this version of Cadence: a backup first, then the update. ' +
  'This takes about a minute on a large team history; nothing is lost if it is interrupted.';

/** What a phase says to the person, or null for one that needs no words (a usual start is quick). */
export function phaseWords(phase: StartPhase): string | null {
  return phase === 'backing-up' || phase === 'updating' ? UPDATING_WORDS : null;
}

export class StartProgress {
  private current: StartPhase = 'opening';
  private readonly listeners = new Set<(phase: StartPhase) => void>();

  get phase(): StartPhase {
    return this.current;
  }

  /** Whether this start is updating the file (a backup, then the migrations) and not yet done. */
  get updating(): boolean {
    return phaseWords(this.current) !== null;
  }

  /** Moves to the next phase; a step back or a skip past the end is a bug, and throws. */
  to(phase: StartPhase): void {
    if (phase === this.current) return;
    if (!NEXT[this.current].includes(phase)) throw new Error(`A start cannot go from ${this.current} to ${phase}`);
    this.current = phase;
    for (const listener of [...this.listeners]) listener(phase);
  }

  /** Called on every later phase; answers a function that stops it. */
  on(listener: (phase: StartPhase) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
