/**
 * FROZEN once shipped. Which aggregates (files of the sync tree: a meeting with its agenda, turns and ratings; a
 * decision with its positions; ...) of each linked team changed since its last merge, so a sync re-reads those
 * rather than every row of a ten-year team (issue 19). Triggers write it, so no write path can forget it:
 * - one mark per aggregate, not per write (INSERT OR IGNORE on its key): the many writes of a live meeting add one
 *   small row at its first write and no page after that;
 * - only for teams a sync has merged (`sync_merged`, until the team is unlinked or linked again): any other team's
 *   writes pay one lookup and write nothing;
 * - a row whose team cannot be found (its parent not written yet, in a transaction that defers foreign keys) marks
 *   nothing: the archive import and the sync write parents before children.
 * `sync_merged` names each team's last merge, whose state the process that made it keeps in memory: a merge made
 * elsewhere (another thread, a restored backup) leaves another id, a link made again none, and the next sync reads
 * every row.
 */
export const version = 17;
export const name = 'sync changes';

/** table, folder of its file, the file's id, the team (SQL over the row `R`, which is NEW or OLD). Migration 019 adds a guard to each. */
export const MARKS: readonly [string, string, string, string][] = [
  ['teams', 'team', 'R.id', 'R.id'],
  ['members', 'members', 'R.id', 'R.team_id'],
  ['member_events', 'members', 'R.member_id', '(SELECT team_id FROM members WHERE id = R.member_id)'],
  ['agenda_templates', 'templates', 'R.id', 'R.team_id'],
  ['agenda_template_items', 'templates', 'R.template_id', '(SELECT team_id FROM agenda_templates WHERE id = R.template_id)'],
  ['meeting_series', 'series', 'R.id', 'R.team_id'],
  ['meetings', 'meetings', 'R.id', 'R.team_id'],
  ['attendees', 'meetings', 'R.meeting_id', '(SELECT team_id FROM meetings WHERE id = R.meeting_id)'],
  ['agenda_items', 'meetings', 'R.meeting_id', '(SELECT team_id FROM meetings WHERE id = R.meeting_id)'],
  [
    'turns',
    'meetings',
    '(SELECT meeting_id FROM agenda_items WHERE id = R.agenda_item_id)',
    '(SELECT m.team_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = R.agenda_item_id)',
  ],
  ['live_actions', 'meetings', 'R.meeting_id', '(SELECT team_id FROM meetings WHERE id = R.meeting_id)'],
  ['parking_lot_items', 'parking-lot', 'R.id', 'R.team_id'],
  ['old_business', 'meetings', 'R.meeting_id', '(SELECT team_id FROM meetings WHERE id = R.meeting_id)'],
  ['decisions', 'decisions', 'R.id', 'R.team_id'],
  ['decision_tags', 'decisions', 'R.decision_id', '(SELECT team_id FROM decisions WHERE id = R.decision_id)'],
  ['positions', 'decisions', 'R.decision_id', '(SELECT team_id FROM decisions WHERE id = R.decision_id)'],
  ['objections', 'decisions', 'R.decision_id', '(SELECT team_id FROM decisions WHERE id = R.decision_id)'],
  ['commitments', 'commitments', 'R.id', 'R.team_id'],
  ['commitment_events', 'commitments', 'R.commitment_id', '(SELECT team_id FROM commitments WHERE id = R.commitment_id)'],
  [
    'amendments',
    "CASE R.entity_type WHEN 'meeting' THEN 'meetings' ELSE 'decisions' END",
    'R.entity_id',
    "CASE R.entity_type WHEN 'meeting' THEN (SELECT team_id FROM meetings WHERE id = R.entity_id) ELSE (SELECT team_id FROM decisions WHERE id = R.entity_id) END",
  ],
  ['meeting_feedback', 'meetings', 'R.meeting_id', '(SELECT team_id FROM meetings WHERE id = R.meeting_id)'],
  ['agreement_versions', 'agreements', 'R.id', 'R.team_id'],
  ['agreement_revisits', 'agreements', 'R.version_id', '(SELECT team_id FROM agreement_versions WHERE id = R.version_id)'],
  ['agreement_on_projector', 'meetings', 'R.meeting_id', '(SELECT team_id FROM meetings WHERE id = R.meeting_id)'],
  ['roles', 'roles', 'R.id', 'R.team_id'],
  ['role_events', 'roles', 'R.role_id', '(SELECT team_id FROM roles WHERE id = R.role_id)'],
];

const folderSql = (folder: string) => (folder.startsWith('CASE') ? folder : `'${folder}'`);

function mark(row: 'NEW' | 'OLD', [, folder, id, team]: (typeof MARKS)[number]): string {
  const over = (sql: string) => sql.replace(/\bR\./g, `${row}.`);
  return `INSERT OR IGNORE INTO sync_changes (team_id, folder, id)
    SELECT team, folder, id FROM (SELECT ${over(team)} AS team, ${over(folderSql(folder))} AS folder, ${over(id)} AS id)
    WHERE id IS NOT NULL AND team IN (SELECT team_id FROM sync_merged);`;
}

/** The three triggers of one table; `when` (a WHEN clause with its leading space) guards each, as migration 019 does. */
export function triggers(entry: (typeof MARKS)[number], when = ''): string {
  const table = entry[0];
  return `
CREATE TRIGGER sync_changes_${table}_insert AFTER INSERT ON ${table}${when} BEGIN
  ${mark('NEW', entry)}
END;
CREATE TRIGGER sync_changes_${table}_update AFTER UPDATE ON ${table}${when} BEGIN
  ${mark('OLD', entry)}
  ${mark('NEW', entry)}
END;
CREATE TRIGGER sync_changes_${table}_delete AFTER DELETE ON ${table}${when} BEGIN
  ${mark('OLD', entry)}
END;`;
}

export const sql = `
CREATE TABLE sync_changes (
  team_id TEXT NOT NULL,
  folder TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (team_id, folder, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_merged (
  team_id TEXT PRIMARY KEY,
  merge_id TEXT NOT NULL
) STRICT;

CREATE TRIGGER sync_changes_linked AFTER INSERT ON sync_links BEGIN
  DELETE FROM sync_merged WHERE team_id = NEW.team_id;
  DELETE FROM sync_changes WHERE team_id = NEW.team_id;
END;
CREATE TRIGGER sync_changes_relinked AFTER UPDATE ON sync_links WHEN OLD.url IS NOT NEW.url OR OLD.linked_at IS NOT NEW.linked_at BEGIN
  DELETE FROM sync_merged WHERE team_id = NEW.team_id;
  DELETE FROM sync_changes WHERE team_id = NEW.team_id;
END;
CREATE TRIGGER sync_changes_unlinked AFTER DELETE ON sync_links BEGIN
  DELETE FROM sync_merged WHERE team_id = OLD.team_id;
  DELETE FROM sync_changes WHERE team_id = OLD.team_id;
END;
${MARKS.map((entry) => triggers(entry)).join('\n')}
`;
