import type { DecisionStatus } from '@shared/decisions';
import type { EpochMs, Id } from '@shared/domain';
import type { AttendanceStatus, MeetingStatus } from '@shared/planning';
import { qb, type Sql } from '../query';
import type { ExpressionBuilder } from 'kysely';
import type { DatabaseSchema, ObjectionsTable, PositionsTable } from '../schema';

/** What a write in the room checks of a decision: its state and its meeting's. */
export interface RoomDecision {
  id: Id;
  teamId: Id;
  meetingId: Id | null;
  status: DecisionStatus;
  ownerId: Id | null;
  decision: string;
  meetingStatus: MeetingStatus | null;
}

/** What a position checks of its decision: not its text or owner, which only resolving an objection needs. */
export type BallotDecision = Omit<RoomDecision, 'ownerId' | 'decision'>;

/** What taking a position checks, read at once: the decision, the member and whether they are in its meeting's room. */
export interface Ballot {
  decision: BallotDecision;
  /** Null when no such member is in the decision's team. */
  member: { id: Id; name: string; leftAt: EpochMs | null } | null;
  /** The member's attendance at the decision's meeting; null when not listed. */
  attendance: AttendanceStatus | null;
  /** The member's objections to this decision not resolved yet (a changed mind withdraws them). */
  openObjectionIds: Id[];
}

/** An objection as resolving it checks it, with its decision. */
export interface RoomObjection {
  id: Id;
  memberId: Id;
  resolution: ObjectionsTable['resolution'];
  decision: RoomDecision;
}

interface RoomRow {
  id: string;
  team_id: string;
  meeting_id: string | null;
  status: DecisionStatus;
  owner_id: string | null;
  decision: string;
  meeting_status: MeetingStatus | null;
}

function toRoomDecision(row: RoomRow): RoomDecision {
  return {
    id: row.id,
    teamId: row.team_id,
    meetingId: row.meeting_id,
    status: row.status,
    ownerId: row.owner_id,
    decision: row.decision,
    meetingStatus: row.meeting_status,
  };
}

/** The member of this id in the decision's team, as a scalar subquery's start (no row when they are of another team). */
function memberIn(eb: ExpressionBuilder<DatabaseSchema, 'decisions'>, memberId: string) {
  return eb.selectFrom('members').where('members.id', '=', memberId).whereRef('members.team_id', '=', 'decisions.team_id');
}

/**
 * The go-round's reads and writes, compiled once per connection (see Sql.prepared): a position or a resolution
 * reads what its rules need in one statement (no names, no JSON) and writes its rows.
 */
export function roomStatements(sql: Sql) {
  // Scalar subqueries, not joins: each is one lookup. Joined on their text ids, the statement was prepared again at
  // every call (see `planned` in ../query): 93-111 us as joins, 11-14 us as subqueries (measured on the ten-year file).
  const ballot = sql.prepared((a: { decisionId: string; memberId: string }) =>
    qb
      .selectFrom('decisions')
      // The decision's columns a position checks, none of its texts (a decision's can run long; this read is at every position).
      .select(['decisions.id', 'decisions.team_id', 'decisions.meeting_id', 'decisions.status'])
      .select((eb) => [
        eb.selectFrom('meetings').select('meetings.status').whereRef('meetings.id', '=', 'decisions.meeting_id').as('meeting_status'),
        // The member's columns one by one (a mapped list would type each as any of the three).
        memberIn(eb, a.memberId).select('members.id').as('member_id'),
        memberIn(eb, a.memberId).select('members.name').as('member_name'),
        memberIn(eb, a.memberId).select('members.left_at').as('member_left_at'),
        // The member's attendance and objections count only once the member is found in the team (checked first).
        eb
          .selectFrom('attendees')
          .select('attendees.status')
          .whereRef('attendees.meeting_id', '=', 'decisions.meeting_id')
          .where('attendees.member_id', '=', a.memberId)
          .as('attendance'),
        eb
          .selectFrom('objections')
          .select((sub) => sub.fn<string>('group_concat', ['objections.id']).as('ids'))
          .whereRef('objections.decision_id', '=', 'decisions.id')
          .where('objections.member_id', '=', a.memberId)
          .where('objections.resolution', 'is', null)
          .as('open_objections'),
      ])
      .where('decisions.id', '=', a.decisionId),
  );
  // The objection's decision, found by the objection's id; the objection's own columns and the meeting's status as
  // scalar subqueries (one lookup each), not joins (see the ballot's).
  const objection = sql.prepared((a: { id: string }) =>
    qb
      .selectFrom('decisions')
      .select(['decisions.id', 'decisions.team_id', 'decisions.meeting_id', 'decisions.status', 'decisions.owner_id', 'decisions.decision'])
      .select((eb) => [
        eb.selectFrom('meetings').select('meetings.status').whereRef('meetings.id', '=', 'decisions.meeting_id').as('meeting_status'),
        eb.selectFrom('objections').select('objections.id').where('objections.id', '=', a.id).as('objection_id'),
        eb.selectFrom('objections').select('objections.member_id').where('objections.id', '=', a.id).as('objection_member_id'),
        eb.selectFrom('objections').select('objections.resolution').where('objections.id', '=', a.id).as('resolution'),
      ])
      .where('decisions.id', '=', (eb) => eb.selectFrom('objections').select('objections.decision_id').where('objections.id', '=', a.id)),
  );
  return {
    ballot(decisionId: string, memberId: string): Ballot | null {
      const row = ballot.get({ decisionId, memberId });
      if (!row) return null;
      return {
        decision: { id: row.id, teamId: row.team_id, meetingId: row.meeting_id, status: row.status, meetingStatus: row.meeting_status },
        member: row.member_id ? { id: row.member_id, name: row.member_name!, leftAt: row.member_left_at } : null,
        attendance: row.attendance,
        // Ids are UUIDs: no comma inside one.
        openObjectionIds: row.open_objections ? row.open_objections.split(',') : [],
      };
    },
    objection(id: string): RoomObjection | null {
      const row = objection.get({ id });
      // A row is found through the objection's own decision_id, so the objection's subqueries always find it.
      return row
        ? { id: row.objection_id!, memberId: row.objection_member_id!, resolution: row.resolution, decision: toRoomDecision(row) }
        : null;
    },
    insertPosition: sql.prepared((a: PositionsTable) =>
      qb.insertInto('positions').values({
        id: a.id,
        decision_id: a.decision_id,
        member_id: a.member_id,
        stance: a.stance,
        reason: a.reason,
        recorded_at: a.recorded_at,
      }),
    ),
    insertObjection: sql.prepared(
      (a: Pick<ObjectionsTable, 'id' | 'decision_id' | 'position_id' | 'member_id' | 'reason' | 'created_at'>) =>
        qb.insertInto('objections').values({
          id: a.id,
          decision_id: a.decision_id,
          position_id: a.position_id,
          member_id: a.member_id,
          reason: a.reason,
          resolution: null,
          resolution_note: null,
          escalated_to: null,
          resolved_by_id: null,
          resolved_at: null,
          created_at: a.created_at,
          text_before: null,
          text_after: null,
        }),
    ),
    resolve: sql.updates((set: Partial<ObjectionsTable>, id) => qb.updateTable('objections').set(set).where('id', '=', id)),
    touch: sql.prepared((a: { id: string; at: number }) => qb.updateTable('decisions').set({ updated_at: a.at }).where('id', '=', a.id)),
  };
}
