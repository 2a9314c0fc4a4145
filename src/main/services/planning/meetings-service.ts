import type { ParsedInputOf } from '@shared/contract';
import type { Amendment, MeetingLists, MeetingSummary, NextUp } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { AgendaItemRecord, MeetingRecord } from '../../db/repositories/meetings-repository';
import { pendingItem } from './agenda-items';
import { toSummary } from './meeting-parts';
import type { OldBusinessProvider } from './old-business';
import { nextForSeries } from './series-schedule';
import { ruleOf } from './series-service';
import type { TemplatesService } from './templates-service';
import { fromZoned } from './zoned-time';
import { addGuest, endedError, markExpectedPresent, requireMeeting, setAttendance } from './attendance';
import { renumberAgenda } from './agenda-order';
import { requireNotCalledOff } from './call-off';

const MINUTE = 60_000;

const heldAt = (m: MeetingSummary) => m.startedAt ?? m.scheduledStart ?? 0;
const bySchedule = (a: MeetingSummary, b: MeetingSummary) => (a.scheduledStart ?? 0) - (b.scheduledStart ?? 0);

/** An agenda item's fields as the add and edit forms give them, in the units the database keeps. */
function itemFields(input: ParsedInputOf<'agenda.addItem'> | ParsedInputOf<'agenda.updateItem'>) {
  return {
    kind: input.kind,
    title: input.title,
    plannedMs: input.plannedMin * MINUTE,
    ownerId: input.ownerId,
    plan: input.plan,
    roundOrder: input.roundOrder,
    turnTimeboxMs: input.turnTimeboxSec === null ? null : input.turnTimeboxSec * 1000,
  };
}

/**
 * Meetings, their agenda and attendance. An ended meeting changes only through amendments. A write answers the id
 * of the meeting it changed: what the views show of a meeting is composed from every feature by meeting-view/,
 * which the handlers read after the write.
 */
