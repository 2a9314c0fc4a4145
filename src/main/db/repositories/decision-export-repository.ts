import type { Objection, Position } from '@shared/decisions';
import type { Amendment } from '@shared/planning';
import { qb, type Sql } from '../query';
import { toAmendment, toDecisionRecord, toObjection, toPosition, type DecisionRecord } from './decision-domain';
import { decisions, type DecisionRow } from './decisions-repository';

/** Everything an export composes one team's (or every team's) decision records from, read in a handful of queries. */
export interface DecisionExportSet {
  /** The decisions in scope. */
  rows: DecisionRecord[];
  /** Those and the decisions outside the scope that one of them supersedes or is superseded by, by id. */
  related: Map<string, DecisionRecord>;
  /** Per decision in scope: the decisions that name it as what they supersede, oldest first. */
  replacements: Map<string, DecisionRecord[]>;
  positions: Map<string, Position[]>;
  objections: Map<string, Objection[]>;
  /** Newest first. */
  amendments: Map<string, Amendment[]>;
  /** Open proposals of the scope that a live meeting other than their own has taken over. */
  carriedIntoLive: Set<string>;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The decision log's full records in sets: one query per table rather than several per decision,
 * so an export of thousands of decisions reads in milliseconds per thousand. Orders (ties included)
 * are those of the per-decision reads in decisions-repository.ts, so the records come out the same.
 */
export class DecisionExportRepository {
  constructor(private readonly sql: Sql) {}

  read(teamId: string | null): DecisionExportSet {
    const ids = () => {
      const all = qb.selectFrom('decisions').select('decisions.id');
      return teamId === null ? all : all.where('decisions.team_id', '=', teamId);
    };
    const read = (query: ReturnType<typeof decisions>) => (this.sql.all(query) as DecisionRow[]).map(toDecisionRecord);
    const rows = read(teamId === null ? decisions() : decisions().where('decisions.team_id', '=', teamId));
    // Ties on created_at keep the index's order (rowid), as the per-decision read does.
    const replacing = read(
      decisions()
        .where('decisions.supersedes_id', 'in', ids())
        .orderBy('decisions.created_at')
        .orderBy('decisions.rowid' as never),
    );
    // What the scope's decisions supersede outside it (another team's, rarely any): by primary key.
    const inScope = new Set(rows.map((r) => r.id));
    const superseded = [...new Set(rows.map((r) => r.supersedesId).filter((id): id is string => id !== null && !inScope.has(id)))];
    const outside = superseded.length ? read(decisions().where('decisions.id', 'in', superseded)) : [];
    const related = new Map([...rows, ...replacing, ...outside].map((r) => [r.id, r]));
    const positions = this.sql.all(
      qb
        .selectFrom('positions')
        .innerJoin('members', 'members.id', 'positions.member_id')
        .selectAll('positions')
        .select('members.name as member_name')
        .where('positions.decision_id', 'in', ids())
        .orderBy('positions.recorded_at')
        .orderBy('positions.id'),
    );
    const objections = this.sql.all(
      qb
        .selectFrom('objections')
        .innerJoin('members', 'members.id', 'objections.member_id')
        .innerJoin('positions', 'positions.id', 'objections.position_id')
        .leftJoin('members as resolver', 'resolver.id', 'objections.resolved_by_id')
        .selectAll('objections')
        .select(['members.name as member_name', 'positions.stance as stance', 'resolver.name as resolved_by_name'])
        .where('objections.decision_id', 'in', ids())
        .orderBy('objections.created_at')
        .orderBy('objections.id'),
    );
    // Newest first; equal instants come in the order the per-decision read walks its index backwards.
    const amendments = this.sql.all(
      qb
        .selectFrom('amendments')
        .selectAll()
        .where('entity_type', '=', 'decision')
        .where('entity_id', 'in', ids())
        .orderBy('at', 'desc')
        .orderBy('rowid' as never, 'desc'),
    );
    const carried = this.sql.all(
      qb
        .selectFrom('old_business')
        .innerJoin('meetings', 'meetings.id', 'old_business.meeting_id')
        .innerJoin('decisions', 'decisions.id', 'old_business.ref_id')
        .select('decisions.id')
        .where('old_business.source', '=', 'open_proposal')
        .where('meetings.status', '=', 'live')
        .where('decisions.status', 'in', ['proposed', 'deferred'])
        .where((eb) => eb('decisions.meeting_id', 'is', null).or('decisions.meeting_id', '!=', eb.ref('meetings.id')))
        .where('decisions.id', 'in', ids()),
    );
    return {
      rows,
      related,
      replacements: groupBy(replacing, (r) => r.supersedesId!),
      positions: new Map([...groupBy(positions, (p) => p.decision_id)].map(([k, v]) => [k, v.map(toPosition)])),
      objections: new Map([...groupBy(objections, (o) => o.decision_id)].map(([k, v]) => [k, v.map(toObjection)])),
      amendments: new Map([...groupBy(amendments, (a) => a.entity_id)].map(([k, v]) => [k, v.map(toAmendment)])),
      carriedIntoLive: new Set(carried.map((c) => c.id)),
    };
  }
}
