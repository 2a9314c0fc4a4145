import { byDueDate, dueGroup } from '@shared/commitment-review';
import type { ParsedInputOf } from '@shared/contract';
import type { Commitment, CommitmentBoard, FollowThrough } from '@shared/commitments';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { CommitmentEventRecord, CommitmentRecord, Listed, OutcomeRead } from '../../db/repositories/commitments-repository';
import { addDays, toZoned } from '../planning/zoned-time';
import { checkActiveMember, liveMeetingOf, outcomeFields, type EventFields } from './commitment-outcome';
import { derive, toEvent } from './commitment-state';
import { followThroughFigures } from './follow-through';

const QUARTER_HOUR = 15 * 60_000;

/**
 * Commitments and their history. Every change is an event added to the history; nothing is
 * overwritten, so follow-through can always be recomputed from what happened.
 */
export class CommitmentsService {
  /** Each zone's date, with the quarter hour it was read in (see `today`). */
  private readonly dates = new Map<string, { quarter: number; date: string }>();

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  create(input: ParsedInputOf<'commitments.create'>): Commitment {
    const id = this.repos.sql.transaction(() => {
      const meeting = input.meetingId ? this.repos.meetings.find(input.meetingId) : null;
      if (input.meetingId && !meeting) throw new DomainError('not_found', 'That meeting does not exist');
      const teamId = meeting?.teamId ?? input.teamId;
      if (!teamId) throw new DomainError('invalid_input', 'Say which team the commitment belongs to');
      const team = this.repos.teams.find(teamId);
      if (!team) throw new DomainError('not_found', 'That team does not exist');
      if (meeting && meeting.status === 'ended')
        throw new DomainError('conflict', 'This meeting has ended: record the commitment in a live or upcoming meeting', {
          reason: 'meeting_ended',
        });
      if (input.agendaItemId) {
        const item = this.repos.meetings.item(input.agendaItemId);
        if (!item || item.meetingId !== meeting?.id) throw new DomainError('not_found', 'That agenda item is not part of this meeting');
      }
      if (input.decisionId) {
        const decision = this.repos.decisions.find(input.decisionId);
        if (!decision || decision.teamId !== teamId) throw new DomainError('not_found', 'That decision is not one of this team’s');
      }
      this.requireActiveMember(teamId, input.ownerId);
      const today = this.today(team.timeZone);
      if (input.dueDate < today && !input.confirmPastDue) {
        throw new DomainError(
          'conflict',
          `The due date ${input.dueDate} is in the past (today is ${today}). Confirm to record it anyway.`,
          {
            reason: 'due_in_past',
            path: 'dueDate',
          },
        );
      }
      const now = this.clock.now();
      const id = uuidv7(this.clock);
      this.repos.commitments.insert({
        id,
        team_id: teamId,
        owner_id: input.ownerId,
        outcome: input.outcome,
        original_due_date: input.dueDate,
        meeting_id: meeting?.id ?? null,
        agenda_item_id: input.agendaItemId,
        decision_id: input.decisionId,
        created_at: now,
      });
      this.event(id, { kind: 'created', status: 'open', meeting_id: meeting?.id ?? null }, now);
      return id;
    });
    return this.get(id);
  }

  /**
   * A commitment from before the team used Cadence, as it stood then: its owner may have left
   * since (it is then flagged for reassignment). Not for new promises: those go through create.
   */
  recordEarlier(row: { teamId: string; ownerId: string; outcome: string; dueDate: string; madeAt: number }): string {
    return this.repos.sql.transaction(() => {
      const id = uuidv7(this.clock);
      this.repos.commitments.insert({
        id,
        team_id: row.teamId,
        owner_id: row.ownerId,
        outcome: row.outcome,
        original_due_date: row.dueDate,
        meeting_id: null,
        agenda_item_id: null,
        decision_id: null,
        created_at: row.madeAt,
      });
      this.event(id, { kind: 'created', status: 'open' }, row.madeAt);
      return id;
    });
  }

