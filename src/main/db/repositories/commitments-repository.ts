import type { CommitmentEvent } from '@shared/commitments';
import type { EpochMs, Id } from '@shared/domain';
import { sql as fragment, type SelectQueryBuilder } from 'kysely';
import { inJsonList, qb, type Prepared as NamedPrepared, type Sql } from '../query';
import { Prepared } from '../prepared';
import { commitmentEventsColumns, type CommitmentEventsTable, type CommitmentsTable } from '../schema';

/** A commitment as it was made; its status, due date and owner follow from its events (commitment-state.ts). */
export interface CommitmentRecord {
  id: Id;
  teamId: Id;
  teamName: string;
  /** The team's zone, in which "overdue" and "in advance" are judged. */
  timeZone: string;
  /** Who made it; a reassignment is an event. */
  ownerId: Id;
  outcome: string;
  originalDueDate: string;
  meetingId: Id | null;
  meetingTitle: string | null;
  agendaItemId: Id | null;
  decisionId: Id | null;
  createdAt: EpochMs;
}

export interface CommitmentEventRecord extends CommitmentEvent {
  commitmentId: Id;
  newOwnerId: Id | null;
}

type CommitmentRow = CommitmentsTable & { team_name: string; time_zone: string; meeting_title: string | null };
type OutcomeRow = CommitmentRow & {
  owner_name: string;
  owner_left_at: number | null;
  at_team_id: string | null;
  at_status: string | null;
  to_team_id: string | null;
  to_name: string | null;
  to_left_at: number | null;
};

function toCommitment(row: CommitmentRow): CommitmentRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    teamName: row.team_name,
    timeZone: row.time_zone,
    ownerId: row.owner_id,
    outcome: row.outcome,
    originalDueDate: row.original_due_date,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    agendaItemId: row.agenda_item_id,
    decisionId: row.decision_id,
    createdAt: row.created_at,
  };
}

function toEvent(row: EventRow): CommitmentEventRecord {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    kind: row.kind,
    status: row.status,
    at: row.at,
    meetingId: row.meeting_id,
    oldDueDate: row.old_due_date,
    newDueDate: row.new_due_date,
    reason: row.reason,
    rootCause: row.root_cause,
    correctiveAction: row.corrective_action,
    correctiveCommitmentId: row.corrective_commitment_id,
    newOwnerId: row.new_owner_id,
    newOwnerName: row.new_owner_name,
    inAdvance: row.in_advance === null ? null : row.in_advance === 1,
  };
}

function commitments() {
  return qb
    .selectFrom('commitments')
    .innerJoin('teams', 'teams.id', 'commitments.team_id')
    .leftJoin('meetings', 'meetings.id', 'commitments.meeting_id')
    .selectAll('commitments')
    .select(['teams.name as team_name', 'teams.time_zone as time_zone', 'meetings.title as meeting_title']);
}

function events() {
  return qb
    .selectFrom('commitment_events')
    .leftJoin('members', 'members.id', 'commitment_events.new_owner_id')
    .selectAll('commitment_events')
    .select('members.name as new_owner_name');
}

/**
 * One commitment with its team's name and zone and its meeting's title, looked up by scalar subqueries rather than
 * joins: on the ten-year file the two-join lookup took 20-65 us, the same columns by subqueries 5 us.
 */
function oneCommitment(id: string) {
  return qb
    .selectFrom('commitments as c')
    .selectAll('c')
    .select((eb) => [
      eb.selectFrom('teams').select('teams.name').whereRef('teams.id', '=', 'c.team_id').as('team_name'),
      eb.selectFrom('teams').select('teams.time_zone').whereRef('teams.id', '=', 'c.team_id').as('time_zone'),
      eb.selectFrom('meetings').select('meetings.title').whereRef('meetings.id', '=', 'c.meeting_id').as('meeting_title'),
    ])
    .where('c.id', '=', id);
}

type EventRow = CommitmentEventsTable & { new_owner_name: string | null };

