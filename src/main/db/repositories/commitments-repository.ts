import type { CommitmentEvent } from '@shared/commitments';
import type { EpochMs, Id } from '@shared/domain';
import { sql } from 'kysely';
import { qb, type Sql } from '../query';
import type { CommitmentEventsTable, CommitmentsTable } from '../schema';

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

function toEvent(row: CommitmentEventsTable & { new_owner_name: string | null }): CommitmentEventRecord {
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

/** Commitments and their events. Events are only ever added: nothing here updates or deletes one. */
export class CommitmentsRepository {
  constructor(private readonly sql: Sql) {}

  find(id: string): CommitmentRecord | null {
    const row = this.sql.first(commitments().where('commitments.id', '=', id)) as CommitmentRow | undefined;
    return row ? toCommitment(row) : null;
  }

  /** Not done and not dropped: the board, the review walk and old business read these. */
  open(teamId: string | null): CommitmentRecord[] {
    // closed_at IS NULL is what the partial index commitments_open_by_team holds.
    let query = commitments().where('commitments.closed_at', 'is', null);
    if (teamId) query = query.where('commitments.team_id', '=', teamId);
    return this.sql.all(query.orderBy('commitments.original_due_date').orderBy('commitments.id')).map(toCommitment);
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
              .where('e.kind', '!=', 'created'),
          )
          .orderBy('commitments.original_due_date'),
      )
      .map(toCommitment);
  }

  /** Commitments of a team marked done in [since, until). */
  doneBetween(teamId: string, since: number, until: number): CommitmentRecord[] {
    return this.sql
      .all(
        commitments()
          // `+` keeps SQLite off the team index (ten years of the team's commitments): the few done events of the
          // period, found by the events' kind-and-time index, are the ones to look up.
          .where(sql<string>`+commitments.team_id`, '=', teamId)
          .where('commitments.id', 'in', (eb) =>
            eb
              .selectFrom('commitment_events as e')
              .select('e.commitment_id')
              .where('e.kind', '=', 'done')
              .where('e.at', '>=', since)
              .where('e.at', '<', until),
          )
          .orderBy('commitments.original_due_date'),
      )
      .map(toCommitment);
  }

  /** Done or dropped: one indexed look at its events. */
  isClosed(id: string): boolean {
    return this.sql.first(qb.selectFrom('commitments').select('closed_at').where('id', '=', id))?.closed_at != null;
  }

  madeIn(meetingId: string): CommitmentRecord[] {
    return this.sql.all(commitments().where('commitments.meeting_id', '=', meetingId).orderBy('commitments.created_at')).map(toCommitment);
  }

  /** closed_at is not the writer's to set: the trigger of migration 009 keeps it from the events. */
  insert(row: Omit<CommitmentsTable, 'closed_at'>): void {
    this.sql.run(qb.insertInto('commitments').values({ ...row, closed_at: null }));
  }

  /** Answers the event as read back would give it, less the new owner's name (not looked up here). */
  insertEvent(row: CommitmentEventsTable): CommitmentEventRecord {
    this.sql.run(qb.insertInto('commitment_events').values(row));
    return toEvent({ ...row, new_owner_name: null });
  }

  /** Every event of the given commitments, oldest first, keyed by commitment. */
  eventsOf(ids: string[]): Map<string, CommitmentEventRecord[]> {
    const out = new Map<string, CommitmentEventRecord[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.sql.all(
        qb
          .selectFrom('commitment_events')
          .leftJoin('members', 'members.id', 'commitment_events.new_owner_id')
          .selectAll('commitment_events')
          .select('members.name as new_owner_name')
          .where('commitment_events.commitment_id', 'in', chunk)
          .orderBy('commitment_events.at')
          .orderBy('commitment_events.id'),
      );
      for (const row of rows) {
        const list = out.get(row.commitment_id) ?? [];
        list.push(toEvent(row));
        out.set(row.commitment_id, list);
      }
    }
    return out;
  }
}
