import type { AgendaItem, Attendee, MeetingSummary } from '@shared/planning';
import type { AgendaItemRecord, MeetingSummaryRecord, NamedAttendeeRecord } from '../../db/repositories/meetings-repository';

const MINUTE = 60_000;

/** The meeting's own records as the views show them (planned times in minutes), shared by every part that shows them. */
export function toSummary(m: MeetingSummaryRecord): MeetingSummary {
  return {
    id: m.id,
    teamId: m.teamId,
    teamName: m.teamName,
    seriesId: m.seriesId,
    seriesName: m.seriesName,
    title: m.title,
    status: m.status,
    scheduledStart: m.scheduledStart,
    timeZone: m.timeZone,
    plannedLengthMin: Math.round(m.plannedLengthMs / MINUTE),
    facilitatorId: m.facilitatorId,
    facilitatorName: m.facilitatorName,
    itemCount: m.itemCount,
    plannedTotalMin: Math.round(m.plannedTotalMs / MINUTE),
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    agendaRevision: m.agendaRevision,
    oldBusinessCount: m.oldBusinessCount,
    calledOff: m.calledOffAt === null ? null : { at: m.calledOffAt, reason: m.calledOffReason },
  };
}

export function toItem(i: AgendaItemRecord): AgendaItem {
  return {
    id: i.id,
    meetingId: i.meetingId,
    position: i.position,
    kind: i.kind,
    title: i.title,
    plannedMin: Math.round(i.plannedMs / MINUTE),
    ownerId: i.ownerId,
    notes: i.notes,
    plan: i.plan,
    status: i.status,
    carriedFromId: i.carriedFromId,
    startedAt: i.startedAt,
    endedAt: i.endedAt,
    extraMs: i.extraMs,
    pausedTotalMs: i.pausedTotalMs,
    roundOrder: i.roundOrder,
    turnTimeboxMs: i.turnTimeboxMs,
  };
}

export function toAttendee(a: NamedAttendeeRecord): Attendee {
  return { id: a.id, memberId: a.memberId, guestName: a.guestName, name: a.memberName ?? a.guestName ?? 'Guest', status: a.status };
}
