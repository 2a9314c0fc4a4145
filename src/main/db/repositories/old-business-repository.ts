import type { EpochMs, Id } from '@shared/domain';
import type { OldBusinessEntry, OldBusinessSource } from '@shared/planning';
import { sql as fragment } from 'kysely';
import { planned, qb, type Prepared, type Sql } from '../query';
import type { OldBusinessTable } from '../schema';

/** A leftover a meeting inherited, as recorded; whether it is still open is decided when it is read. */
export interface OldBusinessRecord extends Omit<OldBusinessEntry, 'open'> {
  meetingId: Id;
  createdAt: EpochMs;
}

function toRecord(row: OldBusinessTable): OldBusinessRecord {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    // Only the old-business sources write this column.
    source: row.source as OldBusinessSource,
    refId: row.ref_id,
    fromMeetingId: row.from_meeting_id,
    title: row.title,
    detail: row.detail,
    agendaItemId: row.agenda_item_id,
    createdAt: row.created_at,
  };
}

/** A proposal a later meeting took over, and whether it had been deferred (else it was left without an outcome). */
export interface TakenUpProposal {
  decisionId: Id;
  deferred: boolean;
  meeting: { id: Id; title: string; start: EpochMs | null };
}

export class OldBusinessRepository {
  /** Read whenever a meeting's decisions are: from the unique index alone, compiled once (see Sql.prepared). */
  private readonly openProposals: Prepared<{ meetingId: string }, { ref_id: string }>;
  private readonly openFromLog: Prepared<{ meetingId: string }, { id: string }>;

  constructor(private readonly sql: Sql) {
    this.openProposals = sql.prepared((a: { meetingId: string }) =>
      qb.selectFrom('old_business').select('ref_id').where('meeting_id', '=', a.meetingId).where('source', '=', 'open_proposal'),
    );
    // Each source's rule, as one condition on the row; every lookup is a point in a primary key or an index
    // (objections, decisions and agreement versions by id, agreement_revisits_by_version, amendments_by_entity).
    this.openFromLog = sql.prepared((a: { meetingId: string }) =>
      qb
        .selectFrom('old_business as o')
        .select('o.id')
        .where('o.meeting_id', '=', planned(a.meetingId))
        .where(
          fragment<boolean>`(o.source = 'objection'
              AND EXISTS (SELECT 1 FROM objections j WHERE j.id = o.ref_id AND j.resolution IS NULL))
            OR (o.source = 'open_proposal'
              AND EXISTS (SELECT 1 FROM decisions d WHERE d.id = o.ref_id AND d.status IN ('proposed', 'deferred')))
            OR (o.source = 'decision_review'
              AND EXISTS (SELECT 1 FROM decisions d WHERE d.id = o.ref_id AND d.status = 'accepted')
              AND NOT EXISTS (SELECT 1 FROM amendments m WHERE m.entity_type = 'decision' AND m.entity_id = o.ref_id
                AND m.at >= o.created_at AND substr(m.reason, 1, 8) = 'Reviewed'))
            OR (o.source = 'agreement_revisit'
              AND EXISTS (SELECT 1 FROM agreement_versions v WHERE v.id = o.ref_id
                AND v.version = (SELECT max(w.version) FROM agreement_versions w WHERE w.team_id = v.team_id))
              AND NOT EXISTS (SELECT 1 FROM agreement_revisits r WHERE r.version_id = o.ref_id AND r.at > o.created_at))`,
        ),
    );
  }

  /**
   * Which of a meeting's leftovers from the decision log (an objection, an open proposal, a decision due for review,
   * the operating agreement due for a revisit) still need the room, in one statement however many it inherited:
   * an objection unresolved; a proposal still proposed or deferred; a decision still accepted and not reviewed since
   * it was listed; the agreement version still the team's latest and not revisited since it was listed.
   */
  stillOpenFromLog(meetingId: string): Set<string> {
    return new Set(this.openFromLog.all({ meetingId }).map((r) => r.id));
  }

  /** The open proposals (their decision ids) a meeting took over as old business, in no particular order. */
  openProposalIds(meetingId: string): string[] {
    return this.openProposals.all({ meetingId }).map((r) => r.ref_id);
  }

  forMeeting(meetingId: string): OldBusinessRecord[] {
    return this.sql
      .all(qb.selectFrom('old_business').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id'))
      .map(toRecord);
  }

  referencing(source: OldBusinessSource, refId: string): OldBusinessRecord[] {
    return this.sql
      .all(qb.selectFrom('old_business').selectAll().where('source', '=', source).where('ref_id', '=', refId).orderBy('created_at', 'desc'))
      .map(toRecord);
  }

  /**
   * Open proposals this meeting left that a later meeting took up, with that meeting: the record of this one
   * must still show them as they stood when it ended. Read for ended meetings only (no index on the source meeting).
   */
  proposalsTakenUpFrom(meetingId: string): TakenUpProposal[] {
    return this.sql
      .all(
        qb
          .selectFrom('old_business')
          .innerJoin('meetings', 'meetings.id', 'old_business.meeting_id')
          .select([
            'old_business.ref_id as decisionId',
            'old_business.detail as detail',
            'meetings.id as meetingId',
            'meetings.title as title',
            'meetings.scheduled_start as scheduledStart',
            'meetings.started_at as startedAt',
          ])
          .where('old_business.from_meeting_id', '=', meetingId)
          .where('old_business.source', '=', 'open_proposal')
          // A meeting called off took nothing up: what it carried went on to the next one.
          .where('meetings.called_off_at', 'is', null)
          .orderBy('old_business.created_at')
          .orderBy('old_business.id'),
      )
      .map((r) => ({
        decisionId: r.decisionId,
        deferred: r.detail === 'Deferred',
        meeting: { id: r.meetingId, title: r.title, start: r.startedAt ?? r.scheduledStart },
      }));
  }

  /** Records what a meeting inherited; the same leftover twice is one row. */
  insert(row: OldBusinessTable): boolean {
    return (
      this.sql.run(
        qb
          .insertInto('old_business')
          .values(row)
          .onConflict((oc) => oc.doNothing()),
      ) > 0
    );
  }
}
