import { ROUND_KINDS } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { AgendaItemsTable, MeetingsTable, TurnsTable } from '../../db/schema';
import type { ParkingLotService } from '../planning/parking-lot-service';
import { orderSpeakers } from './round-order';

type ItemTimer = Pick<AgendaItemsTable, 'id' | 'status' | 'started_at' | 'ended_at' | 'paused_total_ms' | 'extra_ms' | 'planned_ms'>;
type TurnTimer = Pick<TurnsTable, 'id' | 'status' | 'started_at' | 'ended_at' | 'paused_total_ms'>;

/** What an action changed, so undo can put exactly that back and leave everything else alone. */
interface Snapshot {
  meeting?: Pick<MeetingsTable, 'paused_at' | 'paused_total_ms' | 'current_item_id'>;
  items?: ItemTimer[];
  turns?: TurnTimer[];
  turnIds?: string[];
  notes?: { itemId: string; text: string };
  turnNotes?: { turnId: string; text: string };
  parked?: string;
}

const MIN = 60_000;
/** Consecutive note saves on one item within this window undo as one. */
const NOTES_COALESCE_MS = 10_000;

/**
 * Runs a meeting: the current item, pause, extend, park, rounds of speakers, notes, undo.
 * Every action is one transaction over stored instants; the timers are derived from them.
 */