/** Oldest first, as the lists read them: by time, then by id (the index gives time order; ties are rare). */
function byTimeThenId(a: EventRow, b: EventRow): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What a review outcome's rules need, read in one statement (see `forOutcome`). */
export interface OutcomeRead {
  row: CommitmentRecord;
  /** The meeting the outcome is recorded in, if one was named and exists. */
  meeting: { teamId: Id; status: string } | null;
  /** The member who made it: the owner the answer names, unless a reassignment moved it on. */
  owner: { name: string; left: boolean };
  /** The owner named for a slip's corrective commitment, if one was named and exists. */
  correctiveOwner: { teamId: Id; name: string; leftAt: EpochMs | null } | null;
}

/** Commitments and the events of each, oldest first: what a list of commitments is composed from. */
export interface Listed {
  rows: CommitmentRecord[];
  events: Map<string, CommitmentEventRecord[]>;
}

/**
 * A list read set-based, in two statements compiled once: the commitments a subquery names, and all their events
 * (found through the events' commitment index), whatever the list's length.
 */
function listRead<DB, TB extends keyof DB>(
  sql: Sql,
  ids: () => SelectQueryBuilder<DB, TB, { id: string }>,
  order: (q: ReturnType<typeof commitments>) => ReturnType<typeof commitments>,
): (...parameters: unknown[]) => Listed {
  const rows = new Prepared(sql, () => order(commitments().where('commitments.id', 'in', ids())));
  const listed = new Prepared(sql, () =>
    events()
      .where('commitment_events.commitment_id', 'in', ids())
      .orderBy('commitment_events.commitment_id')
      .orderBy('commitment_events.at')
      .orderBy('commitment_events.id'),
  );
  return (...parameters) => ({ rows: rows.all(...parameters).map(toCommitment), events: byCommitment(listed.all(...parameters)) });
}

function byCommitment(rows: EventRow[]): Map<string, CommitmentEventRecord[]> {
  const out = new Map<string, CommitmentEventRecord[]>();
  for (const row of rows) {
    const list = out.get(row.commitment_id);
    if (list) list.push(toEvent(row));
    else out.set(row.commitment_id, [toEvent(row)]);
  }
  return out;
}

// Placeholders: each statement is compiled once, and every call binds its own values in their order (constants are
// written as literals, so that only the placeholders are parameters).
const P = '';
const P_NUMBER = 0;
const EVENT_COLUMNS = Object.keys(commitmentEventsColumns) as (keyof CommitmentEventsTable)[];

/** Commitments and their events. Events are only ever added: nothing here updates or deletes one. */
export class CommitmentsRepository {
  private readonly findOne: NamedPrepared<{ id: string }, CommitmentRow>;
  private readonly outcomeRead: NamedPrepared<{ id: string; meetingId: string | null; ownerId: string | null }, OutcomeRow>;
  private readonly eventsOfOneRead: NamedPrepared<{ id: string }, EventRow>;
  private readonly addCommitment: NamedPrepared<CommitmentsTable, unknown>;
  private readonly addEvent: Prepared<unknown>;
  private readonly closedOf: Prepared<{ id: string }>;
  private readonly withIdsRead: (...parameters: unknown[]) => Listed;
  private readonly eventsIn: Prepared<EventRow>;
  /** The review's candidates: the team's open commitments, and those reviewed in the meeting (closed there or not). */
  private readonly reviewRead: (...parameters: unknown[]) => Listed;
  private readonly madeInRead: (...parameters: unknown[]) => Listed;
  private readonly doneBetweenRead: (...parameters: unknown[]) => Listed;

