/**
 * The tables a team archive carries, in the order they are written (parents first), each with
 * the WHERE clause (on alias `t`, parameter `:team`) that finds one team's rows and how the
 * import merges a row that already exists (see services/archive/merge-rule.ts).
 *
 * A new team-owned table is one line here, after the tables it refers to. Derived data
 * (decisions_fts) is not listed: triggers rebuild it as rows are written.
 */
export type MergeRule =
  /** Written once, never changed (events, history, tags): insert what is missing. */
  | { kind: 'history' }
  /** Changes over time with an `updated_at` (a rating: its `at`): the later one wins. */
  | { kind: 'newer'; column: 'updated_at' | 'at' }
  /** Has no version of its own: follows the row it belongs to (via `column`) when that one was taken from the archive. */
  | { kind: 'follows'; parent: string; column: string }
  /** Has no version at all: a difference keeps what is here and counts a conflict. */
  | { kind: 'local' };

export interface ArchiveTable {
  table: string;
  /** Primary key columns (or those of the unique index a table without one finds its rows by). */
  key: readonly string[];
  scope: string;
  merge: MergeRule;
}

const meetingsOfTeam = 'SELECT id FROM meetings WHERE team_id = :team';
const decisionsOfTeam = 'SELECT id FROM decisions WHERE team_id = :team';
const id = ['id'] as const;
const newer = { kind: 'newer', column: 'updated_at' } as const;
const history = { kind: 'history' } as const;
const follows = (parent: string, column: string) => ({ kind: 'follows', parent, column }) as const;

export const ARCHIVE_TABLES: readonly ArchiveTable[] = [
  { table: 'teams', key: id, scope: 't.id = :team', merge: newer },
  { table: 'members', key: id, scope: 't.team_id = :team', merge: newer },
  { table: 'member_events', key: id, scope: 't.member_id IN (SELECT id FROM members WHERE team_id = :team)', merge: history },
  { table: 'agenda_templates', key: id, scope: 't.team_id = :team', merge: { kind: 'local' } },
  {
    table: 'agenda_template_items',
    key: id,
    scope: 't.template_id IN (SELECT id FROM agenda_templates WHERE team_id = :team)',
    merge: { kind: 'local' },
  },
  { table: 'meeting_series', key: id, scope: 't.team_id = :team', merge: newer },
  { table: 'meetings', key: id, scope: 't.team_id = :team', merge: newer },
  { table: 'attendees', key: id, scope: `t.meeting_id IN (${meetingsOfTeam})`, merge: follows('meetings', 'meeting_id') },
  { table: 'agenda_items', key: id, scope: `t.meeting_id IN (${meetingsOfTeam})`, merge: newer },
  {
    table: 'turns',
    key: id,
    scope: `t.agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id IN (${meetingsOfTeam}))`,
    merge: follows('agenda_items', 'agenda_item_id'),
  },
  // Its rows are found by meeting and id: a scan, as the log holds live meetings' steps alone, unindexed (migration 023).
  {
    table: 'live_actions',
    key: ['meeting_id', 'id'],
    scope: `t.meeting_id IN (${meetingsOfTeam})`,
    merge: follows('meetings', 'meeting_id'),
  },
  { table: 'parking_lot_items', key: id, scope: 't.team_id = :team', merge: newer },
  { table: 'old_business', key: id, scope: `t.meeting_id IN (${meetingsOfTeam})`, merge: follows('meetings', 'meeting_id') },
  { table: 'decisions', key: id, scope: 't.team_id = :team', merge: newer },
  { table: 'decision_tags', key: ['decision_id', 'tag'], scope: `t.decision_id IN (${decisionsOfTeam})`, merge: history },
  { table: 'positions', key: id, scope: `t.decision_id IN (${decisionsOfTeam})`, merge: follows('decisions', 'decision_id') },
  { table: 'objections', key: id, scope: `t.decision_id IN (${decisionsOfTeam})`, merge: follows('decisions', 'decision_id') },
  { table: 'commitments', key: id, scope: 't.team_id = :team', merge: history },
  {
    table: 'commitment_events',
    key: id,
    scope: 't.commitment_id IN (SELECT id FROM commitments WHERE team_id = :team)',
    merge: history,
  },
  {
    // Amendments point at their entity by type and id; a new amendable entity adds its type here.
    table: 'amendments',
    key: id,
    scope: `(t.entity_type = 'meeting' AND t.entity_id IN (${meetingsOfTeam})) OR (t.entity_type = 'decision' AND t.entity_id IN (${decisionsOfTeam}))`,
    merge: history,
  },
  // A named rating is replaced in place with a new `at`; an anonymous one (no `at`) is never changed.
  {
    table: 'meeting_feedback',
    key: ['meeting_id', 'id'],
    scope: `t.meeting_id IN (${meetingsOfTeam})`,
    merge: { kind: 'newer', column: 'at' },
  },
  { table: 'agreement_versions', key: id, scope: 't.team_id = :team', merge: history },
  {
    table: 'agreement_revisits',
    key: id,
    scope: 't.version_id IN (SELECT id FROM agreement_versions WHERE team_id = :team)',
    merge: history,
  },
  { table: 'agreement_on_projector', key: ['meeting_id'], scope: `t.meeting_id IN (${meetingsOfTeam})`, merge: newer },
  { table: 'roles', key: id, scope: 't.team_id = :team', merge: newer },
  { table: 'role_events', key: id, scope: 't.role_id IN (SELECT id FROM roles WHERE team_id = :team)', merge: history },
];