  /**
   * A review outcome: done, on track, at risk, slipped, renegotiated or dropped. Answers the commitment as it now
   * stands, composed from what was read to check the outcome and the event written, not read again.
   */
  record(input: ParsedInputOf<'commitments.record'>): Commitment {
    return this.repos.sql.transaction(() => {
      // The commitment, the meeting and a corrective commitment's owner in one read; its events in another.
      const read = this.repos.commitments.forOutcome(input.commitmentId, input.meetingId, input.corrective?.ownerId ?? null);
      if (!read) throw new DomainError('not_found', 'That commitment does not exist');
      const { row } = read;
      const events = this.repos.commitments.eventsOfOne(row.id);
      const current = derive(row, events);
      if (current.status === 'done' || current.status === 'dropped') {
        throw new DomainError('conflict', `This commitment is already ${current.status}; its history stays as it is`);
      }
      const meetingId = liveMeetingOf(input.meetingId, read.meeting, row.teamId);
      const today = this.today(row.timeZone);
      const outcome = this.outcomeEvent(read, current.dueDate, input, meetingId, today);
      return this.compose(row, [...events, outcome], this.memberLookup([[row.ownerId, read.owner]]), new Map([[row.timeZone, today]]));
    });
  }

  /** Someone else takes it over (the owner left, or the team decided so); the history keeps both names. */
  reassign(input: ParsedInputOf<'commitments.reassign'>): Commitment {
    this.repos.sql.transaction(() => {
      const row = this.require(input.commitmentId);
      const current = derive(row, this.repos.commitments.eventsOfOne(row.id));
      if (current.status === 'done' || current.status === 'dropped')
        throw new DomainError('conflict', `This commitment is already ${current.status}`);
      if (current.ownerId === input.ownerId) throw new DomainError('conflict', 'That person already owns it');
      this.requireActiveMember(row.teamId, input.ownerId);
      this.event(row.id, { kind: 'reassigned', new_owner_id: input.ownerId, reason: input.reason, meeting_id: null }, this.clock.now());
    });
    return this.get(input.commitmentId);
  }

  get(id: string): Commitment {
    const row = this.require(id);
    return this.compose(row, this.repos.commitments.eventsOfOne(id), this.memberLookup(), new Map());
  }

  /** Open commitments, overdue first, then by due date; optionally one team's or one person's. */
  board(input: ParsedInputOf<'commitments.board'>): CommitmentBoard {
    const open = this.toCommitments(this.repos.commitments.open(input.teamId)).filter(
      (c) => !input.memberId || c.ownerId === input.memberId,
    );
    open.sort(
      (a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate) || a.ownerName.localeCompare(b.ownerName),
    );
    const zone = input.teamId ? (this.repos.teams.find(input.teamId)?.timeZone ?? 'UTC') : Intl.DateTimeFormat().resolvedOptions().timeZone;
    return { today: this.today(zone), open };
  }

  /** Promised in this meeting. */
  madeIn(meetingId: string): Commitment[] {
    return this.composeAll(this.repos.commitments.madeIn(meetingId));
  }

  forMeeting(meetingId: string): { made: Commitment[]; reviewed: Commitment[] } {
    return {
      made: this.madeIn(meetingId),
      reviewed: this.toCommitments(this.repos.commitments.reviewedIn(meetingId)).filter(
        (c) => c.meetingId !== meetingId || c.events.length > 1,
      ),
    };
  }

  /** A team's open commitments in review order: due by the meeting's day first, then the rest; by owner within each. */
  reviewList(teamId: string, meetingId: string, meetingDate: string): Commitment[] {
    const members = new Map(this.repos.members.listByTeam(teamId).map((m) => [m.id, m.position]));
    // The team's open commitments not made here, and those closed here (a closed one is a candidate only for that).
    const all = this.composeAll(this.repos.commitments.reviewCandidates(teamId, meetingId)).filter(
      (c) => c.status === 'done' || c.status === 'dropped' || c.meetingId !== meetingId,
    );
    // Ordered by where each stood when the meeting began, so the walk does not reshuffle as outcomes are recorded
    // (the renderer puts a commitment read again after an outcome in place by the same rule: commitment-review.ts).
    // Each key worked out once, not in every comparison.
    const keys = new Map(all.map((c) => [c.id, { due: dueGroup(c, meetingId, meetingDate), owner: members.get(c.ownerId) ?? 999 }]));
    return all.sort((a, b) => {
      const x = keys.get(a.id)!;
      const y = keys.get(b.id)!;
      return x.due - y.due || x.owner - y.owner || byDueDate(a, b);
    });
  }

