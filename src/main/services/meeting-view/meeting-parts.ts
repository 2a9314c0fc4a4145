import type { AgendaItem, Amendment, Attendee, MeetingSummary, OldBusinessSource } from '@shared/planning';
import type { MeetingSummaryRow } from '../../db/repositories/meetings-repository';
import type { AgendaItemsTable } from '../../db/schema';

const MINUTE = 60_000;

/** Row-to-domain mapping of the meeting's own rows, shared by every part that shows them. */
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

export function toItem(row: AgendaItemsTable): AgendaItem {
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

export function toAttendee(a: {
  id: string;
  member_id: string | null;
  guest_name: string | null;
  member_name: string | null;
  status: Attendee['status'];
}): Attendee {
  return { id: a.id, memberId: a.member_id, guestName: a.guest_name, name: a.member_name ?? a.guest_name ?? 'Guest', status: a.status };
}

export function toAmendment(a: { id: string; reason: string; changes_json: string; at: number }): Amendment {
  return { id: a.id, reason: a.reason, changes: JSON.parse(a.changes_json) as Amendment['changes'], at: a.at };
}

export function asSource(source: string): OldBusinessSource {
  return source as OldBusinessSource;
}
