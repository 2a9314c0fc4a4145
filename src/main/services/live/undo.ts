import { DomainError } from '@shared/result';
import type {
  ItemClockState,
  LiveItemRecord,
  LiveMeetingRecord,
  MeetingClockState,
  TurnClockState,
} from '../../db/repositories/live-records';

/**
 * What one action changed, as it was before: the rows it wrote and no others, so recording it costs no reads and
 * undo puts back exactly that, leaving everything else (notes typed since on other items) alone.
 */
export interface Snapshot {
  /** Snapshots of earlier versions took whole agendas under other keys; they carry no `v`. */
  v: 2;
  meeting?: MeetingClockState;
  items?: ItemClockState[];
  turns?: TurnClockState[];
  /** Turns the action created (a round's speakers when it first started): undo removes them. */
  created?: string[];
  notes?: { itemId: string; text: string };
  turnNotes?: { turnId: string; text: string };
  parked?: string;
}

/** Collects, as an action runs, each row's state before its first change. */
export class Before {
  readonly snapshot: Snapshot = { v: 2 };
  private readonly items = new Set<string>();
  private readonly turns = new Set<string>();

  meeting(m: LiveMeetingRecord): void {
    this.snapshot.meeting ??= { pausedAt: m.pausedAt, pausedTotalMs: m.pausedTotalMs };
  }

  item(i: LiveItemRecord): void {
    if (this.items.has(i.id)) return;
    this.items.add(i.id);
    const { id, status, startedAt, endedAt, pausedTotalMs, extraMs, plannedMs } = i;
    (this.snapshot.items ??= []).push({ id, status, startedAt, endedAt, pausedTotalMs, extraMs, plannedMs });
  }

  turn(t: TurnClockState): void {
    if (this.turns.has(t.id)) return;
    this.turns.add(t.id);
    const { id, status, startedAt, endedAt, pausedTotalMs } = t;
    (this.snapshot.turns ??= []).push({ id, status, startedAt, endedAt, pausedTotalMs });
  }

  created(turnId: string): void {
    this.turns.add(turnId);
    (this.snapshot.created ??= []).push(turnId);
  }
}

/** The snapshot stored with an action; one written by an earlier version cannot be put back precisely. */
export function readSnapshot(before: unknown): Snapshot {
  const snapshot = before as Partial<Snapshot> | null;
  if (snapshot?.v !== 2)
    throw new DomainError('conflict', 'The last action was recorded by an earlier version of Cadence and cannot be undone');
  return snapshot as Snapshot;
}
