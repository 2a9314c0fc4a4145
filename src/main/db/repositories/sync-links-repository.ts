import { sql } from 'kysely';
import { qb, type Sql } from '../query';
import type { SyncLinksTable } from '../schema-sync';

export type SyncLinkRow = SyncLinksTable;

/** What one sync attempt ended with: a success moves the last commit on; a failure keeps it and says why. */
export type SyncAttempt =
  | { ok: true; at: number; commit: string; pushed: boolean; incoming: number; outgoing: number; conflictsJson: string }
  | { ok: false; at: number; error: string; kind: string };

/** The teams linked to git repositories (sync_links): one row per team, kept until it is unlinked. */
export class SyncLinksRepository {
  private readonly byTeam;
  /**
   * The linked teams, read once: the change feed asks after every write that names a team (SyncService.noteChange),
   * a statement a write would pay for, and only `link` and `unlink` change them.
   */
  private linked: Set<string> | null = null;

  constructor(private readonly sql: Sql) {
    this.byTeam = sql.prepared((a: { teamId: string }) => qb.selectFrom('sync_links').selectAll().where('team_id', '=', a.teamId));
  }

  get(teamId: string): SyncLinkRow | undefined {
    return this.byTeam.get({ teamId });
  }

  isLinked(teamId: string): boolean {
    this.linked ??= new Set(this.list().map((link) => link.team_id));
    return this.linked.has(teamId);
  }

  list(): SyncLinkRow[] {
    return this.sql.all(qb.selectFrom('sync_links').selectAll().orderBy('linked_at'));
  }

  link(teamId: string, url: string, at: number): void {
    this.sql.run(
      qb
        .insertInto('sync_links')
        .values({ team_id: teamId, url, linked_at: at, pushed: 0, incoming: 0, outgoing: 0, conflicts_json: '[]' })
        .onConflict((oc) =>
          // Another repository: what was synced with the old one says nothing about the new one.
          oc
            .column('team_id')
            .doUpdateSet({ url, linked_at: at, last_commit: null, pushed: 0, last_sync_at: null, last_error: null, last_error_kind: null }),
        ),
    );
    this.linked?.add(teamId);
  }

  /** Whether any meeting is being held on this laptop (the timers' syncs wait for it to end). */
  anyMeetingLive(): boolean {
    return this.sql.first(qb.selectFrom('meetings').select('id').where('status', '=', 'live').limit(sql.lit(1))) !== undefined;
  }

  unlink(teamId: string): boolean {
    const removed = this.sql.run(qb.deleteFrom('sync_links').where('team_id', '=', teamId)) > 0;
    this.linked?.delete(teamId);
    return removed;
  }

  record(teamId: string, attempt: SyncAttempt): void {
    const values = attempt.ok
      ? {
          last_attempt_at: attempt.at,
          last_sync_at: attempt.at,
          last_commit: attempt.commit,
          pushed: attempt.pushed ? (1 as const) : (0 as const),
          incoming: attempt.incoming,
          outgoing: attempt.outgoing,
          conflicts_json: attempt.conflictsJson,
          last_error: null,
          last_error_kind: null,
        }
      : { last_attempt_at: attempt.at, last_error: attempt.error, last_error_kind: attempt.kind };
    this.sql.run(qb.updateTable('sync_links').set(values).where('team_id', '=', teamId));
  }
}