  /** Per member and for the team over a period (default the last 13 weeks), and a trend per held meeting. */
  followThrough(input: ParsedInputOf<'commitments.followThrough'>): FollowThrough {
    const team = this.repos.teams.find(input.teamId);
    if (!team) throw new DomainError('not_found', 'That team does not exist');
    const today = this.today(team.timeZone);
    const to = input.to ?? today;
    const from = input.from ?? addDays(to, -13 * 7);
    if (from > to) throw new DomainError('invalid_input', 'The period starts after it ends');
    const list = this.toCommitments(this.repos.commitments.dueBetween(team.id, from, to));
    const members = this.repos.members.listByTeam(team.id);
    const trend: FollowThrough['trend'] = [];
    let previous = addDays(from, -1);
    const held = this.repos.meetings
      .list(team.id)
      .filter((m) => m.status === 'ended' && m.scheduledStart !== null)
      .map((m) => ({ id: m.id, date: toZoned(m.scheduledStart!, m.timeZone).date }))
      .filter((m) => m.date >= from && m.date <= to)
      .sort((a, b) => a.date.localeCompare(b.date));
    for (const m of held) {
      const bucket = list.filter((c) => c.originalDueDate > previous && c.originalDueDate <= m.date);
      const f = followThroughFigures(bucket, today, team.timeZone);
      trend.push({ meetingId: m.id, date: m.date, due: f.due, doneOnTimeShare: f.doneOnTimeShare });
      previous = m.date;
    }
    return {
      from,
      to,
      team: followThroughFigures(list, today, team.timeZone),
      members: members
        .map((m) => ({
          memberId: m.id,
          name: m.name,
          left: m.leftAt !== null,
          figures: followThroughFigures(
            list.filter((c) => c.originalOwnerId === m.id),
            today,
            team.timeZone,
          ),
        }))
        .filter((m) => !m.left || m.figures.due > 0),
      trend,
    };
  }

  /** Commitments done between two instants (since the previous meeting): what recognition can celebrate. */
  doneBetween(teamId: string, since: number, until: number): Commitment[] {
    return this.composeAll(this.repos.commitments.doneBetween(teamId, since, until)).filter((c) => c.status === 'done');
  }

  toCommitments(rows: CommitmentRecord[]): Commitment[] {
    return this.composeAll({ rows, events: this.repos.commitments.eventsOf(rows.map((r) => r.id)) });
  }

  /** Commitments as the contract shows them, from a list read with their events (see CommitmentsRepository). */
  composeAll({ rows, events }: Listed): Commitment[] {
    // Every owner the list's commitments have had, read at once: one statement however many owners it names.
    const ownerIds = new Set(rows.map((r) => r.ownerId));
    for (const list of events.values()) for (const e of list) if (e.newOwnerId) ownerIds.add(e.newOwnerId);
    const owners = ownerIds.size ? this.repos.members.findMany([...ownerIds]) : [];
    const member = this.memberLookup(owners.map((m) => [m.id, { name: m.name, left: m.leftAt !== null }]));
    const todayOf = new Map<string, string>();
    return rows.map((row) => this.compose(row, events.get(row.id) ?? [], member, todayOf));
  }

  /** Each owner looked up once however many of their commitments are listed (`known` already read). */
  private memberLookup(known: [string, { name: string; left: boolean }][] = []): (id: string) => { name: string; left: boolean } {
    const members = new Map(known);
    return (id) => {
      if (!members.has(id)) {
        const found = this.repos.members.find(id);
        members.set(id, found ? { name: found.name, left: found.leftAt !== null } : { name: 'Unknown', left: false });
      }
      return members.get(id)!;
    };
  }

