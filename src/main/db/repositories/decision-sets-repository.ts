import type { Objection, Position } from '@shared/decisions';
import type { Amendment } from '@shared/planning';
import { sql, type Compilable, type Expression, type SqlBool } from 'kysely';
import { inJsonList, qb, type Prepared, type Sql } from '../query';
import { toAmendment, toDecisionRecord, toObjection, toPosition, type DecisionRecord } from './decision-domain';
import { decisions, type DecisionRow } from './decisions-repository';

/** What decision records are composed of, read for many decisions at once (a team's log, a meeting's decisions). */
export interface DecisionSet {
  /** The decisions in the set. */
  rows: DecisionRecord[];
  /** Those and the decisions outside the set that one of them supersedes or is superseded by, by id. */
  related: Map<string, DecisionRecord>;
  /** Per decision in the set: the decisions that name it as what they supersede, oldest first. */
  replacements: Map<string, DecisionRecord[]>;
  positions: Map<string, Position[]>;
  objections: Map<string, Objection[]>;
  /** Newest first. */
  amendments: Map<string, Amendment[]>;
  /** Open proposals of the set that a live meeting other than their own has taken over. */
  carriedIntoLive: Set<string>;
}

/** Whether a column's value is one of the set's decision ids: a subquery, or a JSON list bound as one value. */
type InSet = (column: string) => Expression<SqlBool>;

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

/** The queries of a set's parts, for any way of naming the set. Orders as in the per-decision reads. */
const partQueries = {
  // Ties on created_at keep the index's order (rowid), as the per-decision read does.
  replacing: (inSet: InSet) =>
    decisions()
      .where(inSet('decisions.supersedes_id'))
      .orderBy('decisions.created_at')
      .orderBy('decisions.rowid' as never),
  positions: (inSet: InSet) =>
    qb
      .selectFrom('positions')
      .innerJoin('members', 'members.id', 'positions.member_id')
      .selectAll('positions')
      .select('members.name as member_name')
      .where(inSet('positions.decision_id'))
      .orderBy('positions.recorded_at')
      .orderBy('positions.id'),
  objections: (inSet: InSet) =>
    qb
      .selectFrom('objections')
      .innerJoin('members', 'members.id', 'objections.member_id')
      .innerJoin('positions', 'positions.id', 'objections.position_id')
      .leftJoin('members as resolver', 'resolver.id', 'objections.resolved_by_id')
      .selectAll('objections')
      .select(['members.name as member_name', 'positions.stance as stance', 'resolver.name as resolved_by_name'])
      .where(inSet('objections.decision_id'))
      .orderBy('objections.created_at')
      .orderBy('objections.id'),
  // Newest first; equal instants come in the order the per-decision read walks its index backwards.
  amendments: (inSet: InSet) =>
    qb
      .selectFrom('amendments')
      .selectAll()
      .where('entity_type', '=', 'decision')
      .where(inSet('entity_id'))
      .orderBy('at', 'desc')
      .orderBy('rowid' as never, 'desc'),
};

/** A value written in the SQL, not bound: the planner sees the partial index's condition hold. */
const lit = <V extends string>(value: V) => sql.lit(value);

type PartRows = { [K in keyof typeof partQueries]: ReturnType<(typeof partQueries)[K]> extends Compilable<infer R> ? R[] : never };

/**
 * Decision records in sets: one query per table rather than several per decision, so an export of thousands of
 * decisions reads in milliseconds per thousand, and a meeting's decisions in a handful of statements (compiled
 * once) however many it took up. Orders (ties included) are those of the per-decision reads in
 * decisions-repository.ts, so the records come out the same.
 */
export class DecisionSetsRepository {
  /** A few decisions named by id (a meeting's): the part queries over a JSON list of ids, and which a live meeting took over. */
  private readonly byIds: { [K in keyof typeof partQueries]: Prepared<{ ids: string }, PartRows[K][number]> } & {
    carried: Prepared<{ ids: string; teams: string }, { id: string }>;
  };

