import { qb, type Sql } from '../query';
import type { AgreementOnProjectorTable, AgreementRevisitsTable, AgreementVersionsTable } from '../schema-agreements';

/** Agreement versions are only ever inserted; revisits and the projector flag are their own rows. */
export class AgreementsRepository {
  constructor(private readonly sql: Sql) {}

  versions(teamId: string): AgreementVersionsTable[] {
    return this.sql.all(qb.selectFrom('agreement_versions').selectAll().where('team_id', '=', teamId).orderBy('version'));
  }

  current(teamId: string): AgreementVersionsTable | undefined {
    return this.sql.first(
      qb.selectFrom('agreement_versions').selectAll().where('team_id', '=', teamId).orderBy('version', 'desc').limit(1),
    );
  }

  find(id: string): AgreementVersionsTable | undefined {
    return this.sql.first(qb.selectFrom('agreement_versions').selectAll().where('id', '=', id));
  }

  insert(row: AgreementVersionsTable): void {
    this.sql.run(qb.insertInto('agreement_versions').values(row));
  }

  revisits(versionIds: string[]): AgreementRevisitsTable[] {
    if (versionIds.length === 0) return [];
    return this.sql.all(qb.selectFrom('agreement_revisits').selectAll().where('version_id', 'in', versionIds).orderBy('at').orderBy('id'));
  }

  insertRevisit(row: AgreementRevisitsTable): void {
    this.sql.run(qb.insertInto('agreement_revisits').values(row));
  }

  /** True while the version is its team’s latest and nobody has revisited it after `since`. */
  revisitOpen(versionId: string, since: number): boolean {
    const version = this.find(versionId);
    if (!version || this.current(version.team_id)?.id !== versionId) return false;
    return !this.sql.first(
      qb.selectFrom('agreement_revisits').select('id').where('version_id', '=', versionId).where('at', '>', since).limit(1),
    );
  }

  projection(meetingId: string): AgreementOnProjectorTable | undefined {
    return this.sql.first(qb.selectFrom('agreement_on_projector').selectAll().where('meeting_id', '=', meetingId));
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
