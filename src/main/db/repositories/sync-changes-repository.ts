import type { Statement } from 'better-sqlite3';
import type { Sql } from '../query';
import type { ArchiveRow } from './archive-repository';
import { ARCHIVE_TABLES } from './archive-tables';

/** A file of a team's sync tree that changed since its last merge: its folder (`team` for the team's own file) and id. */
export interface ChangedAggregate {
  folder: string;
  id: string;
}

/**
 * The rows of one aggregate, by folder: its root table (whose `team_id` says whose it is) and, for each table whose
 * rows live in that file, the WHERE clause (alias `t`, parameter `:id`) that finds them. The same files as the sync
 * tree's layout (services/sync/tree-layout.ts); a table missing here stops the app at start-up.
 */
const AGGREGATES: Record<string, { root: string; tables: Record<string, string> }> = {
  team: { root: 'teams', tables: { teams: 't.id = :id' } },
  members: { root: 'members', tables: { members: 't.id = :id', member_events: 't.member_id = :id' } },
  templates: { root: 'agenda_templates', tables: { agenda_templates: 't.id = :id', agenda_template_items: 't.template_id = :id' } },
  series: { root: 'meeting_series', tables: { meeting_series: 't.id = :id' } },
  meetings: {
    root: 'meetings',
    tables: {
      meetings: 't.id = :id',
      attendees: 't.meeting_id = :id',
      agenda_items: 't.meeting_id = :id',
      turns: 't.agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = :id)',
      live_actions: 't.meeting_id = :id',
      old_business: 't.meeting_id = :id',
      amendments: "t.entity_type = 'meeting' AND t.entity_id = :id",
      meeting_feedback: 't.meeting_id = :id',
      agreement_on_projector: 't.meeting_id = :id',
    },
  },
  'parking-lot': { root: 'parking_lot_items', tables: { parking_lot_items: 't.id = :id' } },
  decisions: {
    root: 'decisions',
    tables: {
      decisions: 't.id = :id',
      decision_tags: 't.decision_id = :id',
      positions: 't.decision_id = :id',
      objections: 't.decision_id = :id',
      amendments: "t.entity_type = 'decision' AND t.entity_id = :id",
    },
  },
  commitments: { root: 'commitments', tables: { commitments: 't.id = :id', commitment_events: 't.commitment_id = :id' } },
  agreements: { root: 'agreement_versions', tables: { agreement_versions: 't.id = :id', agreement_revisits: 't.version_id = :id' } },
  roles: { root: 'roles', tables: { roles: 't.id = :id', role_events: 't.role_id = :id' } },
};

const placed = new Set(Object.values(AGGREGATES).flatMap((a) => Object.keys(a.tables)));
for (const spec of ARCHIVE_TABLES)
  if (!placed.has(spec.table)) throw new Error(`The sync change log has no aggregate for ${spec.table}: a sync would miss its changes`);

/** The triggers migration 017 gives each table the sync carries: with one missing, the log cannot be trusted. */
const TRIGGERS = ARCHIVE_TABLES.flatMap((spec) => ['insert', 'update', 'delete'].map((on) => `sync_changes_${spec.table}_${on}`));

/**
 * The log of what changed in each linked team since its last merge (migration 017): triggers write it; a sync reads
 * it to re-read only those aggregates, and empties it in the transaction that merges.
 */
export class SyncChangesRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly sql: Sql) {}

  private prepare(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.sql.db.prepare(text)));
    return statement;
  }

  /** Whether every table the sync carries has its three triggers, so the log holds every change. */
  complete(): boolean {
    const names = new Set(
      this.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_changes\\_%' ESCAPE '\\'")
        .pluck()
        .all() as string[],
    );
    return TRIGGERS.every((t) => names.has(t));
  }

  /** The aggregates of the team written since its log was last emptied, `limit` at most (more: the caller reads everything). */
  changed(teamId: string, limit: number): ChangedAggregate[] {
    return this.prepare('SELECT folder, id FROM sync_changes WHERE team_id = ? LIMIT cast(? as integer)').all(
      teamId,
      limit,
    ) as ChangedAggregate[];
  }

  /** Empties the team's log: its state as of now is the merge's. */
  clear(teamId: string): void {
    this.prepare('DELETE FROM sync_changes WHERE team_id = ?').run(teamId);
  }

  /** The id of the team's last merge, or null when none was recorded since it was linked. */
  mergeId(teamId: string): string | null {
    return (this.prepare('SELECT merge_id FROM sync_merged WHERE team_id = ?').pluck().get(teamId) as string | undefined) ?? null;
  }

  setMergeId(teamId: string, mergeId: string): void {
    this.prepare('INSERT OR REPLACE INTO sync_merged (team_id, merge_id) VALUES (?, ?)').run(teamId, mergeId);
  }

  /**
   * Each table's rows of one aggregate of the team (none when its root is another team's or gone), in key order as
   * the team's whole read gives them.
   */
  aggregateRows(teamId: string, { folder, id }: ChangedAggregate): Map<string, ArchiveRow[]> {
    const aggregate = AGGREGATES[folder];
    if (!aggregate) throw new Error(`Not a sync aggregate: ${folder}`);
    const rows = new Map<string, ArchiveRow[]>();
    const owner = aggregate.root === 'teams' ? id : this.prepare(`SELECT team_id FROM ${aggregate.root} WHERE id = ?`).pluck().get(id);
    if (owner !== teamId) return rows;
    for (const spec of ARCHIVE_TABLES) {
      const where = aggregate.tables[spec.table];
      if (!where) continue;
      const order = spec.key.map((k) => `t.${k}`).join(', ');
      rows.set(spec.table, this.prepare(`SELECT t.* FROM ${spec.table} t WHERE ${where} ORDER BY ${order}`).all({ id }) as ArchiveRow[]);
    }
    return rows;
  }
}