  constructor(private readonly sql: Sql) {
    const prepare = <K extends keyof typeof partQueries>(key: K) =>
      sql.prepared((a: { ids: string }) => partQueries[key]((column) => inJsonList(column, a.ids))) as unknown as Prepared<
        { ids: string },
        PartRows[K][number]
      >;
    this.byIds = {
      replacing: prepare('replacing'),
      positions: prepare('positions'),
      objections: prepare('objections'),
      amendments: prepare('amendments'),
      // Asked of their teams' live meetings' old business (few meetings, by index), not of every meeting's;
      // status != 'ended' lets the planner use the open meetings' partial index (meetings_open_by_team).
      carried: sql.prepared((a: { ids: string; teams: string }) =>
        qb
          .selectFrom('meetings')
          .innerJoin('old_business', (join) =>
            join.onRef('old_business.meeting_id', '=', 'meetings.id').on('old_business.source', '=', 'open_proposal'),
          )
          .innerJoin('decisions', 'decisions.id', 'old_business.ref_id')
          .select('decisions.id')
          .where(inJsonList('meetings.team_id', a.teams))
          .where('meetings.status', '!=', lit('ended'))
          .where('meetings.status', '=', lit('live'))
          .where(inJsonList('old_business.ref_id', a.ids))
          .where('decisions.status', 'in', [lit('proposed'), lit('deferred')])
          .where((eb) => eb('decisions.meeting_id', 'is', null).or('decisions.meeting_id', '!=', eb.ref('meetings.id'))),
      ),
    };
  }

  /** One team's decisions (or every team's), for an export. */
  ofTeam(teamId: string | null): DecisionSet {
    const ids = () => {
      const all = qb.selectFrom('decisions').select('decisions.id');
      return teamId === null ? all : all.where('decisions.team_id', '=', teamId);
    };
    const rows = this.records(teamId === null ? decisions() : decisions().where('decisions.team_id', '=', teamId));
    const inSet: InSet = (column) => sql<SqlBool>`${sql.ref(column)} IN (${ids()})`;
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
        .where(inSet('decisions.id')),
    );
    const parts: PartRows = {
      replacing: this.sql.all(partQueries.replacing(inSet)),
      positions: this.sql.all(partQueries.positions(inSet)),
      objections: this.sql.all(partQueries.objections(inSet)),
      amendments: this.sql.all(partQueries.amendments(inSet)),
    };
    return this.compose(rows, parts, new Set(carried.map((c) => c.id)));
  }

  /** The parts of decisions already read (a meeting's, a handful). */
  of(rows: DecisionRecord[]): DecisionSet {
    if (rows.length === 0) return this.compose(rows, { replacing: [], positions: [], objections: [], amendments: [] }, new Set());
    const ids = JSON.stringify(rows.map((r) => r.id));
    const parts: PartRows = {
      replacing: this.byIds.replacing.all({ ids }),
      positions: this.byIds.positions.all({ ids }),
      objections: this.byIds.objections.all({ ids }),
      amendments: this.byIds.amendments.all({ ids }),
    };
    const carried = this.byIds.carried.all({ ids, teams: JSON.stringify([...new Set(rows.map((r) => r.teamId))]) });
    return this.compose(rows, parts, new Set(carried.map((c) => c.id)));
  }

  private records(query: ReturnType<typeof decisions>): DecisionRecord[] {
    return (this.sql.all(query) as DecisionRow[]).map(toDecisionRecord);
  }

  private compose(rows: DecisionRecord[], parts: PartRows, carriedIntoLive: Set<string>): DecisionSet {
    const replacing = (parts.replacing as DecisionRow[]).map(toDecisionRecord);
    // What the set's decisions supersede outside it (another team's, rarely any): by primary key.
    const inScope = new Set(rows.map((r) => r.id));
    const superseded = [...new Set(rows.map((r) => r.supersedesId).filter((id): id is string => id !== null && !inScope.has(id)))];
    const outside = superseded.length ? this.records(decisions().where('decisions.id', 'in', superseded)) : [];
    const related = new Map([...rows, ...replacing, ...outside].map((r) => [r.id, r]));
    return {
      rows,
      related,
      replacements: groupBy(replacing, (r) => r.supersedesId!),
      positions: new Map([...groupBy(parts.positions, (p) => p.decision_id)].map(([k, v]) => [k, v.map(toPosition)])),
      objections: new Map([...groupBy(parts.objections, (o) => o.decision_id)].map(([k, v]) => [k, v.map(toObjection)])),
      amendments: new Map([...groupBy(parts.amendments, (a) => a.entity_id)].map(([k, v]) => [k, v.map(toAmendment)])),
      carriedIntoLive,
    };
  }
}
