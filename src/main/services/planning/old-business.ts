import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { MeetingsTable } from '../../db/schema';

export interface OldBusinessContext {
  meeting: MeetingsTable;
  /** The series' latest ended meeting before this one, if any. */
  previous: MeetingsTable | null;
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
      this.repos.meetings.insertItem({
        ...old,
        id,
        meeting_id: meeting.id,
        position: insertAt + i,
        status: 'pending',
        started_at: null,
        ended_at: null,
        paused_at: null,
        paused_total_ms: 0,
        extra_ms: 0,
        carried_from_id: old.id,
        created_at: at,
        updated_at: at,
        removed_at: null,
      });
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
    for (const item of this.repos.parkingLot.list(meeting.team_id, false)) {
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

  pullInto(meeting: MeetingsTable): void {
    const previous = this.previousEnded(meeting);
    const context = { meeting, previous, at: this.clock.now() };
    for (const source of this.sources) source.collect(context);
    // Another window showing this agenda must reload it.
    this.repos.meetings.bumpAgendaRevision(meeting.id, context.at);
  }

  /** After a meeting ends, its leftovers go to the series' next planned meeting, if one exists yet. */
  pushFrom(ended: MeetingsTable): void {
    if (!ended.series_id) return;
    const next = this.repos.meetings
      .inSeries(ended.series_id)
      .find((m) => m.status === 'planned' && m.id !== ended.id && (m.scheduled_start ?? 0) >= (ended.scheduled_start ?? 0));
    if (next) this.pullInto(next);
  }

  private previousEnded(meeting: MeetingsTable): MeetingsTable | null {
    if (!meeting.series_id) return null;
    const before = this.repos.meetings
      .inSeries(meeting.series_id)
      .filter((m) => m.id !== meeting.id && m.status === 'ended' && (m.scheduled_start ?? 0) <= (meeting.scheduled_start ?? 0));
    return before.at(-1) ?? null;
  }
}
