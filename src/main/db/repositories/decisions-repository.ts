import { qb, type Sql } from '../query';
import type { DecisionsTable, ObjectionsTable, PositionsTable } from '../schema';

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

export interface LogFilter {
  /** An FTS5 query already made safe by the service; null lists without searching. */
  match: string | null;
  teamId: string | null;
  statuses: string[];
  ownerId: string | null;
  tag: string | null;
  fromMs: number | null;
  toMs: number | null;
  hasDissent: boolean;
  /** Accepted decisions with a review date on or before this date. */
  reviewDueBy: string | null;
  sort: 'relevance' | 'newest' | 'oldest';
  offset: number;
  limit: number;
}

export interface LogRow {
  id: string;
  team_id: string;
  team_name: string;
  title: string;
  status: DecisionsTable['status'];
  owner_name: string | null;
  decision_right: string | null;
  logged_at: number;
  review_date: string | null;
  tags: string | null;
  has_dissent: number;
  context: string;
  decision: string;
  rationale: string;
  objection_text: string | null;
  meeting_id: string | null;
  meeting_title: string | null;
  supersedes_id: string | null;
}

const LOGGED_AT = 'coalesce(d.decided_at, d.created_at)';
/** Above this many matches a search is ordered by date rather than scored. */
export const RANK_LIMIT = 2000;

/** Decision rows with the names the views show; the export reads the same columns in sets. */
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

/** Decisions, positions, objections and tags; the decision log's search over FTS5. */
export class DecisionsRepository {
  constructor(private readonly sql: Sql) {}

  find(id: string): DecisionRow | null {
    return (this.sql.first(decisions().where('decisions.id', '=', id)) as DecisionRow | undefined) ?? null;
  }

  findMany(ids: string[]): DecisionRow[] {
    if (ids.length === 0) return [];
    return this.sql.all(decisions().where('decisions.id', 'in', ids)) as DecisionRow[];
  }

  forMeeting(meetingId: string): DecisionRow[] {
    return this.sql.all(decisions().where('decisions.meeting_id', '=', meetingId).orderBy('decisions.created_at')) as DecisionRow[];
  }

  /** Proposals still open (proposed or deferred) from meetings that have ended. */
  openFromEndedMeetings(teamId: string): DecisionRow[] {
    return this.sql.all(
      decisions()
        .where('decisions.team_id', '=', teamId)
        .where('decisions.status', 'in', ['proposed', 'deferred'])
        .where('meetings.status', '=', 'ended')
        .orderBy('decisions.created_at'),
    ) as DecisionRow[];
  }

  dueForReview(teamId: string, byDate: string): DecisionRow[] {
    return this.sql.all(
      decisions()
        .where('decisions.team_id', '=', teamId)
        .where('decisions.status', '=', 'accepted')
        .where('decisions.review_date', 'is not', null)
        .where('decisions.review_date', '<=', byDate)
        .orderBy('decisions.review_date'),
    ) as DecisionRow[];
  }

  /** Decisions that name this one as what they supersede or reverse. */
  replacements(id: string): DecisionRow[] {
    return this.sql.all(decisions().where('decisions.supersedes_id', '=', id).orderBy('decisions.created_at')) as DecisionRow[];
  }

  insert(row: DecisionsTable): void {
    this.sql.run(qb.insertInto('decisions').values(row));
  }

  update(id: string, changes: Partial<DecisionsTable>): void {
    this.sql.run(qb.updateTable('decisions').set(changes).where('id', '=', id));
  }

  setTags(id: string, tags: string[]): void {
    this.sql.run(qb.deleteFrom('decision_tags').where('decision_id', '=', id));
    if (tags.length > 0) this.sql.run(qb.insertInto('decision_tags').values(tags.map((tag) => ({ decision_id: id, tag }))));
  }

  positions(decisionId: string): PositionRow[] {
    return this.sql.all(
      qb
        .selectFrom('positions')
        .innerJoin('members', 'members.id', 'positions.member_id')
        .selectAll('positions')
        .select('members.name as member_name')
        .where('positions.decision_id', '=', decisionId)
        .orderBy('positions.recorded_at')
        .orderBy('positions.id'),
    );
  }

  insertPosition(row: PositionsTable): void {
    this.sql.run(qb.insertInto('positions').values(row));
  }

  objections(decisionId: string): ObjectionRow[] {
    return this.sql.all(
      qb
        .selectFrom('objections')
        .innerJoin('members', 'members.id', 'objections.member_id')
        .innerJoin('positions', 'positions.id', 'objections.position_id')
        .leftJoin('members as resolver', 'resolver.id', 'objections.resolved_by_id')
        .selectAll('objections')
        .select(['members.name as member_name', 'positions.stance as stance', 'resolver.name as resolved_by_name'])
        .where('objections.decision_id', '=', decisionId)
        .orderBy('objections.created_at')
        .orderBy('objections.id'),
    );
  }

  objection(id: string): ObjectionsTable | null {
    return this.sql.first(qb.selectFrom('objections').selectAll().where('id', '=', id)) ?? null;
  }

  insertObjection(row: ObjectionsTable): void {
    this.sql.run(qb.insertInto('objections').values(row));
  }

  updateObjection(id: string, changes: Partial<ObjectionsTable>): void {
    this.sql.run(qb.updateTable('objections').set(changes).where('id', '=', id));
  }

