import type { AgreementRevisit, AgreementVersion } from '@shared/agreements';
import type { EpochMs, Id } from '@shared/domain';
import { sql } from 'kysely';
import { qb, type Sql } from '../query';
import type { AgreementOnProjectorTable, AgreementRevisitsTable, AgreementVersionsTable } from '../schema-agreements';

/**
 * A stored version. Its body stays JSON here: the reader checks it against the schema that
 * admitted it, and only where a body is shown (a list of versions never needs one).
 */
export interface AgreementVersionRecord extends Omit<AgreementVersion, 'body' | 'rights'> {
  bodyJson: string;
}

/** A "still stands" revisit; the version's number is joined in by whoever lists them. */
export type AgreementRevisitRecord = Omit<AgreementRevisit, 'version'>;

export interface AgreementProjection {
  meetingId: Id;
  versionId: Id | null;
  /** null while the agreement is not on the projector. */
  shownAt: EpochMs | null;
}

function toVersion(row: AgreementVersionsTable): AgreementVersionRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    version: row.version,
    bodyJson: row.body_json,
    changeNote: row.change_note,
    revisitBy: row.revisit_by,
    starter: row.starter,
    createdAt: row.created_at,
  };
}

function toRevisit(row: AgreementRevisitsTable): AgreementRevisitRecord {
  return {
    id: row.id,
    versionId: row.version_id,
    meetingId: row.meeting_id,
    note: row.note,
    nextRevisitBy: row.next_revisit_by,
    at: row.at,
  };
}

/** Agreement versions are only ever inserted; revisits and the projector flag are their own rows. */
export class AgreementsRepository {
  constructor(private readonly sql: Sql) {}

  versions(teamId: string): AgreementVersionRecord[] {
    return this.sql.all(qb.selectFrom('agreement_versions').selectAll().where('team_id', '=', teamId).orderBy('version')).map(toVersion);
  }

  current(teamId: string): AgreementVersionRecord | undefined {
    const row = this.sql.first(
      qb.selectFrom('agreement_versions').selectAll().where('team_id', '=', teamId).orderBy('version', 'desc').limit(sql.lit(1)),
    );
    return row && toVersion(row);
  }

  find(id: string): AgreementVersionRecord | undefined {
    const row = this.sql.first(qb.selectFrom('agreement_versions').selectAll().where('id', '=', id));
    return row && toVersion(row);
  }

  insert(row: AgreementVersionsTable): void {
    this.sql.run(qb.insertInto('agreement_versions').values(row));
  }

  revisits(versionIds: string[]): AgreementRevisitRecord[] {
    if (versionIds.length === 0) return [];
    return this.sql
      .all(qb.selectFrom('agreement_revisits').selectAll().where('version_id', 'in', versionIds).orderBy('at').orderBy('id'))
      .map(toRevisit);
  }

  insertRevisit(row: AgreementRevisitsTable): void {
    this.sql.run(qb.insertInto('agreement_revisits').values(row));
  }

  /** True while the version is its team’s latest and nobody has revisited it after `since`. */
  revisitOpen(versionId: string, since: number): boolean {
    const version = this.find(versionId);
    if (!version || this.current(version.teamId)?.id !== versionId) return false;
    return !this.sql.first(
      qb.selectFrom('agreement_revisits').select('id').where('version_id', '=', versionId).where('at', '>', since).limit(sql.lit(1)),
    );
  }

  projection(meetingId: string): AgreementProjection | undefined {
    const row = this.sql.first(qb.selectFrom('agreement_on_projector').selectAll().where('meeting_id', '=', meetingId));
    return row && { meetingId: row.meeting_id, versionId: row.version_id, shownAt: row.shown_at };
  }

  setProjection(row: AgreementOnProjectorTable): void {
    this.sql.run(
      qb
        .insertInto('agreement_on_projector')
        .values(row)
        .onConflict((oc) =>
          oc.column('meeting_id').doUpdateSet({ version_id: row.version_id, shown_at: row.shown_at, updated_at: row.updated_at }),
        ),
    );
  }
}