export class LiveMeetingService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly parkingLot: ParkingLotService,
    private readonly random: () => number = Math.random,
  ) {}

  /** Called once the meeting has started: the first item may be a round. */
  afterStart(meetingId: string): void {
    const meeting = this.requireLive(meetingId);
    if (meeting.current_item_id) this.prepareRound(meeting, this.repos.meetings.item(meeting.current_item_id)!, this.clock.now());
  }

  next(meetingId: string): string {
    return this.act(meetingId, 'next', 'next item', { meeting: true, items: true, turns: true }, (meeting, now) => {
      const items = this.repos.meetings.items(meetingId);
      const current = items.find((i) => i.id === meeting.current_item_id);
      const after = items.filter((i) => i.status === 'pending' && (!current || i.position > current.position));
      const upcoming = after[0] ?? items.find((i) => i.status === 'pending' && i.id !== current?.id);
      if (current) this.stopItem(current, 'done', now);
      if (upcoming) this.startItem(meeting, upcoming, now);
      else this.repos.meetings.update(meetingId, { current_item_id: null, updated_at: now });
    });
  }

  previous(meetingId: string): string {
    return this.act(meetingId, 'previous', 'back to the previous item', { meeting: true, items: true, turns: true }, (meeting, now) => {
      const items = this.repos.meetings.items(meetingId);
      const current = items.find((i) => i.id === meeting.current_item_id);
      const before = items.filter((i) => i.status === 'done' && (!current || i.position < current.position)).at(-1);
      if (!before) throw new DomainError('conflict', 'There is no earlier item to go back to');
      // The item left keeps the time it used; it runs on from there when it comes up again.
      if (current) this.stopItem(current, 'pending', now);
      this.startItem(meeting, before, now);
    });
  }

  pause(meetingId: string): string {
    return this.act(meetingId, 'pause', 'pause', { meeting: true }, (meeting, now) => {
      if (meeting.paused_at !== null) throw new DomainError('conflict', 'The meeting is already paused');
      this.repos.meetings.update(meetingId, { paused_at: now, updated_at: now });
    });
  }

  resume(meetingId: string): string {
    return this.act(meetingId, 'resume', 'resume', { meeting: true, items: true, turns: true }, (meeting, now) => {
      if (meeting.paused_at === null) throw new DomainError('conflict', 'The meeting is not paused');
      const gap = Math.max(0, now - meeting.paused_at);
      this.repos.meetings.update(meetingId, { paused_at: null, paused_total_ms: meeting.paused_total_ms + gap, updated_at: now });
      const current = meeting.current_item_id ? this.repos.meetings.item(meeting.current_item_id) : null;
      if (current) {
        this.repos.meetings.updateItem(current.id, { paused_total_ms: current.paused_total_ms + gap });
        const speaking = this.repos.live.turnsOfItem(current.id).find((t) => t.status === 'speaking');
        if (speaking) this.repos.live.updateTurn(speaking.id, { paused_total_ms: speaking.paused_total_ms + gap });
      }
    });
  }

  extend(meetingId: string, minutes: number): string {
    return this.act(meetingId, 'extend', `+${minutes} min`, { items: true }, (meeting) => {
      const current = this.requireCurrent(meeting);
      this.repos.meetings.updateItem(current.id, { extra_ms: current.extra_ms + minutes * MIN });
    });
  }

  /**
   * Accepts a rebalancing suggestion: the time each item still to come is allowed (less than its plan to
   * catch up, back up to its plan to give time back), and items cut from this meeting (not reached: they
   * carry over to the next one). The plan itself stays, so the minutes compare it with what happened;
   * the difference is the item's (negative) extra time. Undoable as one step.
   */
  rebalance(meetingId: string, allow: { itemId: string; minutes: number }[], cut: string[]): string {
    return this.act(meetingId, 'rebalance', 'rebalance', { items: true }, (_meeting, now) => {
      const pending = new Map(
        this.repos.meetings
          .items(meetingId)
          .filter((i) => i.status === 'pending')
          .map((i) => [i.id, i]),
      );
      const stillPending = (itemId: string) => {
        const item = pending.get(itemId);
        if (!item) throw new DomainError('conflict', 'That item has already started or finished; the suggestion is out of date');
        return item;
      };
      for (const change of allow) {
        const item = stillPending(change.itemId);
        const extra = change.minutes * MIN - item.planned_ms;
        if (extra > 0)
          throw new DomainError(
            'invalid_input',
            `“${item.title}” is planned for ${item.planned_ms / MIN} min; a rebalance gives back at most that (add time once it runs)`,
          );
        this.repos.meetings.updateItem(change.itemId, { extra_ms: extra, updated_at: now });
      }
      for (const itemId of cut) {
        stillPending(itemId);
        this.repos.meetings.updateItem(itemId, { status: 'not_reached', updated_at: now });
      }
    });
  }

  /** Moves an item to the team's parking lot; if it is the current one, the meeting moves on. */
  park(meetingId: string, itemId: string): string {
    return this.act(meetingId, 'park', 'park item', { meeting: true, items: true, turns: true }, (meeting, now, snapshot) => {
      const item = this.repos.meetings.item(itemId);
      if (!item || item.meeting_id !== meetingId || item.removed_at !== null)
        throw new DomainError('not_found', 'That agenda item does not exist');
      if (item.status !== 'pending' && item.status !== 'active')
        throw new DomainError('conflict', 'Only an item not yet done can be parked');
      const parked = this.parkingLot.add({ teamId: meeting.team_id, title: item.title, notes: item.notes }, { meetingId, itemId });
      snapshot.parked = parked.id;
      const wasCurrent = item.id === meeting.current_item_id;
      this.stopItem(item, 'parked', now);
      if (wasCurrent) {
        const upcoming = this.repos.meetings.items(meetingId).find((i) => i.status === 'pending' && i.position > item.position);
        if (upcoming) this.startItem(meeting, upcoming, now);
        else this.repos.meetings.update(meetingId, { current_item_id: null, updated_at: now });
      }
    });
  }

  /** Notes are saved as typed; a burst of saves on one item undoes as one. */
  setNotes(meetingId: string, itemId: string, notes: string): string {
    return this.repos.sql.transaction(() => {
      const meeting = this.requireLive(meetingId);
      const item = this.repos.meetings.item(itemId);
      if (!item || item.meeting_id !== meeting.id) throw new DomainError('not_found', 'That agenda item does not exist');
      if (item.notes === notes) return meeting.team_id;
      const now = this.clock.now();
      const last = this.repos.live.lastAction(meetingId);
      const lastBefore = last ? (JSON.parse(last.before_json) as Snapshot) : null;
      if (last && last.kind === 'notes' && lastBefore?.notes?.itemId === itemId && now - last.at < NOTES_COALESCE_MS) {
        this.repos.live.touchAction(last.id, now);
      } else {
        this.record(meetingId, 'notes', `notes on “${item.title}”`, { notes: { itemId, text: item.notes } }, now);
      }
      this.repos.meetings.updateItem(itemId, { notes, updated_at: now });
      return meeting.team_id;
    });
  }

  turnNext(meetingId: string): string {
    return this.turnAction(meetingId, 'done', 'next speaker');
  }

  turnPass(meetingId: string): string {
    return this.turnAction(meetingId, 'passed', 'pass');
  }

  turnSkip(meetingId: string): string {
    return this.turnAction(meetingId, 'skipped', 'skip');
  }

  /** The speaker comes back after everyone else; the time so far counts. */
  turnLater(meetingId: string): string {
    return this.turnAction(meetingId, 'later', 'come back later');
  }

  setTurnNotes(meetingId: string, turnId: string, notes: string): string {
    return this.repos.sql.transaction(() => {
      const meeting = this.requireLive(meetingId);
      const turn = this.repos.live.turn(turnId);
      if (!turn) throw new DomainError('not_found', 'That turn does not exist');
      if (turn.notes === notes) return meeting.team_id;
      const now = this.clock.now();
      const last = this.repos.live.lastAction(meetingId);
      const lastBefore = last ? (JSON.parse(last.before_json) as Snapshot) : null;
      if (last && last.kind === 'turn_notes' && lastBefore?.turnNotes?.turnId === turnId && now - last.at < NOTES_COALESCE_MS) {
        this.repos.live.touchAction(last.id, now);
      } else {
        this.record(meetingId, 'turn_notes', 'notes on a turn', { turnNotes: { turnId, text: turn.notes } }, now);
      }
      this.repos.live.updateTurn(turnId, { notes });
      return meeting.team_id;
    });
  }

  /** Puts back what the last action changed; notes typed since on other items stay. */
  undo(meetingId: string): string {
    return this.repos.sql.transaction(() => {
      this.requireLive(meetingId);
      const action = this.repos.live.lastAction(meetingId);
      if (!action) throw new DomainError('conflict', 'Nothing to undo');
      const before = JSON.parse(action.before_json) as Snapshot;
      const now = this.clock.now();
      if (before.meeting) this.repos.meetings.update(meetingId, { ...before.meeting, updated_at: now });
      for (const item of before.items ?? []) this.repos.meetings.updateItem(item.id, item);
      if (before.turnIds) {
        const keep = new Set(before.turnIds);
        for (const turn of this.repos.live.turnsOfMeeting(meetingId)) if (!keep.has(turn.id)) this.repos.live.deleteTurn(turn.id);
      }
      for (const turn of before.turns ?? []) this.repos.live.updateTurn(turn.id, turn);
      if (before.notes) this.repos.meetings.updateItem(before.notes.itemId, { notes: before.notes.text, updated_at: now });
      if (before.turnNotes) this.repos.live.updateTurn(before.turnNotes.turnId, { notes: before.turnNotes.text });
      if (before.parked) this.parkingLot.close({ itemId: before.parked, status: 'dropped', meetingId });
      this.repos.live.markUndone(action.id, now);
      return action.label;
    });
  }

  private turnAction(meetingId: string, outcome: 'done' | 'passed' | 'skipped' | 'later', label: string): string {
    return this.act(meetingId, `turn_${outcome}`, label, { turns: true }, (meeting, now) => {
      const current = this.requireCurrent(meeting);
      const turns = this.repos.live.turnsOfItem(current.id);
      const speaking = turns.find((t) => t.status === 'speaking');
      if (!speaking) throw new DomainError('conflict', 'Nobody is speaking in this round');
      this.repos.live.updateTurn(speaking.id, { status: outcome, ended_at: now });
      const waiting = turns.filter((t) => t.status === 'waiting' && t.id !== speaking.id);
      // Those who asked to come back later speak once everyone else has.
      const later = turns.filter((t) => t.status === 'later' && t.id !== speaking.id);
      // Someone who asked to come back later, with nobody else left, speaks now.
      const next = waiting[0] ?? later[0] ?? (outcome === 'later' ? this.repos.live.turn(speaking.id)! : undefined);
      if (next) this.startTurn(next, now);
    });
  }

  private startTurn(turn: TurnsTable, now: number): void {
    // A returning speaker's clock runs on from where it stopped.
    const resumed = turn.started_at !== null && turn.ended_at !== null;
    this.repos.live.updateTurn(turn.id, {
      status: 'speaking',
      started_at: turn.started_at ?? now,
      ended_at: null,
      paused_total_ms: resumed ? turn.paused_total_ms + (now - turn.ended_at!) : turn.paused_total_ms,
    });
  }

  private startItem(meeting: MeetingsTable, item: AgendaItemsTable, now: number): void {
    const resumed = item.started_at !== null && item.ended_at !== null;
    this.repos.meetings.updateItem(item.id, {
      status: 'active',
      started_at: item.started_at ?? now,
      ended_at: null,
      paused_total_ms: resumed ? item.paused_total_ms + (now - item.ended_at!) : item.paused_total_ms,
      updated_at: now,
    });
    this.repos.meetings.update(meeting.id, { current_item_id: item.id, updated_at: now });
    this.prepareRound(meeting, this.repos.meetings.item(item.id)!, now);
  }

  private stopItem(item: AgendaItemsTable, status: 'done' | 'pending' | 'parked', now: number): void {
    const running = item.status === 'active';
    this.repos.meetings.updateItem(item.id, { status, ended_at: running ? now : item.ended_at, updated_at: now });
    const speaking = this.repos.live.turnsOfItem(item.id).find((t) => t.status === 'speaking');
    // Leaving a round mid-turn keeps the speaker's place: they are up again when the round resumes.
    if (speaking) this.repos.live.updateTurn(speaking.id, { status: status === 'done' ? 'done' : 'waiting', ended_at: now });
  }

  /** A round (check-in, updates, check-out) gets its speakers when it first starts. */
  private prepareRound(meeting: MeetingsTable, item: AgendaItemsTable, now: number): void {
    if (!ROUND_KINDS.includes(item.kind)) return;
    const existing = this.repos.live.turnsOfItem(item.id);
    if (existing.length > 0) {
      const speaking = existing.find((t) => t.status === 'speaking');
      const next = speaking ?? existing.find((t) => t.status === 'waiting') ?? existing.find((t) => t.status === 'later');
      if (next && !speaking) this.startTurn(next, now);
      return;
    }
    const attendees = this.repos.meetings.attendees(meeting.id);
    const marked = attendees.some((a) => a.status !== 'expected');
    const here = attendees.filter((a) => (marked ? a.status === 'present' || a.status === 'late' : true));
    if (here.length === 0) return;
    const ordered = orderSpeakers(
      here.map((a) => ({ attendeeId: a.id, memberId: a.member_id, teamPosition: a.member_position })),
      item.round_order,
      {
        random: this.random,
        lastOpenerMemberId: meeting.series_id ? this.repos.live.lastOpener(meeting.series_id, item.kind, meeting.id) : null,
      },
    );
    const timebox = item.turn_timebox_ms ?? Math.max(15_000, Math.floor(item.planned_ms / ordered.length / 1000) * 1000);
    ordered.forEach((speaker, position) =>
      this.repos.live.insertTurn({
        id: uuidv7(this.clock),
        agenda_item_id: item.id,
        attendee_id: speaker.attendeeId,
        position,
        timebox_ms: timebox,
        status: position === 0 ? 'speaking' : 'waiting',
        started_at: position === 0 ? now : null,
        ended_at: null,
        paused_total_ms: 0,
        notes: '',
      }),
    );
  }

  private act(
    meetingId: string,
    kind: string,
    label: string,
    capture: { meeting?: boolean; items?: boolean; turns?: boolean },
    run: (meeting: MeetingsTable, now: number, snapshot: Snapshot) => void,
  ): string {
    // Answers the meeting's team, which a live action's reply names.
    return this.repos.sql.transaction(() => {
      const meeting = this.requireLive(meetingId);
      const now = this.clock.now();
      const snapshot: Snapshot = {};
      if (capture.meeting) {
        snapshot.meeting = {
          paused_at: meeting.paused_at,
          paused_total_ms: meeting.paused_total_ms,
          current_item_id: meeting.current_item_id,
        };
      }
      if (capture.items) {
        snapshot.items = this.repos.meetings
          .items(meetingId)
          .map(({ id, status, started_at, ended_at, paused_total_ms, extra_ms, planned_ms }) => ({
            id,
            status,
            started_at,
            ended_at,
            paused_total_ms,
            extra_ms,
            planned_ms,
          }));
      }
      if (capture.turns) {
        const turns = this.repos.live.turnsOfMeeting(meetingId);
        snapshot.turnIds = turns.map((t) => t.id);
        snapshot.turns = turns.map(({ id, status, started_at, ended_at, paused_total_ms }) => ({
          id,
          status,
          started_at,
          ended_at,
          paused_total_ms,
        }));
      }
      if (meeting.paused_at !== null && kind !== 'resume' && kind !== 'extend') {
        throw new DomainError('conflict', 'The meeting is paused. Resume it first.');
      }
      run(meeting, now, snapshot);
      this.record(meetingId, kind, label, snapshot, now);
      return meeting.team_id;
    });
  }

  private record(meetingId: string, kind: string, label: string, before: Snapshot, at: number): void {
    this.repos.live.insertAction({
      id: uuidv7(this.clock),
      meeting_id: meetingId,
      kind,
      label,
      before_json: JSON.stringify(before),
      at,
      undone_at: null,
    });
  }

  private requireLive(meetingId: string): MeetingsTable {
    const meeting = this.repos.meetings.find(meetingId);
    if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
    if (meeting.status !== 'live') {
      throw new DomainError('conflict', meeting.status === 'ended' ? 'This meeting has ended.' : 'This meeting has not started yet.');
    }
    return meeting;
  }

  private requireCurrent(meeting: MeetingsTable): AgendaItemsTable {
    const current = meeting.current_item_id ? this.repos.meetings.item(meeting.current_item_id) : null;
    if (!current) throw new DomainError('conflict', 'No item is running');
    return current;
  }
}
