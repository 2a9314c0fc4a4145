import type { ParsedInputOf } from '@shared/contract';
import type { Amendment, MeetingDetail, MeetingLists, MeetingSummary } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { AgendaItemsTable, MeetingsTable } from '../../db/schema';
import type { MeetingView } from '../meeting-view/meeting-view';
import { toSummary } from '../meeting-view/meeting-parts';
import type { OldBusinessProvider } from './old-business';
import { nextOccurrence } from './series-schedule';
import { ruleOf } from './series-service';
import type { TemplatesService } from './templates-service';
import { fromZoned } from './zoned-time';
import { addGuest, endedError, markExpectedPresent, requireMeeting, setAttendance } from './attendance';

const MINUTE = 60_000;

const bySchedule = (a: MeetingSummary, b: MeetingSummary) => (a.scheduledStart ?? 0) - (b.scheduledStart ?? 0);

/** Meetings, their agenda and attendance. An ended meeting changes only through amendments. */
export class MeetingsService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly templates: TemplatesService,
    private readonly oldBusiness: OldBusinessProvider,
    private readonly view: MeetingView,
  ) {}

  list(teamId: string | null): MeetingLists {
    const all = this.repos.meetings.list(teamId).map(toSummary);
    const upcoming = all.filter((m) => m.status !== 'ended').sort(bySchedule);
    const past = all.filter((m) => m.status === 'ended');
    return { upcoming, past };
  }

  /** Each team's first meeting not yet ended, in the order `list` gives upcoming meetings. */
  nextUp(): MeetingSummary[] {
    return this.repos.meetings.nextPerTeam().map(toSummary).sort(bySchedule);
  }

  get(meetingId: string): MeetingDetail {
    return this.view.detail(meetingId);
  }

  /** "Next meeting": the series' next date, its template, its team, and what the last one left. */
  createFromSeries(seriesId: string): { meetingId: string } {
    return this.repos.sql.transaction(() => {
      const series = this.repos.series.find(seriesId);
      if (!series || series.archivedAt !== null) throw new DomainError('not_found', 'That meeting series does not exist');
      const previous = this.repos.meetings.inSeries(seriesId);
      const last = previous.at(-1);
      const next = nextOccurrence(ruleOf(series), Math.max(this.clock.now(), last?.scheduled_start ?? 0));
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

  updateDetails(input: ParsedInputOf<'meetings.updateDetails'>): MeetingDetail {
    this.repos.sql.transaction(() => {
      const meeting = this.editable(input.meetingId, input.expectedRevision);
      if (input.facilitatorId) this.requireActiveMember(meeting.team_id, input.facilitatorId);
      const zone = this.repos.meetings.summary(meeting.id)!.time_zone;
      this.repos.meetings.update(meeting.id, {
        title: input.title,
        scheduled_start: fromZoned(input.date, input.time, zone),
        planned_length_ms: input.lengthMin * MINUTE,
        facilitator_id: input.facilitatorId,
      });
      this.repos.meetings.bumpAgendaRevision(meeting.id, this.clock.now());
    });
    return this.get(input.meetingId);
  }

  applyTemplate(input: ParsedInputOf<'agenda.applyTemplate'>): MeetingDetail {
    this.repos.sql.transaction(() => {
      const meeting = this.editable(input.meetingId, input.expectedRevision);
      this.appendTemplate(meeting, input.templateId);
      this.repos.meetings.bumpAgendaRevision(meeting.id, this.clock.now());
    });
    return this.get(input.meetingId);
  }

  addItem(input: ParsedInputOf<'agenda.addItem'>): MeetingDetail {
    this.repos.sql.transaction(() => {
      const meeting = this.editable(input.meetingId, input.expectedRevision);
      if (input.ownerId) this.requireActiveMember(meeting.team_id, input.ownerId);
      const at = this.clock.now();
      this.repos.meetings.insertItem(
        this.newItem(meeting.id, this.repos.meetings.items(meeting.id).length, at, {
          kind: input.kind,
          title: input.title,
          planned_ms: input.plannedMin * MINUTE,
          owner_id: input.ownerId,
          notes: input.notes,
        }),
      );
      const added = this.repos.meetings.items(meeting.id).at(-1)!;
      this.repos.meetings.updateItem(added.id, {
        round_order: input.roundOrder,
        turn_timebox_ms: input.turnTimeboxSec === null ? null : input.turnTimeboxSec * 1000,
      });
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return this.get(input.meetingId);
  }

  updateItem(input: ParsedInputOf<'agenda.updateItem'>): MeetingDetail {
    const item = this.requireItem(input.itemId);
    this.repos.sql.transaction(() => {
      const meeting = this.editable(item.meeting_id, input.expectedRevision);
      if (input.ownerId) this.requireActiveMember(meeting.team_id, input.ownerId);
      const at = this.clock.now();
      this.repos.meetings.updateItem(item.id, {
        kind: input.kind,
        title: input.title,
        planned_ms: input.plannedMin * MINUTE,
        owner_id: input.ownerId,
        notes: input.notes,
        round_order: input.roundOrder,
        turn_timebox_ms: input.turnTimeboxSec === null ? null : input.turnTimeboxSec * 1000,
        updated_at: at,
      });
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return this.get(item.meeting_id);
  }

  /** Removing marks the item; its notes stay in the database. */
  removeItem(input: ParsedInputOf<'agenda.removeItem'>): MeetingDetail {
    const item = this.requireItem(input.itemId);
    this.repos.sql.transaction(() => {
      const meeting = this.editable(item.meeting_id, input.expectedRevision);
      if (item.status !== 'pending') throw new DomainError('conflict', 'An item the meeting has started cannot be removed');
      const at = this.clock.now();
      this.repos.meetings.updateItem(item.id, { removed_at: at, updated_at: at });
      this.renumber(meeting.id);
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return this.get(item.meeting_id);
  }

  moveItem(input: ParsedInputOf<'agenda.moveItem'>): MeetingDetail {
    const item = this.requireItem(input.itemId);
    this.repos.sql.transaction(() => {
      const meeting = this.editable(item.meeting_id, input.expectedRevision);
      const items = this.repos.meetings.items(meeting.id);
      const from = items.findIndex((i) => i.id === item.id);
      if (from < 0) throw new DomainError('not_found', 'That agenda item was removed');
      const to = Math.min(Math.max(input.toIndex, 0), items.length - 1);
      const [moved] = items.splice(from, 1);
      items.splice(to, 0, moved!);
      const at = this.clock.now();
      items.forEach((i, position) => {
        if (i.position !== position) this.repos.meetings.updateItem(i.id, { position, updated_at: at });
      });
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return this.get(item.meeting_id);
  }

  setAttendance(input: ParsedInputOf<'attendance.set'>): MeetingDetail {
    return this.get(setAttendance(this.repos, this.clock, input));
  }

  allPresent(meetingId: string): MeetingDetail {
    return this.get(markExpectedPresent(this.repos, this.clock, meetingId));
  }

  addGuest(input: ParsedInputOf<'attendance.addGuest'>): MeetingDetail {
    return this.get(addGuest(this.repos, this.clock, input));
  }

  /** Corrections to an ended meeting: kept as amendments with a reason, never silent. */
  amend(input: ParsedInputOf<'meetings.amend'>): MeetingDetail {
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
        if (!attendee || attendee.meeting_id !== meeting.id)
          throw new DomainError('not_found', 'That attendee is not part of this meeting');
        if (attendee.status === change.status) continue;
        const name = attendee.member_id ? (this.repos.members.find(attendee.member_id)?.name ?? 'Member') : attendee.guest_name!;
        changes.push({ field: `attendance: ${name}`, from: attendee.status, to: change.status });
        this.repos.meetings.updateAttendee(attendee.id, { status: change.status });
      }
      if (changes.length === 0) throw new DomainError('invalid_input', 'Nothing to amend: the values are the same as recorded');
      const at = this.clock.now();
      this.repos.meetings.insertAmendment({
        id: uuidv7(this.clock),
        entity_type: 'meeting',
        entity_id: meeting.id,
        reason: input.reason,
        changes_json: JSON.stringify(changes),
        at,
      });
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
    });
    return this.get(input.meetingId);
  }

  /** Starts the meeting: the first item becomes current. The live console builds on this. */
  start(meetingId: string): MeetingDetail {
    this.repos.sql.transaction(() => {
      const meeting = requireMeeting(this.repos, meetingId);
      if (meeting.status !== 'planned') throw new DomainError('conflict', 'This meeting has already started');
      const at = this.clock.now();
      const first = this.repos.meetings.items(meetingId)[0];
      if (first) this.repos.meetings.updateItem(first.id, { status: 'active', started_at: at, updated_at: at });
      this.repos.meetings.update(meetingId, { status: 'live', started_at: at, current_item_id: first?.id ?? null, updated_at: at });
    });
    return this.get(meetingId);
  }

  /** Ends the meeting; whatever was not reached is marked so and rolls into the next one. */
  end(meetingId: string): MeetingDetail {
    this.repos.sql.transaction(() => {
      const meeting = requireMeeting(this.repos, meetingId);
      if (meeting.status !== 'live')
        throw new DomainError('conflict', meeting.status === 'ended' ? 'This meeting has already ended' : 'This meeting has not started');
      const at = this.clock.now();
      for (const item of this.repos.meetings.items(meetingId)) {
        if (item.status === 'active') this.repos.meetings.updateItem(item.id, { status: 'done', ended_at: at, updated_at: at });
        if (item.status === 'pending') this.repos.meetings.updateItem(item.id, { status: 'not_reached', updated_at: at });
      }
      this.repos.meetings.update(meetingId, { status: 'ended', ended_at: at, current_item_id: null, updated_at: at });
      this.oldBusiness.pushFrom(requireMeeting(this.repos, meetingId));
    });
    return this.get(meetingId);
  }

  /** Marks one item done (the live console's "next"); used by the demo history too. */
  completeItem(itemId: string): void {
    const at = this.clock.now();
    this.repos.meetings.updateItem(itemId, { status: 'done', ended_at: at, updated_at: at });
  }

  private insertMeeting(m: {
    teamId: string;
    seriesId: string | null;
    title: string;
    scheduledStart: number;
    lengthMs: number;
    facilitatorId: string | null;
    templateId: string | null;
  }): MeetingsTable {
    const at = this.clock.now();
    const row: MeetingsTable = {
      id: uuidv7(this.clock),
      team_id: m.teamId,
      series_id: m.seriesId,
      title: m.title,
      status: 'planned',
      scheduled_start: m.scheduledStart,
      planned_length_ms: m.lengthMs,
      facilitator_id: m.facilitatorId,
      started_at: null,
      ended_at: null,
      paused_at: null,
      paused_total_ms: 0,
      current_item_id: null,
      created_at: at,
      updated_at: at,
      agenda_revision: 0,
    };
    this.repos.meetings.insert(row);
    for (const member of this.repos.members.listByTeam(m.teamId).filter((x) => x.leftAt === null)) {
      this.repos.meetings.insertAttendee({
        id: uuidv7(this.clock),
        meeting_id: row.id,
        member_id: member.id,
        guest_name: null,
        status: 'expected',
        arrived_at: null,
        left_at: null,
      });
    }
    if (m.templateId) this.appendTemplate(row, m.templateId);
    return row;
  }

  private appendTemplate(meeting: MeetingsTable, templateId: string): void {
    const template = this.templates.get(templateId);
    const start = this.repos.meetings.items(meeting.id).length;
    const at = this.clock.now();
    template.items.forEach((t, i) =>
      this.repos.meetings.insertItem(
        this.newItem(meeting.id, start + i, at, {
          kind: t.kind,
          title: t.title,
          planned_ms: t.plannedMin * MINUTE,
          owner_id: null,
          notes: t.notes,
        }),
      ),
    );
  }

  private newItem(
    meetingId: string,
    position: number,
    at: number,
    fields: Pick<AgendaItemsTable, 'kind' | 'title' | 'planned_ms' | 'owner_id' | 'notes'>,
  ): AgendaItemsTable {
    return {
      id: uuidv7(this.clock),
      meeting_id: meetingId,
      position,
      ...fields,
      status: 'pending',
      started_at: null,
      ended_at: null,
      paused_at: null,
      paused_total_ms: 0,
      extra_ms: 0,
      carried_from_id: null,
      created_at: at,
      updated_at: at,
      removed_at: null,
      round_order: 'team',
      turn_timebox_ms: null,
    };
  }

  /** Rotation: the active member after the last meeting's facilitator, in team order. */
  private facilitatorFor(teamId: string, defaultId: string | null, rotate: boolean, last: MeetingsTable | null): string | null {
    const active = this.repos.members.listByTeam(teamId).filter((m) => m.leftAt === null);
    if (!rotate || !last?.facilitator_id) return active.some((m) => m.id === defaultId) ? defaultId : (active[0]?.id ?? null);
    const all = this.repos.members.listByTeam(teamId);
    const lastPosition = all.find((m) => m.id === last.facilitator_id)?.position ?? -1;
    return (active.find((m) => m.position > lastPosition) ?? active[0])?.id ?? null;
  }

  private renumber(meetingId: string): void {
    this.repos.meetings.items(meetingId).forEach((item, position) => {
      if (item.position !== position) this.repos.meetings.updateItem(item.id, { position });
    });
  }

  private editable(meetingId: string, expectedRevision: number): MeetingsTable {
    const meeting = requireMeeting(this.repos, meetingId);
    if (meeting.status === 'ended') throw endedError();
    if (meeting.agenda_revision !== expectedRevision) {
      throw new DomainError(
        'conflict',
        'This agenda was changed in another window. It now shows the latest version; please make your change again.',
        { reason: 'revision_conflict' },
      );
    }
    return meeting;
  }

  private requireItem(id: string): AgendaItemsTable {
    const item = this.repos.meetings.item(id);
    if (!item || item.removed_at !== null) throw new DomainError('not_found', 'That agenda item does not exist any more');
    return item;
  }

  private requireActiveMember(teamId: string, memberId: string): void {
    const member = this.repos.members.find(memberId);
    if (!member || member.teamId !== teamId) throw new DomainError('invalid_input', 'Choose a member of this team');
    if (member.leftAt !== null) throw new DomainError('invalid_input', `${member.name} has left the team`, { reason: 'member_left' });
  }
}