export class MeetingsService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly templates: TemplatesService,
    private readonly oldBusiness: OldBusinessProvider,
  ) {}

  list(teamId: string | null): MeetingLists {
    const all = this.repos.meetings.list(teamId).map(toSummary);
    // A called-off meeting is listed where its date falls (upcoming until that day has passed), marked as called off.
    const now = this.clock.now();
    const isPast = (m: MeetingSummary) => m.status === 'ended' || (m.calledOff !== null && (m.scheduledStart ?? m.calledOff.at) < now);
    const upcoming = all.filter((m) => !isPast(m)).sort(bySchedule);
    // A held meeting is listed by when it was held: one started before its planned date sits where it happened.
    const past = all.filter(isPast).sort((a, b) => heldAt(b) - heldAt(a));
    return { upcoming, past };
  }

  /** Each team's first meeting not yet ended, in the order `list` gives upcoming meetings, and the teams (as `teams.list` lists them) with none. */
  nextUp(): NextUp {
    const meetings = this.repos.meetings.nextPerTeam().map(toSummary).sort(bySchedule);
    const planned = new Set(meetings.map((m) => m.teamId));
    const unplanned = this.repos.teams
      .list()
      .filter((t) => !planned.has(t.id))
      .map((t) => ({ teamId: t.id, teamName: t.name }));
    return { meetings, unplanned };
  }

  /** "Next meeting": the series' next date, its template, its team, and what the last one left. */
  createFromSeries(seriesId: string): { meetingId: string } {
    return this.repos.sql.transaction(() => {
      const series = this.repos.series.find(seriesId);
      if (!series || series.archivedAt !== null) throw new DomainError('not_found', 'That meeting series does not exist');
      // A called-off meeting's date stays taken (the team did not meet that week); its facilitator never facilitated.
      const previous = this.repos.meetings.inSeries(seriesId);
      const last = previous.filter((m) => m.calledOffAt === null).at(-1);
      const next = nextForSeries(ruleOf(series), previous, this.clock.now());
      const facilitator = this.facilitatorFor(series.teamId, series.defaultFacilitatorId, series.rotateFacilitator, last ?? null);
      const meeting = this.insertMeeting({
        teamId: series.teamId,
        seriesId,
        title: series.name,
        scheduledStart: next.startsAt,
        lengthMs: series.defaultLengthMs,
        facilitatorId: facilitator,
        templateId: series.templateId,
      });
      this.oldBusiness.pullInto(meeting);
      return { meetingId: meeting.id };
    });
  }

  createAdHoc(input: ParsedInputOf<'meetings.create'>): { meetingId: string } {
    return this.repos.sql.transaction(() => {
      const team = this.repos.teams.find(input.teamId);
      if (!team) throw new DomainError('not_found', 'That team does not exist');
      if (input.facilitatorId) this.requireActiveMember(team.id, input.facilitatorId);
      const meeting = this.insertMeeting({
        teamId: team.id,
        seriesId: null,
        title: input.title,
        scheduledStart: fromZoned(input.date, input.time, team.timeZone),
        lengthMs: input.lengthMin * MINUTE,
        facilitatorId: input.facilitatorId,
        templateId: input.templateId,
      });
      this.oldBusiness.pullInto(meeting);
      return { meetingId: meeting.id };
    });
  }

  updateDetails(input: ParsedInputOf<'meetings.updateDetails'>): string {
    this.repos.sql.transaction(() => {
      const meeting = this.editable(input.meetingId, input.expectedRevision);
      if (input.facilitatorId) this.requireActiveMember(meeting.teamId, input.facilitatorId);
      const zone = this.repos.meetings.summary(meeting.id)!.timeZone;
      this.repos.meetings.update(meeting.id, {
        title: input.title,
        scheduledStart: fromZoned(input.date, input.time, zone),
        plannedLengthMs: input.lengthMin * MINUTE,
        facilitatorId: input.facilitatorId,
      });
      this.repos.meetings.bumpAgendaRevision(meeting.id, this.clock.now());
    });
    return input.meetingId;
  }

  applyTemplate(input: ParsedInputOf<'agenda.applyTemplate'>): string {
    this.repos.sql.transaction(() => {
      const meeting = this.editable(input.meetingId, input.expectedRevision);
      this.appendTemplate(meeting, input.templateId);
      this.repos.meetings.bumpAgendaRevision(meeting.id, this.clock.now());
    });
    return input.meetingId;
  }

  addItem(input: ParsedInputOf<'agenda.addItem'>): string {
    this.repos.sql.transaction(() => {
      const meeting = this.editable(input.meetingId, input.expectedRevision);
      if (input.ownerId) this.requireActiveMember(meeting.teamId, input.ownerId);
      const at = this.clock.now();
      this.repos.meetings.insertItem(
        pendingItem(
          {
            id: uuidv7(this.clock),
            meetingId: meeting.id,
            position: this.repos.meetings.items(meeting.id).length,
            ...itemFields(input),
          },
          at,
        ),
      );
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return input.meetingId;
  }

  updateItem(input: ParsedInputOf<'agenda.updateItem'>): string {
    const item = this.requireItem(input.itemId);
    this.repos.sql.transaction(() => {
      const meeting = this.editable(item.meetingId, input.expectedRevision);
      if (input.ownerId) this.requireActiveMember(meeting.teamId, input.ownerId);
      const at = this.clock.now();
      this.repos.meetings.updateItem(item.id, {
        ...itemFields(input),
        updatedAt: at,
      });
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return item.meetingId;
  }

  /** Removing marks the item; its notes stay in the database. */
  removeItem(input: ParsedInputOf<'agenda.removeItem'>): string {
    const item = this.requireItem(input.itemId);
    this.repos.sql.transaction(() => {
      const meeting = this.editable(item.meetingId, input.expectedRevision);
      if (item.status !== 'pending') throw new DomainError('conflict', 'An item the meeting has started cannot be removed');
      const at = this.clock.now();
      this.repos.meetings.updateItem(item.id, { removedAt: at, updatedAt: at });
      renumberAgenda(this.repos, meeting.id);
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return item.meetingId;
  }

  moveItem(input: ParsedInputOf<'agenda.moveItem'>): string {
    const item = this.requireItem(input.itemId);
    this.repos.sql.transaction(() => {
      const meeting = this.editable(item.meetingId, input.expectedRevision);
      const items = this.repos.meetings.items(meeting.id);
      const from = items.findIndex((i) => i.id === item.id);
      if (from < 0) throw new DomainError('not_found', 'That agenda item was removed');
      const to = Math.min(Math.max(input.toIndex, 0), items.length - 1);
      const [moved] = items.splice(from, 1);
      items.splice(to, 0, moved!);
      const at = this.clock.now();
      items.forEach((i, position) => {
        if (i.position !== position) this.repos.meetings.updateItem(i.id, { position, updatedAt: at });
      });
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return item.meetingId;
  }

  setAttendance(input: ParsedInputOf<'attendance.set'>): string {
    return setAttendance(this.repos, this.clock, input);
  }

  allPresent(meetingId: string): string {
    return markExpectedPresent(this.repos, this.clock, meetingId);
  }

  addGuest(input: ParsedInputOf<'attendance.addGuest'>): string {
    return addGuest(this.repos, this.clock, input);
  }

  /** Corrections to an ended meeting: kept as amendments with a reason, never silent. */
  amend(input: ParsedInputOf<'meetings.amend'>): string {
    this.repos.sql.transaction(() => {
      const meeting = requireMeeting(this.repos, input.meetingId);
      if (meeting.status !== 'ended') throw new DomainError('conflict', 'Only an ended meeting is amended; edit a planned one directly');
      const changes: Amendment['changes'] = [];
      if (input.title !== undefined && input.title !== meeting.title) {
        changes.push({ field: 'title', from: meeting.title, to: input.title });
        this.repos.meetings.update(meeting.id, { title: input.title });
      }
      for (const change of input.attendance ?? []) {
        const attendee = this.repos.meetings.attendee(change.attendeeId);
        if (!attendee || attendee.meetingId !== meeting.id) throw new DomainError('not_found', 'That attendee is not part of this meeting');
        if (attendee.status === change.status) continue;
        const name = attendee.memberId ? (this.repos.members.find(attendee.memberId)?.name ?? 'Member') : attendee.guestName!;
        changes.push({ field: `attendance: ${name}`, from: attendee.status, to: change.status });
        this.repos.meetings.updateAttendee(attendee.id, { status: change.status });
      }
      if (changes.length === 0) throw new DomainError('invalid_input', 'Nothing to amend: the values are the same as recorded');
      const at = this.clock.now();
      this.repos.meetings.insertAmendment({
        id: uuidv7(this.clock),
        entityType: 'meeting',
        entityId: meeting.id,
        reason: input.reason,
        changes,
        at,
      });
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return input.meetingId;
  }

  /** Starts the meeting: the first item becomes current. The live console builds on this. */
  start(meetingId: string): void {
    this.repos.sql.transaction(() => {
      const meeting = requireMeeting(this.repos, meetingId);
      if (meeting.status !== 'planned') throw new DomainError('conflict', 'This meeting has already started');
      requireNotCalledOff(meeting);
      const at = this.clock.now();
      const first = this.repos.meetings.items(meetingId)[0];
      if (first) this.repos.meetings.updateItem(first.id, { status: 'active', startedAt: at, updatedAt: at });
      this.repos.meetings.update(meetingId, { status: 'live', startedAt: at, currentItemId: first?.id ?? null, updatedAt: at });
    });
  }

  /** Ends the meeting; whatever was not reached is marked so and rolls into the next one. */
  end(meetingId: string): void {
    this.repos.sql.transaction(() => {
      const meeting = requireMeeting(this.repos, meetingId);
      if (meeting.status !== 'live')
        throw new DomainError('conflict', meeting.status === 'ended' ? 'This meeting has already ended' : 'This meeting has not started');
      const at = this.clock.now();
      for (const item of this.repos.meetings.items(meetingId)) {
        if (item.status === 'active') this.repos.meetings.updateItem(item.id, { status: 'done', endedAt: at, updatedAt: at });
        if (item.status === 'pending') this.repos.meetings.updateItem(item.id, { status: 'not_reached', updatedAt: at });
      }
      this.repos.meetings.update(meetingId, { status: 'ended', endedAt: at, currentItemId: null, updatedAt: at });
      // Undo is for a meeting that runs: nothing reads an ended meeting's steps, and the log stays a few rows.
      this.repos.live.forgetActions(meetingId);
      this.oldBusiness.pushFrom(requireMeeting(this.repos, meetingId));
    });
  }

  /** Marks one item done (the live console's "next"); used by the demo history too. */
  completeItem(itemId: string): void {
    const at = this.clock.now();
    this.repos.meetings.updateItem(itemId, { status: 'done', endedAt: at, updatedAt: at });
  }

  private insertMeeting(m: {
    teamId: string;
    seriesId: string | null;
    title: string;
    scheduledStart: number;
    lengthMs: number;
    facilitatorId: string | null;
    templateId: string | null;
  }): MeetingRecord {
    const at = this.clock.now();
    const meeting: MeetingRecord = {
      id: uuidv7(this.clock),
      teamId: m.teamId,
      seriesId: m.seriesId,
      title: m.title,
      status: 'planned',
      scheduledStart: m.scheduledStart,
      plannedLengthMs: m.lengthMs,
      facilitatorId: m.facilitatorId,
      startedAt: null,
      endedAt: null,
      pausedAt: null,
      pausedTotalMs: 0,
      currentItemId: null,
      createdAt: at,
      updatedAt: at,
      agendaRevision: 0,
      calledOffAt: null,
      calledOffReason: null,
    };
    this.repos.meetings.insert(meeting);
    for (const member of this.repos.members.listByTeam(m.teamId).filter((x) => x.leftAt === null)) {
      this.repos.meetings.insertAttendee({
        id: uuidv7(this.clock),
        meetingId: meeting.id,
        memberId: member.id,
        guestName: null,
        status: 'expected',
        arrivedAt: null,
        leftAt: null,
      });
    }
    if (m.templateId) this.appendTemplate(meeting, m.templateId);
    return meeting;
  }

  private appendTemplate(meeting: MeetingRecord, templateId: string): void {
    const template = this.templates.get(templateId);
    const start = this.repos.meetings.items(meeting.id).length;
    const at = this.clock.now();
    template.items.forEach((t, i) =>
      this.repos.meetings.insertItem(
        pendingItem(
          {
            id: uuidv7(this.clock),
            meetingId: meeting.id,
            position: start + i,
            kind: t.kind,
            title: t.title,
            plannedMs: t.plannedMin * MINUTE,
            ownerId: null,
            plan: t.notes,
          },
          at,
        ),
      ),
    );
  }

  /** Rotation: the active member after the last meeting's facilitator, in team order. */
  private facilitatorFor(teamId: string, defaultId: string | null, rotate: boolean, last: MeetingRecord | null): string | null {
    const active = this.repos.members.listByTeam(teamId).filter((m) => m.leftAt === null);
    if (!rotate || !last?.facilitatorId) return active.some((m) => m.id === defaultId) ? defaultId : (active[0]?.id ?? null);
    const all = this.repos.members.listByTeam(teamId);
    const lastPosition = all.find((m) => m.id === last.facilitatorId)?.position ?? -1;
    return (active.find((m) => m.position > lastPosition) ?? active[0])?.id ?? null;
  }

  private editable(meetingId: string, expectedRevision: number): MeetingRecord {
    const meeting = requireMeeting(this.repos, meetingId);
    if (meeting.status === 'ended') throw endedError();
    requireNotCalledOff(meeting);
    if (meeting.agendaRevision !== expectedRevision) {
      throw new DomainError(
        'conflict',
        'This agenda was changed in another window. It now shows the latest version; please make your change again.',
        { reason: 'revision_conflict' },
      );
    }
    return meeting;
  }

  private requireItem(id: string): AgendaItemRecord {
    const item = this.repos.meetings.item(id);
    if (!item || item.removedAt !== null) throw new DomainError('not_found', 'That agenda item does not exist any more');
    return item;
  }

  private requireActiveMember(teamId: string, memberId: string): void {
    const member = this.repos.members.find(memberId);
    if (!member || member.teamId !== teamId) throw new DomainError('invalid_input', 'Choose a member of this team');
    if (member.leftAt !== null) throw new DomainError('invalid_input', `${member.name} has left the team`, { reason: 'member_left' });
  }
}
