import { ROUND_KINDS } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { LiveItemRecord, LiveMeetingRecord, TurnClockState } from '../../db/repositories/live-records';
import type { ParkingLotService } from '../planning/parking-lot-service';
import { earlierItem, stillOn, upcomingItem } from './agenda-moves';
import { orderSpeakers } from './round-order';
import { Before, readSnapshot, type Snapshot } from './undo';

const MIN = 60_000;
/** Consecutive note saves on one item within this window undo as one. */
const NOTES_COALESCE_MS = 10_000;

/** What a live action answers: the meeting's team, which its reply and change event name. */
type TeamId = string;

/** A clock started again (a turn or an item taken up again): it runs on from where it stopped, the gap counted as paused. */
function runsOn(clock: { startedAt: number | null; endedAt: number | null; pausedTotalMs: number }, now: number) {
  const gap = clock.startedAt !== null && clock.endedAt !== null ? now - clock.endedAt : 0;
  return { startedAt: clock.startedAt ?? now, endedAt: null, pausedTotalMs: clock.pausedTotalMs + gap };
}

/**
 * Runs a meeting: the current item, pause, extend, park, rounds of speakers, notes, undo.
 * Every action is one transaction over stored instants; the timers are derived from them. An action reads only
 * the rows it needs and records, for undo, only the rows it changes, so it costs about its commit.
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
    const current = meeting.currentItemId ? this.repos.live.item(meeting.currentItemId) : null;
    if (current) this.prepareRound(meeting, current, this.clock.now(), new Before());
  }

  next(meetingId: string, fromItemId?: string): TeamId {
    return this.act(meetingId, 'next', 'next item', (meeting, now, before) => {
      const current = this.currentItem(meeting);
      stillOn(this.repos.live, meetingId, current, fromItemId);
      const upcoming = upcomingItem(this.repos.live, meetingId, current);
      // With no item to come, the meeting has none running once the current one stops.
      if (current) this.stopItem(current, 'done', now, before);
      if (upcoming) this.startItem(meeting, upcoming, now, before);
    });
  }

  previous(meetingId: string, fromItemId?: string): TeamId {
    return this.act(meetingId, 'previous', 'back to the previous item', (meeting, now, before) => {
      const current = this.currentItem(meeting);
      stillOn(this.repos.live, meetingId, current, fromItemId);
      const earlier = earlierItem(this.repos.live, meetingId, current);
      if (!earlier) throw new DomainError('conflict', 'There is no earlier item to go back to');
      // The item left keeps the time it used; it runs on from there when it comes up again.
      if (current) this.stopItem(current, 'pending', now, before);
      this.startItem(meeting, earlier, now, before);
    });
  }

  pause(meetingId: string): TeamId {
    return this.act(meetingId, 'pause', 'pause', (meeting, now, before) => {
      if (meeting.pausedAt !== null) throw new DomainError('conflict', 'The meeting is already paused');
      before.meeting(meeting);
      this.repos.live.setMeetingClock(meetingId, { pausedAt: now }, now);
    });
  }

  resume(meetingId: string): TeamId {
    return this.act(meetingId, 'resume', 'resume', (meeting, now, before) => {
      if (meeting.pausedAt === null) throw new DomainError('conflict', 'The meeting is not paused');
      const gap = Math.max(0, now - meeting.pausedAt);
      before.meeting(meeting);
      this.repos.live.setMeetingClock(meetingId, { pausedAt: null, pausedTotalMs: meeting.pausedTotalMs + gap }, now);
      const current = meeting.currentItemId ? this.repos.live.item(meeting.currentItemId) : null;
      if (current) {
        this.updateItem(current, { pausedTotalMs: current.pausedTotalMs + gap }, null, before);
        const speaking = this.speakingIn(current);
        if (speaking) this.updateTurn(speaking, { pausedTotalMs: speaking.pausedTotalMs + gap }, before);
      }
    });
  }

  extend(meetingId: string, minutes: number): TeamId {
    return this.act(meetingId, 'extend', `+${minutes} min`, (meeting, _now, before) => {
      const current = this.requireCurrent(meeting);
      this.updateItem(current, { extraMs: current.extraMs + minutes * MIN }, null, before);
    });
  }

  /**
   * Accepts a rebalancing suggestion: the time each item still to come is allowed (less than its plan to
   * catch up, back up to its plan to give time back), and items cut from this meeting (not reached: they
   * carry over to the next one). The plan itself stays, so the minutes compare it with what happened;
   * the difference is the item's (negative) extra time. Undoable as one step.
   */
  rebalance(meetingId: string, allow: { itemId: string; minutes: number }[], cut: string[]): TeamId {
    return this.act(meetingId, 'rebalance', 'rebalance', (_meeting, now, before) => {
      const pending = new Map(
        this.repos.live
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
        const extra = change.minutes * MIN - item.plannedMs;
        if (extra > 0)
          throw new DomainError(
            'invalid_input',
            `“${item.title}” is planned for ${item.plannedMs / MIN} min; a rebalance gives back at most that (add time once it runs)`,
          );
        this.updateItem(item, { extraMs: extra }, now, before);
      }
      for (const itemId of cut) this.updateItem(stillPending(itemId), { status: 'not_reached' }, now, before);
    });
  }

  /** Moves an item to the team's parking lot; if it is the current one, the meeting moves on. */
  park(meetingId: string, itemId: string): TeamId {
    return this.act(meetingId, 'park', 'park item', (meeting, now, before) => {
      const item = this.repos.live.item(itemId);
      if (!item || item.meetingId !== meetingId || item.removed) throw new DomainError('not_found', 'That agenda item does not exist');
      if (item.status !== 'pending' && item.status !== 'active')
        throw new DomainError('conflict', 'Only an item not yet done can be parked');
      const parked = this.parkingLot.add({ teamId: meeting.teamId, title: item.title, notes: item.notes }, { meetingId, itemId });
      before.snapshot.parked = parked.id;
      const wasCurrent = item.id === meeting.currentItemId;
      this.stopItem(item, 'parked', now, before);
      if (wasCurrent) {
        const upcoming = this.repos.live.items(meetingId).find((i) => i.status === 'pending' && i.position > item.position);
        if (upcoming) this.startItem(meeting, upcoming, now, before);
      }
    });
  }

  /** Notes are saved as typed; a burst of saves on one item undoes as one. */
  setNotes(meetingId: string, itemId: string, notes: string): TeamId {
    return this.repos.sql.transaction(() => {
      const meeting = this.requireLive(meetingId);
      const item = this.repos.live.item(itemId);
      if (!item || item.meetingId !== meeting.id) throw new DomainError('not_found', 'That agenda item does not exist');
      if (item.notes === notes) return meeting.teamId;
      const now = this.clock.now();
      this.recordOrCoalesce(meetingId, 'notes', `notes on “${item.title}”`, now, (b) => b.notes?.itemId === itemId, {
        notes: { itemId, text: item.notes },
      });
      this.repos.live.updateItem(itemId, { notes }, now);
      return meeting.teamId;
    });
  }

  turnNext(meetingId: string, turnId?: string): TeamId {
    return this.turnAction(meetingId, 'done', 'next speaker', turnId);
  }

  turnPass(meetingId: string, turnId?: string): TeamId {
    return this.turnAction(meetingId, 'passed', 'pass', turnId);
  }

  turnSkip(meetingId: string, turnId?: string): TeamId {
    return this.turnAction(meetingId, 'skipped', 'skip', turnId);
  }

  /** The speaker comes back after everyone else; the time so far counts. */
  turnLater(meetingId: string, turnId?: string): TeamId {
    return this.turnAction(meetingId, 'later', 'come back later', turnId);
  }

  setTurnNotes(meetingId: string, turnId: string, notes: string): TeamId {
    return this.repos.sql.transaction(() => {
      const meeting = this.requireLive(meetingId);
      const turn = this.repos.live.turn(turnId);
      if (!turn) throw new DomainError('not_found', 'That turn does not exist');
      if (turn.notes === notes) return meeting.teamId;
      const now = this.clock.now();
      this.recordOrCoalesce(meetingId, 'turn_notes', 'notes on a turn', now, (b) => b.turnNotes?.turnId === turnId, {
        turnNotes: { turnId, text: turn.notes },
      });
      this.repos.live.updateTurn(turnId, { notes });
      return meeting.teamId;
    });
  }

  /**
   * Puts back what the last action changed; notes typed since on other items stay. Answers its label and the team.
   * `actionId` is the action the window showed as the last one: once another window has undone it (or acted since),
   * the undo is refused, so two windows pressing Ctrl+Z at once undo one action, not it and the one before.
   */
  undo(meetingId: string, actionId?: string): { undone: string; teamId: TeamId } {
    return this.repos.sql.transaction(() => {
      const meeting = this.requireLive(meetingId);
      const action = this.repos.live.lastAction(meetingId);
      if (actionId !== undefined && action?.id !== actionId) {
        const last = action ? `the last action is now “${action.label}”` : 'nothing is left to undo';
        throw new DomainError(
          'conflict',
          `That action had already been undone, or another taken, in another window: ${last}. Nothing was undone`,
        );
      }
      if (!action) throw new DomainError('conflict', 'Nothing to undo');
      const before = readSnapshot(action.before);
      const now = this.clock.now();
      if (before.meeting) this.repos.live.setMeetingClock(meetingId, before.meeting, now);
      for (const { id, ...timer } of before.items ?? []) this.repos.live.updateItem(id, timer, null);
      for (const turnId of before.created ?? []) this.repos.live.deleteTurn(turnId);
      for (const { id, ...timer } of before.turns ?? []) this.repos.live.updateTurn(id, timer);
      if (before.notes) this.repos.live.updateItem(before.notes.itemId, { notes: before.notes.text }, now);
      if (before.turnNotes) this.repos.live.updateTurn(before.turnNotes.turnId, { notes: before.turnNotes.text });
      if (before.parked) this.parkingLot.close({ itemId: before.parked, status: 'dropped', meetingId });
      this.repos.live.markUndone(action, now);
      return { undone: action.label, teamId: meeting.teamId };
    });
  }

  private turnAction(meetingId: string, outcome: 'done' | 'passed' | 'skipped' | 'later', label: string, turnId?: string): TeamId {
    return this.act(meetingId, `turn_${outcome}`, label, (meeting, now, before) => {
      // The turns are keyed by the current item's id, which the meeting's row holds: no need to read the item.
      if (!meeting.currentItemId) throw new DomainError('conflict', 'No item is running');
      const turns = this.repos.live.turnClocksOfItem(meeting.currentItemId);
      const speaking = turns.find((t) => t.status === 'speaking');
      if (turnId !== undefined && speaking?.id !== turnId)
        throw new DomainError('conflict', 'That turn had already ended (in another window); the round has moved on');
      if (!speaking) throw new DomainError('conflict', 'Nobody is speaking in this round');
      this.updateTurn(speaking, { status: outcome, endedAt: now }, before);
      const waiting = turns.filter((t) => t.status === 'waiting' && t.id !== speaking.id);
      // Those who asked to come back later speak once everyone else has.
      const later = turns.filter((t) => t.status === 'later' && t.id !== speaking.id);
      // Someone who asked to come back later, with nobody else left, speaks now.
      const next = waiting[0] ?? later[0] ?? (outcome === 'later' ? { ...speaking, status: outcome, endedAt: now } : undefined);
      if (next) this.startTurn(next, now, before);
    });
  }

  private startTurn(turn: TurnClockState, now: number, before: Before): void {
    // A returning speaker's clock runs on from where it stopped.
    this.updateTurn(turn, { status: 'speaking', ...runsOn(turn, now) }, before);
  }

  /** The item becomes the current one: the agenda's running item is the meeting's current one (the meeting's row is not written). */
  private startItem(meeting: LiveMeetingRecord, item: LiveItemRecord, now: number, before: Before): void {
    this.updateItem(item, { status: 'active', ...runsOn(item, now) }, now, before);
    this.prepareRound(meeting, item, now, before);
  }

  private stopItem(item: LiveItemRecord, status: 'done' | 'pending' | 'parked', now: number, before: Before): void {
    const running = item.status === 'active';
    this.updateItem(item, { status, endedAt: running ? now : item.endedAt }, now, before);
    const speaking = this.speakingIn(item);
    // Leaving a round mid-turn keeps the speaker's place: they are up again when the round resumes.
    if (speaking) this.updateTurn(speaking, { status: status === 'done' ? 'done' : 'waiting', endedAt: now }, before);
  }

  /** Only rounds have turns: any other item is not asked. */
  private speakingIn(item: LiveItemRecord): TurnClockState | undefined {
    if (!ROUND_KINDS.includes(item.kind)) return undefined;
    return this.repos.live.speakingTurn(item.id) ?? undefined;
  }

  /** A round (check-in, updates, check-out) gets its speakers when it first starts. */
  private prepareRound(meeting: LiveMeetingRecord, item: LiveItemRecord, now: number, before: Before): void {
    if (!ROUND_KINDS.includes(item.kind)) return;
    const existing = this.repos.live.turnClocksOfItem(item.id);
    if (existing.length > 0) {
      const speaking = existing.find((t) => t.status === 'speaking');
      const next = speaking ?? existing.find((t) => t.status === 'waiting') ?? existing.find((t) => t.status === 'later');
      if (next && !speaking) this.startTurn(next, now, before);
      return;
    }
    const attendees = this.repos.live.roundAttendees(meeting.id);
    const marked = attendees.some((a) => a.status !== 'expected');
    const here = attendees.filter((a) => (marked ? a.status === 'present' || a.status === 'late' : true));
    if (here.length === 0) return;
    const ordered = orderSpeakers(here, item.roundOrder, {
      random: this.random,
      lastOpenerMemberId: meeting.seriesId ? this.repos.live.lastOpener(meeting.seriesId, item.kind, meeting.id) : null,
    });
    // The time the round is given, not the time first planned: a rebalance that shortened it (negative extra time)
    // shortens each turn too, or the turns would run the round back to its plan.
    const givenMs = Math.max(0, item.plannedMs + item.extraMs);
    const timeboxMs = item.turnTimeboxMs ?? Math.max(15_000, Math.floor(givenMs / ordered.length / 1000) * 1000);
    ordered.forEach((speaker, position) => {
      const id = uuidv7(this.clock);
      before.created(id);
      this.repos.live.insertTurn({
        id,
        agendaItemId: item.id,
        attendeeId: speaker.attendeeId,
        position,
        timeboxMs,
        status: position === 0 ? 'speaking' : 'waiting',
        startedAt: position === 0 ? now : null,
        endedAt: null,
        pausedTotalMs: 0,
        notes: '',
      });
    });
  }

  /** Writes an item's timer, remembering first how it was. */
  private updateItem(
    item: LiveItemRecord,
    changes: Parameters<Repositories['live']['updateItem']>[1],
    now: number | null,
    before: Before,
  ): void {
    before.item(item);
    this.repos.live.updateItem(item.id, changes, now);
  }

  /** Writes a turn, remembering first how it was. */
  private updateTurn(turn: TurnClockState, changes: Parameters<Repositories['live']['updateTurn']>[1], before: Before): void {
    before.turn(turn);
    this.repos.live.updateTurn(turn.id, changes);
  }

  private act(
    meetingId: string,
    kind: string,
    label: string,
    run: (meeting: LiveMeetingRecord, now: number, before: Before) => void,
  ): TeamId {
    return this.repos.sql.transaction(() => {
      const meeting = this.requireLive(meetingId);
      if (meeting.pausedAt !== null && kind !== 'resume' && kind !== 'extend') {
        throw new DomainError('conflict', 'The meeting is paused. Resume it first.');
      }
      const now = this.clock.now();
      const before = new Before();
      run(meeting, now, before);
      this.record(meetingId, kind, label, before.snapshot, now);
      return meeting.teamId;
    });
  }

  /** A note saved again soon after on the same item (or turn) extends the last undo step instead of adding one. */
  private recordOrCoalesce(
    meetingId: string,
    kind: string,
    label: string,
    now: number,
    same: (before: Partial<Snapshot>) => boolean,
    snapshot: Omit<Snapshot, 'v'>,
  ): void {
    const last = this.repos.live.lastAction(meetingId);
    if (last && last.kind === kind && same((last.before ?? {}) as Partial<Snapshot>) && now - last.at < NOTES_COALESCE_MS) {
      this.repos.live.touchAction(last, now);
    } else {
      this.record(meetingId, kind, label, { v: 2, ...snapshot }, now);
    }
  }

  private record(meetingId: string, kind: string, label: string, before: Snapshot, at: number): void {
    this.repos.live.insertAction({ id: uuidv7(this.clock), meetingId, kind, label, before, at });
  }

  private requireLive(meetingId: string): LiveMeetingRecord {
    const meeting = this.repos.live.meeting(meetingId);
    if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
    if (meeting.status !== 'live') {
      throw new DomainError('conflict', meeting.status === 'ended' ? 'This meeting has ended.' : 'This meeting has not started yet.');
    }
    return meeting;
  }

  /** The item the meeting is on, unless it has none or it was removed from the agenda. */
  private currentItem(meeting: LiveMeetingRecord): LiveItemRecord | null {
    if (!meeting.currentItemId) return null;
    const item = this.repos.live.agendaItem(meeting.currentItemId);
    return item && item.meetingId === meeting.id ? item : null;
  }

  private requireCurrent(meeting: LiveMeetingRecord): LiveItemRecord {
    const current = meeting.currentItemId ? this.repos.live.item(meeting.currentItemId) : null;
    if (!current) throw new DomainError('conflict', 'No item is running');
    return current;
  }
}
