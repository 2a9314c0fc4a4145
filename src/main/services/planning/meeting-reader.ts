import type { AgendaItem, Amendment, Attendee, MeetingDetail, MeetingSummary } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { MeetingSummaryRow } from '../../db/repositories/meetings-repository';
import type { AgendaItemsTable } from '../../db/schema';
import type { CommitmentsService } from '../commitments/commitments-service';
import type { DecisionsService } from '../decisions/decisions-service';
import { meetingFeedback } from '../health/feedback-service';
import { speakingTime, toTurn } from '../live/turns';
import { toZoned } from './zoned-time';

const MINUTE = 60_000;

export function toSummary(row: MeetingSummaryRow): MeetingSummary {
  return {
    id: row.id,
    teamId: row.team_id,
    teamName: row.team_name,
    seriesId: row.series_id,
    seriesName: row.series_name,
    title: row.title,
    status: row.status,
    scheduledStart: row.scheduled_start,
    timeZone: row.time_zone,
    plannedLengthMin: Math.round(row.planned_length_ms / MINUTE),
    facilitatorId: row.facilitator_id,
    facilitatorName: row.facilitator_name,
    itemCount: Number(row.item_count),
    plannedTotalMin: Math.round(Number(row.planned_total_ms ?? 0) / MINUTE),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    agendaRevision: row.agenda_revision,
    oldBusinessCount: Number(row.old_business_count),
  };
}

function toItem(row: AgendaItemsTable): AgendaItem {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    plannedMin: Math.round(row.planned_ms / MINUTE),
    ownerId: row.owner_id,
    notes: row.notes,
    status: row.status,
    carriedFromId: row.carried_from_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    extraMs: row.extra_ms,
    pausedTotalMs: row.paused_total_ms,
    roundOrder: row.round_order,
    turnTimeboxMs: row.turn_timebox_ms,
  };
}

/** A meeting as its pages, the console, the projector and the minutes read it: everything in one detail. */
export class MeetingReader {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly decisions: DecisionsService,
    private readonly commitments: CommitmentsService,
  ) {}

  read(meetingId: string): MeetingDetail {
    const row = this.repos.meetings.summary(meetingId);
    if (!row) throw new DomainError('not_found', 'That meeting does not exist');
    const members = this.repos.members.listByTeam(row.team_id);
    const attendees: Attendee[] = this.repos.meetings.attendees(meetingId).map((a) => ({
      id: a.id,
      memberId: a.member_id,
      guestName: a.guest_name,
      name: a.member_name ?? a.guest_name ?? 'Guest',
      status: a.status,
    }));
    const openParking = new Set(this.repos.parkingLot.list(row.team_id, false).map((p) => p.id));
    const oldBusiness = this.repos.oldBusiness.forMeeting(meetingId).map((o) => ({
      id: o.id,
      source: o.source,
      refId: o.refId,
      fromMeetingId: o.fromMeetingId,
      title: o.title,
      detail: o.detail,
      agendaItemId: o.agendaItemId,
      open: o.source === 'parking_lot' ? openParking.has(o.refId) : this.stillOpen(o.source, o.refId, o.createdAt),
    }));
    const amendments: Amendment[] = this.repos.meetings.amendments('meeting', meetingId).map((a) => ({
      id: a.id,
      reason: a.reason,
      changes: JSON.parse(a.changes_json) as Amendment['changes'],
      at: a.at,
    }));
    const now = this.clock.now();
    const clock = { startedAt: row.started_at, endedAt: row.ended_at, pausedAt: row.paused_at, pausedTotalMs: row.paused_total_ms };
    const turns = this.repos.live.turnsOfMeeting(meetingId).map(toTurn);
    const lastAction = row.status === 'live' ? this.repos.live.lastAction(meetingId) : null;
    return {
      meeting: toSummary(row),
      items: this.repos.meetings.items(meetingId).map(toItem),
      attendees,
      oldBusiness,
      amendments,
      members,
      clock,
      currentItemId: row.current_item_id,
      turns,
      speakingTime: speakingTime(turns, attendees, clock, now),
      serverNow: now,
      undoLabel: lastAction?.label ?? null,
      decisions: this.decisions.forMeeting(row),
      commitments: this.commitmentsOf(row),
      feedback: meetingFeedback(this.repos, row),
    };
  }

  private commitmentsOf(row: MeetingSummaryRow): MeetingDetail['commitments'] {
    const made = this.commitments.forMeeting(row.id).made;
    const date = toZoned(row.scheduled_start ?? row.created_at, row.time_zone).date;
    const reviewing = row.status !== 'ended' || this.repos.meetings.items(row.id).some((i) => i.kind === 'commitment_review');
    const review = reviewing ? this.commitments.reviewList(row.team_id, row.id, date) : [];
    // The meeting before: in the series if there is one, otherwise the team's last one held.
    const earlier = (row.series_id ? this.repos.meetings.inSeries(row.series_id) : this.repos.meetings.list(row.team_id)).filter(
      (m) => m.id !== row.id && m.status === 'ended' && (m.scheduled_start ?? 0) < (row.scheduled_start ?? 0),
    );
    const previous = earlier.sort((a, b) => (a.scheduled_start ?? 0) - (b.scheduled_start ?? 0)).at(-1);
    const since = previous?.ended_at ?? previous?.scheduled_start ?? null;
    // Up to the end of this meeting once it has ended, so an old record keeps showing what it celebrated.
    const doneSinceLast = since === null ? [] : this.commitments.doneBetween(row.team_id, since, row.ended_at ?? Number.MAX_SAFE_INTEGER);
    return { made, review, doneSinceLast };
  }

  /** Whether a leftover from the decision log still needs the room. */
  private stillOpen(source: string, refId: string, listedAt: number): boolean {
    if (source === 'open_commitment') return !this.repos.commitments.isClosed(refId);
    if (source === 'objection') return this.repos.decisions.objection(refId)?.resolution === null;
    if (source === 'agreement_revisit') return this.repos.agreements.revisitOpen(refId, listedAt);
    const decision = source === 'open_proposal' || source === 'decision_review' ? this.repos.decisions.find(refId) : null;
    if (source === 'open_proposal') return decision?.status === 'proposed' || decision?.status === 'deferred';
    if (source === 'decision_review') {
      const reviewed = this.repos.meetings.amendments('decision', refId).some((a) => a.at >= listedAt && a.reason.startsWith('Reviewed'));
      return decision?.status === 'accepted' && !reviewed;
    }
    return true;
  }
}