  /** Unresolved objections of a team's decisions that are still open. */
  openObjections(teamId: string): (ObjectionRow & { decision_title: string; from_meeting_id: string | null })[] {
    return this.sql.all(
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

  /** One page of the log and the number of matches. Ranking and paging read only ids and numbers. */
  searchLog(filter: LogFilter): {
    total: number;
    rows: LogRow[];
    rankedBy: 'relevance' | 'date';
  } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.match !== null) {
      where.push('decisions_fts MATCH ?');
      params.push(filter.match);
    }
    if (filter.teamId) {
      where.push('d.team_id = ?');
      params.push(filter.teamId);
    }
    if (filter.statuses.length > 0) {
      where.push(`d.status IN (${filter.statuses.map(() => '?').join(', ')})`);
      params.push(...filter.statuses);
    }
    if (filter.ownerId) {
      where.push('d.owner_id = ?');
      params.push(filter.ownerId);
    }
    if (filter.tag) {
      where.push('EXISTS (SELECT 1 FROM decision_tags t WHERE t.decision_id = d.id AND t.tag = ?)');
      params.push(filter.tag);
    }
    if (filter.fromMs !== null) {
      where.push(`${LOGGED_AT} >= ?`);
      params.push(filter.fromMs);
    }
    if (filter.toMs !== null) {
      where.push(`${LOGGED_AT} < ?`);
      params.push(filter.toMs);
    }
    if (filter.hasDissent) where.push('EXISTS (SELECT 1 FROM objections o WHERE o.decision_id = d.id)');
    if (filter.reviewDueBy) {
      where.push("d.status = 'accepted' AND d.review_date IS NOT NULL AND d.review_date <= ?");
      params.push(filter.reviewDueBy);
    }
    const clause = (extra: string[]) => {
      const all = [...extra, ...where.slice(filter.match !== null ? 1 : 0)];
      return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
    };
    const filterParams = filter.match !== null ? params.slice(1) : params;
    const page = [filter.limit, filter.offset];
    const byDate = `ORDER BY ${LOGGED_AT} ${filter.sort === 'oldest' ? 'ASC' : 'DESC'}, d.id`;
    const count = (text: string, values: unknown[]) => this.sql.allRaw<{ n: number }>(text, values)[0]?.n ?? 0;
    let total: number;
    let ids: { id: string; rowid: number }[];
    let rankedBy: 'relevance' | 'date' = 'date';
    if (filter.match === null) {
      total = count(`SELECT count(*) AS n FROM decisions d ${clause([])}`, filterParams);
      ids = this.sql.allRaw(`SELECT d.id, d.rowid FROM decisions d ${clause([])} ${byDate} LIMIT ? OFFSET ?`, [...filterParams, ...page]);
    } else {
      // The matching rows are found once, as a set of rowids; filters and order work on that set.
      const matches = 'd.rowid IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ?)';
      total =
        where.length > 1
          ? count(`SELECT count(*) AS n FROM decisions d ${clause([matches])}`, [filter.match, ...filterParams])
          : count('SELECT count(*) AS n FROM decisions_fts WHERE decisions_fts MATCH ?', [filter.match]);
      // Scoring visits every match; past RANK_LIMIT matches the newest come first instead, so a
      // search stays fast whatever a common word matches.
      if (filter.sort === 'relevance' && total <= RANK_LIMIT) {
        rankedBy = 'relevance';
        ids = this.sql.allRaw(
          `SELECT d.id, d.rowid FROM decisions_fts JOIN decisions d ON d.rowid = decisions_fts.rowid
           ${clause(['decisions_fts MATCH ?'])} ORDER BY bm25(decisions_fts, 10.0, 3.0, 4.0, 5.0, 2.0), ${LOGGED_AT} DESC LIMIT ? OFFSET ?`,
          [filter.match, ...filterParams, ...page],
        );
      } else {
        // Walking the date index and stopping at the page beats sorting tens of thousands of matches.
        ids = this.sql.allRaw(
          `SELECT d.id, d.rowid FROM decisions d INDEXED BY decisions_by_log_date ${clause([matches])} ${byDate} LIMIT ? OFFSET ?`,
          [filter.match, ...filterParams, ...page],
        );
      }
    }
    if (ids.length === 0) return { total, rows: [], rankedBy };
    const rows = this.sql.allRaw<LogRow>(
      `SELECT d.id, d.team_id, t.name AS team_name, d.title, d.status, o.name AS owner_name, d.decision_right,
         ${LOGGED_AT} AS logged_at, d.review_date, d.meeting_id, m.title AS meeting_title, d.supersedes_id,
         trim(d.question || ' ' || d.context) AS context, d.decision, d.rationale,
         (SELECT group_concat(x.reason || ' ' || coalesce(x.resolution_note, ''), ' ') FROM objections x WHERE x.decision_id = d.id) AS objection_text,
         (SELECT group_concat(tag, char(31)) FROM decision_tags WHERE decision_id = d.id) AS tags,
         EXISTS (SELECT 1 FROM objections x WHERE x.decision_id = d.id) AS has_dissent
       FROM decisions d JOIN teams t ON t.id = d.team_id
       LEFT JOIN members o ON o.id = d.owner_id LEFT JOIN meetings m ON m.id = d.meeting_id
       WHERE d.id IN (${ids.map(() => '?').join(', ')})`,
      ids.map((i) => i.id),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { total, rows: ids.map((i) => byId.get(i.id)!).filter(Boolean), rankedBy };
  }
}