  constructor(private readonly sql: Sql) {
    this.findOne = sql.prepared((a: { id: string }) => oneCommitment(a.id).$castTo<CommitmentRow>());
    this.outcomeRead = sql.prepared((a: { id: string; meetingId: string | null; ownerId: string | null }) =>
      oneCommitment(a.id)
        .select((eb) => [
          eb.selectFrom('members').select('members.name').whereRef('members.id', '=', 'c.owner_id').as('owner_name'),
          eb.selectFrom('members').select('members.left_at').whereRef('members.id', '=', 'c.owner_id').as('owner_left_at'),
          eb.selectFrom('meetings').select('meetings.team_id').where('meetings.id', '=', a.meetingId).as('at_team_id'),
          eb.selectFrom('meetings').select('meetings.status').where('meetings.id', '=', a.meetingId).as('at_status'),
          eb.selectFrom('members').select('members.team_id').where('members.id', '=', a.ownerId).as('to_team_id'),
          eb.selectFrom('members').select('members.name').where('members.id', '=', a.ownerId).as('to_name'),
          eb.selectFrom('members').select('members.left_at').where('members.id', '=', a.ownerId).as('to_left_at'),
        ])
        .$castTo<OutcomeRow>(),
    );
    // In index order (time), sorted by time then id here: ORDER BY made this SQLite build a sorter per call (25-30 us).
    this.eventsOfOneRead = sql.prepared((a: { id: string }) =>
      qb
        .selectFrom('commitment_events')
        .selectAll('commitment_events')
        .select((eb) =>
          eb
            .selectFrom('members')
            .select('members.name')
            .whereRef('members.id', '=', 'commitment_events.new_owner_id')
            .as('new_owner_name'),
        )
        .where('commitment_events.commitment_id', '=', a.id)
        .$castTo<EventRow>(),
    );
    this.addCommitment = sql.prepared((a: CommitmentsTable) =>
      qb.insertInto('commitments').values({
        id: a.id,
        team_id: a.team_id,
        owner_id: a.owner_id,
        outcome: a.outcome,
        original_due_date: a.original_due_date,
        meeting_id: a.meeting_id,
        agenda_item_id: a.agenda_item_id,
        decision_id: a.decision_id,
        created_at: a.created_at,
        closed_at: null,
      }),
    );
    this.addEvent = new Prepared(sql, () =>
      qb.insertInto('commitment_events').values(Object.fromEntries(EVENT_COLUMNS.map((c) => [c, P])) as never),
    );
    this.withIdsRead = listRead(
      sql,
      () => qb.selectFrom('commitments as c').select('c.id').where(inJsonList('c.id', P)),
      (q) => q.orderBy('commitments.original_due_date').orderBy('commitments.id'),
    );
    this.eventsIn = new Prepared(sql, () =>
      events().where(inJsonList('commitment_events.commitment_id', P)).orderBy('commitment_events.at').orderBy('commitment_events.id'),
    );
    this.closedOf = new Prepared(sql, () =>
      qb
        .selectFrom('old_business as o')
        .innerJoin('commitments as c', 'c.id', 'o.ref_id')
        .select('c.id')
        .where('o.meeting_id', '=', P)
        .where('o.source', '=', fragment.lit('open_commitment'))
        .where('c.closed_at', 'is not', null),
    );
    this.reviewRead = listRead(
      sql,
      () =>
        qb
          .selectFrom('commitments as c')
          .select('c.id')
          // closed_at IS NULL is what the partial index commitments_open_by_team holds.
          .where('c.closed_at', 'is', null)
          .where('c.team_id', '=', P)
          .union(
            qb
              .selectFrom('commitment_events as e')
              .select('e.commitment_id as id')
              .where('e.meeting_id', '=', P)
              .where('e.kind', '!=', fragment.lit('created')),
          ),
      (q) => q.orderBy('commitments.original_due_date').orderBy('commitments.id'),
    );
    this.madeInRead = listRead(
      sql,
      () => qb.selectFrom('commitments as c').select('c.id').where('c.meeting_id', '=', P),
      (q) => q.orderBy('commitments.created_at').orderBy('commitments.id'),
    );
    this.doneBetweenRead = listRead(
      sql,
      () =>
        qb
          .selectFrom('commitment_events as e')
          .innerJoin('commitments as c', 'c.id', 'e.commitment_id')
          .select('e.commitment_id as id')
          .where('e.kind', '=', fragment.lit('done'))
          .where('e.at', '>=', P_NUMBER)
          .where('e.at', '<', P_NUMBER)
          // `+` keeps SQLite off the team index (ten years of the team's commitments): the few done events of the
          // period, found by the events' kind-and-time index, are the ones to look up.
          .where(fragment<string>`+c.team_id`, '=', P),
      (q) => q.orderBy('commitments.original_due_date').orderBy('commitments.id'),
    );
  }

  /** The commitments of these ids that exist, by original due date, with their events: one read however many. */
  withIds(ids: readonly string[]): Listed {
    return this.withIdsRead(JSON.stringify(ids));
  }

  find(id: string): CommitmentRecord | null {
    const row = this.findOne.get({ id });
    return row ? toCommitment(row) : null;
  }

