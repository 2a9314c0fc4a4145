import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { MeetingRecord } from '../../db/repositories/meetings-repository';
import { pendingItem } from './agenda-items';

export interface OldBusinessContext {
  meeting: MeetingRecord;
  /** The series' meeting held last before this one, if any. */
  previous: MeetingRecord | null;
  at: number;
}

/**
 * One kind of leftover that rolls into the next meeting. Each capability adds its own
 * (open commitments, decisions due for review, unresolved objections, an agreement revisit).
 */
export interface OldBusinessSource {
  readonly source: string;
  collect(context: OldBusinessContext): void;
}

const CARRY_STATUSES = new Set(['pending', 'active', 'not_reached']);

/** Items the previous meeting did not reach come back as agenda items, linked to where they came from. */
export class NotReachedSource implements OldBusinessSource {
  readonly source = 'not_reached';
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  collect({ meeting, previous, at }: OldBusinessContext): void {
    if (!previous) return;
    const leftovers = this.repos.meetings.items(previous.id).filter((i) => CARRY_STATUSES.has(i.status));
    const already = this.repos.meetings.carriedFrom(leftovers.map((i) => i.id));
    const todo = leftovers.filter((i) => !already.has(i.id));
    if (todo.length === 0) return;
    const items = this.repos.meetings.items(meeting.id);
    // Old business goes first, after any opening check-in.
    let insertAt = 0;
    while (items[insertAt]?.kind === 'check_in') insertAt++;
    const shifted = items.slice(insertAt);
    shifted.forEach((item, i) => this.repos.meetings.updateItem(item.id, { position: insertAt + todo.length + i }));
    todo.forEach((old, i) => {
      const id = uuidv7(this.clock);
      const { kind, title, plannedMs, ownerId, plan, roundOrder, turnTimeboxMs } = old;
      this.repos.meetings.insertItem(
        pendingItem(
          {
            id,
            meetingId: meeting.id,
            position: insertAt + i,
            kind,
            title,
            plannedMs,
            ownerId,
            plan,
            roundOrder,
            turnTimeboxMs,
            carriedFromId: old.id,
          },
          at,
        ),
      );
      this.repos.oldBusiness.insert({
        id: uuidv7(this.clock),
        meeting_id: meeting.id,
        source: this.source,
        ref_id: old.id,
        from_meeting_id: previous.id,
        title: old.title,
        detail: 'Not reached last time',
        agenda_item_id: id,
        created_at: at,
      });
    });
  }
}

/** The team's open parking lot is listed for the meeting to work through. */
export class ParkingLotSource implements OldBusinessSource {
  readonly source = 'parking_lot';
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  collect({ meeting, at }: OldBusinessContext): void {
    for (const item of this.repos.parkingLot.list(meeting.teamId, false)) {
      this.repos.oldBusiness.insert({
        id: uuidv7(this.clock),
        meeting_id: meeting.id,
        source: this.source,
        ref_id: item.id,
        from_meeting_id: item.parkedFromMeetingId,
        title: item.title,
        detail: item.notes,
        agenda_item_id: null,
        created_at: at,
      });
    }
  }
}

/** Builds a meeting's old business from every registered source; safe to run again. */
export class OldBusinessProvider {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly sources: OldBusinessSource[],
  ) {}

  pullInto(meeting: MeetingRecord): void {
    const previous = this.previousEnded(meeting);
    const context = { meeting, previous, at: this.clock.now() };
    for (const source of this.sources) source.collect(context);
    // Another window showing this agenda must reload it.
    this.repos.meetings.bumpAgendaRevision(meeting.id, context.at);
  }

  /**
   * After a meeting ends (or is called off), its leftovers go to the series' next planned meeting, if one exists yet:
   * the first planned for after it, by its planned date or, when it was held before that, by when it was held (one
   * started early has its successor planned for its own date or before it). One planned for before both and never
   * started was passed over; one held late still hands on to the meeting planned after it. A meeting called off takes
   * nothing: its leftovers wait for the next one planned.
   */
  pushFrom(from: MeetingRecord): void {
    if (!from.seriesId) return;
    const after = Math.min(from.scheduledStart ?? Infinity, from.startedAt ?? Infinity);
    const next = this.repos.meetings
      .inSeries(from.seriesId)
      .find((m) => m.status === 'planned' && m.calledOffAt === null && m.id !== from.id && (m.scheduledStart ?? 0) >= after);
    if (next) this.pullInto(next);
  }

  private previousEnded(meeting: MeetingRecord): MeetingRecord | null {
    return meeting.seriesId ? this.repos.meetings.previousHeld(meeting) : null;
  }
}
