import type { Objection, Position } from '@shared/decisions';
import { inJsonList, qb, type Sql } from '../query';
import type { DecisionsTable, ObjectionsTable, PositionsTable } from '../schema';
import {
  decisionColumns,
  resolutionColumns,
  toDecisionRecord,
  toObjection,
  toPosition,
  type DecisionRecord,
  type NewObjection,
  type NewPosition,
  type ObjectionRecord,
  type ObjectionResolution,
  type StoredDecision,
} from './decision-domain';
import { searchLog, type LogFilter, type LogResult } from './decision-log-search';
import { roomStatements, type Ballot, type RoomObjection } from './decision-room';

export { RANK_LIMIT } from './decision-log-search';
export type { Ballot, RoomDecision, RoomObjection } from './decision-room';
export type { DecisionRecord, NewObjection, NewPosition, ObjectionRecord, ObjectionResolution, StoredDecision } from './decision-domain';

export type DecisionRow = DecisionsTable & {
  team_name: string;
  meeting_title: string | null;
  meeting_start: number | null;
  meeting_status: 'planned' | 'live' | 'ended' | null;
  proposer_name: string | null;
  owner_name: string | null;
};

export type PositionRow = PositionsTable & { member_name: string };
export type ObjectionRow = ObjectionsTable & { member_name: string; stance: PositionsTable['stance']; resolved_by_name: string | null };

/** Decision rows with the names the views show (mapped by toDecisionRecord); the export reads the same columns in sets. */
export function decisions() {
  return qb
    .selectFrom('decisions')
    .innerJoin('teams', 'teams.id', 'decisions.team_id')
    .leftJoin('meetings', 'meetings.id', 'decisions.meeting_id')
    .leftJoin('members as proposer', 'proposer.id', 'decisions.proposer_id')
    .leftJoin('members as owner', 'owner.id', 'decisions.owner_id')
    .selectAll('decisions')
    .select([
      'teams.name as team_name',
      'meetings.title as meeting_title',
      'meetings.scheduled_start as meeting_start',
      'meetings.status as meeting_status',
      'proposer.name as proposer_name',
      'owner.name as owner_name',
    ]);
}

function readStatements(sql: Sql) {
  return {
    byId: sql.prepared((a: { id: string }) => decisions().where('decisions.id', '=', a.id)),
    byIds: sql.prepared((a: { ids: string }) => decisions().where(inJsonList('decisions.id', a.ids))),
    ofMeeting: sql.prepared((a: { meetingId: string }) =>
      decisions().where('decisions.meeting_id', '=', a.meetingId).orderBy('decisions.created_at'),
    ),
  };
}

/** Objections with who raised them, their stance and who resolved them. */
function objections() {
  return qb
    .selectFrom('objections')
    .innerJoin('members', 'members.id', 'objections.member_id')
    .innerJoin('positions', 'positions.id', 'objections.position_id')
    .leftJoin('members as resolver', 'resolver.id', 'objections.resolved_by_id')
    .selectAll('objections')
    .select(['members.name as member_name', 'positions.stance as stance', 'resolver.name as resolved_by_name']);
}

/** Decisions, positions, objections and tags, in domain types; the decision log's search over FTS5. */
export class DecisionsRepository {
  private readonly room: ReturnType<typeof roomStatements>;
  /** What a meeting's decisions part reads whenever one of its decisions changes: compiled once (see Sql.prepared). */
  private readonly read: ReturnType<typeof readStatements>;

  constructor(private readonly sql: Sql) {
    this.room = roomStatements(sql);
    this.read = readStatements(sql);
  }

  /** What taking a position checks, in one read; null when the decision does not exist. */
  ballot(decisionId: string, memberId: string): Ballot | null {
    return this.room.ballot(decisionId, memberId);
  }

  /** An objection with its decision's state, as resolving it checks them. */
  objectionInRoom(id: string): RoomObjection | null {
    return this.room.objection(id);
  }

  /** Marks the decision changed now (its updated_at), nothing else. */
  touch(id: string, at: number): void {
    this.room.touch.run({ id, at });
  }

  find(id: string): DecisionRecord | null {
    const row = this.read.byId.get({ id }) as DecisionRow | undefined;
    return row ? toDecisionRecord(row) : null;
  }

  findMany(ids: string[]): DecisionRecord[] {
    if (ids.length === 0) return [];
    return (this.read.byIds.all({ ids: JSON.stringify(ids) }) as DecisionRow[]).map(toDecisionRecord);
  }

  forMeeting(meetingId: string): DecisionRecord[] {
    return (this.read.ofMeeting.all({ meetingId }) as DecisionRow[]).map(toDecisionRecord);
  }

  /** Proposals still open (proposed or deferred) from meetings that have ended. */
  openFromEndedMeetings(teamId: string): DecisionRecord[] {
    return this.records(
      decisions()
        .where('decisions.team_id', '=', teamId)
        .where('decisions.status', 'in', ['proposed', 'deferred'])
        .where('meetings.status', '=', 'ended')
        .orderBy('decisions.created_at'),
    );
  }

  dueForReview(teamId: string, byDate: string): DecisionRecord[] {
    return this.records(
      decisions()
        .where('decisions.team_id', '=', teamId)
        .where('decisions.status', '=', 'accepted')
        .where('decisions.review_date', 'is not', null)
        .where('decisions.review_date', '<=', byDate)
        .orderBy('decisions.review_date'),
    );
  }

