import { randomUUID } from 'node:crypto';
import type { ChangeEvent, EventsSince, Push, Scope } from '@shared/events';
import type { Clock } from './clock';

const KEEP = 1000;

/**
 * Numbers every committed change so windows can stay live and a client that lost its
 * connection can catch up from its last revision, or learn it must refetch everything.
 */
export class ChangeFeed {
  readonly epoch = randomUUID();
  private revision = 0;
  private readonly recent: ChangeEvent[] = [];
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  /** Listeners inside main that need no pushes (the sync's count of what waits to go out): not counted in `heard`. */
  private readonly watchers = new Set<(event: ChangeEvent) => void>();

  constructor(private readonly clock: Clock) {}

  /** Whether any window listens: with none, reading answers to push would be wasted. */
  get heard(): boolean {
    return this.listeners.size > 0;
  }

  /**
   * Numbers and sends one change. Its pushes go to the listeners only: the kept events stay small (a thousand live
   * parts would be megabytes), and a client catching up re-reads rather than trusting answers it missed.
   */
  publish(changes: readonly Scope[], operation: string, pushes: Push[] = []): ChangeEvent {
    const event: ChangeEvent = { epoch: this.epoch, revision: ++this.revision, changes: [...changes], operation, at: this.clock.now() };
    this.recent.push(event);
    if (this.recent.length > KEEP) this.recent.shift();
    const sent = pushes.length > 0 ? { ...event, pushes } : event;
    for (const listener of this.listeners) listener(sent);
    for (const watcher of this.watchers) watcher(event);
    return sent;
  }

  since(epoch: string, revision: number): EventsSince {
    const oldest = this.recent[0]?.revision ?? this.revision + 1;
    const coversGap = revision + 1 >= oldest || revision === this.revision;
    if (epoch !== this.epoch || revision > this.revision || !coversGap) {
      return { epoch: this.epoch, revision: this.revision, events: null };
    }
    return { epoch: this.epoch, revision: this.revision, events: this.recent.filter((e) => e.revision > revision) };
  }

  watch(watcher: (event: ChangeEvent) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
