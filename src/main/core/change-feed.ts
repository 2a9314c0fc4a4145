import { randomUUID } from 'node:crypto';
import type { ChangeEvent, EventsSince, Scope } from '@shared/events';
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

  constructor(private readonly clock: Clock) {}

  publish(changes: readonly Scope[], operation: string): ChangeEvent {
    const event: ChangeEvent = { epoch: this.epoch, revision: ++this.revision, changes: [...changes], operation, at: this.clock.now() };
    this.recent.push(event);
    if (this.recent.length > KEEP) this.recent.shift();
    for (const listener of this.listeners) listener(event);
    return event;
  }

  since(epoch: string, revision: number): EventsSince {
    const oldest = this.recent[0]?.revision ?? this.revision + 1;
    const coversGap = revision + 1 >= oldest || revision === this.revision;
    if (epoch !== this.epoch || revision > this.revision || !coversGap) {
      return { epoch: this.epoch, revision: this.revision, events: null };
    }
    return { epoch: this.epoch, revision: this.revision, events: this.recent.filter((e) => e.revision > revision) };
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