  /**
   * A commitment with the member who made it, the meeting an outcome of it is recorded in and the owner of a slip's
   * corrective commitment, in one statement: what the outcome's rules check and its answer names.
   */
  forOutcome(id: string, meetingId: string | null, correctiveOwnerId: string | null): OutcomeRead | null {
    const row = this.outcomeRead.get({ id, meetingId, ownerId: correctiveOwnerId });
    if (!row) return null;
    return {
      row: toCommitment(row),
      owner: { name: row.owner_name, left: row.owner_left_at !== null },
      meeting: row.at_team_id !== null ? { teamId: row.at_team_id, status: row.at_status! } : null,
      correctiveOwner: row.to_team_id !== null ? { teamId: row.to_team_id, name: row.to_name!, leftAt: row.to_left_at } : null,
    };
  }

  /** Not done and not dropped: the board, the review walk and old business read these. */
  open(teamId: string | null): CommitmentRecord[] {
    // closed_at IS NULL is what the partial index commitments_open_by_team holds.
    let query = commitments().where('commitments.closed_at', 'is', null);
    if (teamId) query = query.where('commitments.team_id', '=', teamId);
    return this.sql.all(query.orderBy('commitments.original_due_date').orderBy('commitments.id')).map(toCommitment);
  }

  /** A meeting's review candidates with their events: the team's open commitments and those reviewed in it. */
  reviewCandidates(teamId: string, meetingId: string): Listed {
    return this.reviewRead(teamId, meetingId);
  }

  /** Those whose original due date falls in [from, to]: what follow-through counts. */
  dueBetween(teamId: string, from: string, to: string): CommitmentRecord[] {
    return this.sql
      .all(
        commitments()
          .where('commitments.team_id', '=', teamId)
          .where('commitments.original_due_date', '>=', from)
          .where('commitments.original_due_date', '<=', to)
          .orderBy('commitments.original_due_date'),
      )
      .map(toCommitment);
  }

  /** Commitments with an event recorded in a meeting (reviewed there), found through the events' meeting index. */
  reviewedIn(meetingId: string): CommitmentRecord[] {
    return this.sql
      .all(
        commitments()
          .where('commitments.id', 'in', (eb) =>
            eb
              .selectFrom('commitment_events as e')
              .select('e.commitment_id')
              .where('e.meeting_id', '=', meetingId)
              // A literal, so that SQLite can use the index of the events other than 'created' (migration 019).
              .where('e.kind', '!=', fragment.lit('created')),
          )
          .orderBy('commitments.original_due_date'),
      )
      .map(toCommitment);
  }

  /** Commitments of a team with a done event in [since, until), with their events. */
  doneBetween(teamId: string, since: number, until: number): Listed {
    return this.doneBetweenRead(since, until, teamId);
  }

  /** Which of the open commitments a meeting inherited as old business have been done or dropped since. */
  closedInOldBusiness(meetingId: string): Set<string> {
    return new Set(this.closedOf.all(meetingId).map((r) => r.id));
  }

  /** Promised in this meeting, in the order they were made, with their events. */
  madeIn(meetingId: string): Listed {
    return this.madeInRead(meetingId);
  }

  /** closed_at is not the writer's to set: the trigger of migration 009 keeps it from the events. */
  insert(row: Omit<CommitmentsTable, 'closed_at'>): void {
    this.addCommitment.run({ ...row, closed_at: null });
  }

  /** Answers the event as read back would give it, less the new owner's name (not looked up here). */
  insertEvent(row: CommitmentEventsTable): CommitmentEventRecord {
    this.addEvent.run(...EVENT_COLUMNS.map((c) => row[c]));
    return toEvent({ ...row, new_owner_name: null });
  }

  /** One commitment's events, oldest first. */
  eventsOfOne(id: string): CommitmentEventRecord[] {
    return this.eventsOfOneRead.all({ id }).sort(byTimeThenId).map(toEvent);
  }

  /** Every event of the given commitments, oldest first, keyed by commitment. */
  eventsOf(ids: readonly string[]): Map<string, CommitmentEventRecord[]> {
    return ids.length === 0 ? new Map() : byCommitment(this.eventsIn.all(JSON.stringify(ids)));
  }
}