  /** Decisions that name this one as what they supersede or reverse. */
  replacements(id: string): DecisionRecord[] {
    return this.records(decisions().where('decisions.supersedes_id', '=', id).orderBy('decisions.created_at'));
  }

  /** The decision's number in its team is given by the trigger of migration 011 when the writer has none. */
  insert(decision: StoredDecision): void {
    this.sql.run(qb.insertInto('decisions').values(decisionColumns(decision) as DecisionsTable));
  }

  update(id: string, changes: Partial<StoredDecision>): void {
    this.sql.run(qb.updateTable('decisions').set(decisionColumns(changes)).where('id', '=', id));
  }

  setTags(id: string, tags: string[]): void {
    this.sql.run(qb.deleteFrom('decision_tags').where('decision_id', '=', id));
    if (tags.length > 0) this.sql.run(qb.insertInto('decision_tags').values(tags.map((tag) => ({ decision_id: id, tag }))));
  }

  positions(decisionId: string): Position[] {
    const rows = this.sql.all(
      qb
        .selectFrom('positions')
        .innerJoin('members', 'members.id', 'positions.member_id')
        .selectAll('positions')
        .select('members.name as member_name')
        .where('positions.decision_id', '=', decisionId)
        .orderBy('positions.recorded_at')
        .orderBy('positions.id'),
    );
    return rows.map(toPosition);
  }

  insertPosition(p: NewPosition): void {
    this.room.insertPosition.run({
      id: p.id,
      decision_id: p.decisionId,
      member_id: p.memberId,
      stance: p.stance,
      reason: p.reason,
      recorded_at: p.recordedAt,
    });
  }

  objections(decisionId: string): Objection[] {
    return this.sql
      .all(objections().where('objections.decision_id', '=', decisionId).orderBy('objections.created_at').orderBy('objections.id'))
      .map(toObjection);
  }

  objection(id: string): ObjectionRecord | null {
    const row = this.sql.first(objections().where('objections.id', '=', id));
    return row ? { ...toObjection(row), decisionId: row.decision_id } : null;
  }

  /** A new objection, unresolved. */
  insertObjection(o: NewObjection): void {
    this.room.insertObjection.run({
      id: o.id,
      decision_id: o.decisionId,
      position_id: o.positionId,
      member_id: o.memberId,
      reason: o.reason,
      created_at: o.createdAt,
    });
  }

  /** Resolves an objection not resolved yet. */
  resolveObjection(id: string, resolution: ObjectionResolution): void {
    this.room.resolve(id, resolutionColumns(resolution));
  }

  /** Unresolved objections of a team's decisions that are still open. */
  openObjections(teamId: string): (ObjectionRecord & { decisionTitle: string; fromMeetingId: string | null })[] {
    const rows = this.sql.all(
      qb
        .selectFrom('objections')
        .innerJoin('decisions', 'decisions.id', 'objections.decision_id')
        .innerJoin('members', 'members.id', 'objections.member_id')
        .innerJoin('positions', 'positions.id', 'objections.position_id')
        .leftJoin('members as resolver', 'resolver.id', 'objections.resolved_by_id')
        .leftJoin('meetings', 'meetings.id', 'decisions.meeting_id')
        .selectAll('objections')
        .select([
          'members.name as member_name',
          'positions.stance as stance',
          'resolver.name as resolved_by_name',
          'decisions.title as decision_title',
          'decisions.meeting_id as from_meeting_id',
        ])
        .where('decisions.team_id', '=', teamId)
        .where('decisions.status', 'in', ['proposed', 'deferred'])
        .where('meetings.status', '=', 'ended')
        .where('objections.resolution', 'is', null)
        .orderBy('objections.created_at'),
    );
    return rows.map((row) => ({
      ...toObjection(row),
      decisionId: row.decision_id,
      decisionTitle: row.decision_title,
      fromMeetingId: row.from_meeting_id,
    }));
  }

  facets(teamId: string | null): {
    teams: { id: string; name: string }[];
    owners: { id: string; name: string; team_name: string }[];
    tags: string[];
    total: number;
  } {
    const scope = teamId ? 'WHERE d.team_id = ?' : '';
    const params = teamId ? [teamId] : [];
    const teams = this.sql.allRaw<{ id: string; name: string }>(
      'SELECT id, name FROM teams WHERE id IN (SELECT DISTINCT team_id FROM decisions) ORDER BY name',
      [],
    );
    const owners = this.sql.allRaw<{ id: string; name: string; team_name: string }>(
      `SELECT m.id, m.name, t.name AS team_name FROM members m JOIN teams t ON t.id = m.team_id
       WHERE m.id IN (SELECT DISTINCT d.owner_id FROM decisions d ${scope}) ORDER BY m.name`,
      params,
    );
    const tags = this.sql
      .allRaw<{ tag: string }>(
        `SELECT DISTINCT tag FROM decision_tags WHERE decision_id IN (SELECT d.id FROM decisions d ${scope}) ORDER BY tag`,
        params,
      )
      .map((r) => r.tag);
    const total = this.sql.allRaw<{ n: number }>(`SELECT count(*) AS n FROM decisions d ${scope}`, params)[0]?.n ?? 0;
    return { teams, owners, tags, total };
  }

  private records(query: ReturnType<typeof decisions>): DecisionRecord[] {
    return (this.sql.all(query) as DecisionRow[]).map(toDecisionRecord);
  }

  /** One page of the log and how many match (see decision-log-search). */
  searchLog(filter: LogFilter): LogResult {
    return searchLog(this.sql, filter);
  }
}
