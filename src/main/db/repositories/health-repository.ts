import type { Resolution } from '@shared/decisions';
import type { EpochMs, Id } from '@shared/domain';
import type { AgendaKind } from '@shared/planning';
import { qb, type Sql } from '../query';

/** An agenda item that ran: what was planned for it and when it started and ended. */
export interface RanItem {
  kind: AgendaKind;
  plannedMs: number;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
  pausedTotalMs: number;
}

export interface MemberTurn {
  memberId: Id | null;
  name: string | null;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
  pausedTotalMs: number;
  timeboxMs: number;
  /** A turn still running when its meeting ended stops with its item. */
  itemEndedAt: EpochMs | null;
}

/** One row per objection of a decision, or one with no objection for a decision without any. */
export interface DecisionObjectionOutcome {
  decisionId: Id;
  objectionId: Id | null;
  resolution: Resolution | null;
}

/** The reads behind a team's health page; each takes the held meetings' ids. */
export class HealthRepository {
  constructor(private readonly sql: Sql) {}

  items(meetingIds: string[]): RanItem[] {
    if (meetingIds.length === 0) return [];
    return this.sql
      .all(
        qb
          .selectFrom('agenda_items')
          .select(['kind', 'planned_ms', 'started_at', 'ended_at', 'paused_total_ms'])
          .where('meeting_id', 'in', meetingIds)
          .where('removed_at', 'is', null)
          .where('started_at', 'is not', null)
          .where('ended_at', 'is not', null),
      )
      .map((i) => ({
        kind: i.kind,
        plannedMs: i.planned_ms,
        startedAt: i.started_at,
        endedAt: i.ended_at,
        pausedTotalMs: i.paused_total_ms,
      }));
  }

  /** Members' turns only: a guest's airtime is not part of the team's balance. */
  memberTurns(meetingIds: string[]): MemberTurn[] {
    if (meetingIds.length === 0) return [];
    return this.sql
      .all(
        qb
          .selectFrom('turns')
          .innerJoin('agenda_items', 'agenda_items.id', 'turns.agenda_item_id')
          .innerJoin('attendees', 'attendees.id', 'turns.attendee_id')
          .innerJoin('members', 'members.id', 'attendees.member_id')
          .select([
            'turns.started_at',
            'turns.ended_at',
            'turns.paused_total_ms',
            'turns.timebox_ms',
            'attendees.member_id',
            'members.name',
            'agenda_items.ended_at as item_ended_at',
          ])
          .where('agenda_items.meeting_id', 'in', meetingIds)
          .where('turns.started_at', 'is not', null)
          .orderBy('members.position'),
      )
      .map((t) => ({
        memberId: t.member_id,
        name: t.name,
        startedAt: t.started_at,
        endedAt: t.ended_at,
        pausedTotalMs: t.paused_total_ms,
        timeboxMs: t.timebox_ms,
        itemEndedAt: t.item_ended_at,
      }));
  }

  /** Decisions of the team made (or proposed) between two instants, with their objections' resolutions. */
  decisionsWithObjections(teamId: string, fromMs: number, toMs: number): DecisionObjectionOutcome[] {
    return this.sql
      .all(
        qb
          .selectFrom('decisions')
          .leftJoin('objections', 'objections.decision_id', 'decisions.id')
          .select(['decisions.id', 'objections.id as objection_id', 'objections.resolution'])
          .where('decisions.team_id', '=', teamId)
          .where((eb) => eb(eb.fn.coalesce('decisions.decided_at', 'decisions.created_at'), '>=', fromMs))
          .where((eb) => eb(eb.fn.coalesce('decisions.decided_at', 'decisions.created_at'), '<', toMs)),
      )
      .map((r) => ({ decisionId: r.id, objectionId: r.objection_id, resolution: r.resolution }));
  }
}