  /** A commitment as the contract shows it, from its row and its events (oldest first). */
  private compose(
    row: CommitmentRecord,
    list: CommitmentEventRecord[],
    member: (id: string) => { name: string; left: boolean },
    todayOf: Map<string, string>,
  ): Commitment {
    const { status, dueDate, ownerId } = derive(row, list);
    const owner = member(ownerId);
    if (!todayOf.has(row.timeZone)) todayOf.set(row.timeZone, this.today(row.timeZone));
    const open = status !== 'done' && status !== 'dropped';
    return {
      id: row.id,
      teamId: row.teamId,
      teamName: row.teamName,
      ownerId,
      ownerName: owner.name,
      originalOwnerId: row.ownerId,
      needsReassignment: open && owner.left,
      outcome: row.outcome,
      originalDueDate: row.originalDueDate,
      dueDate,
      status,
      overdue: open && dueDate < todayOf.get(row.timeZone)!,
      meetingId: row.meetingId,
      meetingTitle: row.meetingTitle,
      agendaItemId: row.agendaItemId,
      decisionId: row.decisionId,
      createdAt: row.createdAt,
      events: list.map(toEvent),
    };
  }

  private event(commitmentId: string, fields: EventFields, at: number): CommitmentEventRecord {
    return this.repos.commitments.insertEvent({
      id: uuidv7(this.clock),
      commitment_id: commitmentId,
      status: null,
      meeting_id: null,
      old_due_date: null,
      new_due_date: null,
      reason: null,
      root_cause: null,
      corrective_action: null,
      corrective_commitment_id: null,
      new_owner_id: null,
      in_advance: null,
      ...fields,
      at,
    });
  }

  /** Writes the outcome's event (and a slip's corrective commitment first); answers the event written. */
  private outcomeEvent(
    read: OutcomeRead,
    dueDate: string,
    input: ParsedInputOf<'commitments.record'>,
    meetingId: string | null,
    today: string,
  ): CommitmentEventRecord {
    const now = this.clock.now();
    const corrective =
      input.outcome === 'slipped' && input.corrective ? this.corrective(read, input.corrective, input, meetingId, today) : null;
    return this.event(read.row.id, outcomeFields(input, dueDate, today, meetingId, corrective), now);
  }

  /** A slip's corrective action made a commitment of its own, in the same meeting. */
  private corrective(
    { row, correctiveOwner }: OutcomeRead,
    to: { ownerId: string; dueDate: string },
    input: ParsedInputOf<'commitments.record'>,
    meetingId: string | null,
    today: string,
  ): string {
    const id = uuidv7(this.clock);
    const now = this.clock.now();
    checkActiveMember(row.teamId, correctiveOwner);
    if (to.dueDate < today && !input.confirmPastDue) {
      throw new DomainError('conflict', `The corrective action's due date ${to.dueDate} is in the past. Confirm to record it anyway.`, {
        reason: 'due_in_past',
        path: 'corrective.dueDate',
      });
    }
    this.repos.commitments.insert({
      id,
      team_id: row.teamId,
      owner_id: to.ownerId,
      outcome: input.correctiveAction!,
      original_due_date: to.dueDate,
      meeting_id: meetingId,
      agenda_item_id: null,
      decision_id: row.decisionId,
      created_at: now,
    });
    this.event(id, { kind: 'created', status: 'open', meeting_id: meetingId, reason: `Corrective action for “${row.outcome}”` }, now);
    return id;
  }

  private requireActiveMember(teamId: string, memberId: string): void {
    checkActiveMember(teamId, this.repos.members.find(memberId));
  }

  private require(id: string): CommitmentRecord {
    const row = this.repos.commitments.find(id);
    if (!row) throw new DomainError('not_found', 'That commitment does not exist');
    return row;
  }

  /**
   * The team's date now. Intl takes some 20-100 us to format it, as much as a small commit, so each zone's date is
   * kept for the quarter hour it was read in: every zone's offset today is a whole number of quarter hours, so no
   * zone's day turns within one.
   */
  private today(zone: string): string {
    const now = this.clock.now();
    const quarter = Math.floor(now / QUARTER_HOUR);
    const kept = this.dates.get(zone);
    if (kept?.quarter === quarter) return kept.date;
    const date = toZoned(now, zone).date;
    this.dates.set(zone, { quarter, date });
    return date;
  }
}
