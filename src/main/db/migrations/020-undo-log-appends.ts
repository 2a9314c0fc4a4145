/**
 * FROZEN once shipped. The undo log (live_actions) is written by every live action; measured page by page (issue
 * 14.1), keyed by its id WITHOUT ROWID (migration 019) it cost more than its row: a WITHOUT ROWID table is an index
 * b-tree, and an index b-tree that fills its last page splits it in two half-full pages, rewriting the page before it
 * and their parent too, so with rows of some 500 bytes (a move's snapshot) every fifth action or so wrote four pages.
 * A rowid table appends: a full last page stays as it is and the next row starts a new one. So the log is a rowid table
 * again, and the index it is read by, a meeting's actions in id order, is what keeps its id unique (a meeting's; ids
 * are UUIDs): a live action writes its row and that index entry, about 2.3 pages where it wrote 3.4 (a next/previous).
 * Its rows are found by (meeting, id) everywhere, so no index on the id alone is needed.
 */
import { MARKS, triggers } from './017-sync-changes';

export const version = 20;
export const name = 'undo log appends';

const GUARD = ' WHEN EXISTS (SELECT 1 FROM sync_merged)';

export const sql = `
CREATE TABLE live_actions_020 (
  id TEXT NOT NULL,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  before_json TEXT NOT NULL,
  at INTEGER NOT NULL,
  undone_at INTEGER
) STRICT;
INSERT INTO live_actions_020 (id, meeting_id, kind, label, before_json, at, undone_at)
  SELECT id, meeting_id, kind, label, before_json, at, undone_at FROM live_actions ORDER BY id;
DROP TABLE live_actions;
ALTER TABLE live_actions_020 RENAME TO live_actions;
CREATE UNIQUE INDEX live_actions_by_meeting ON live_actions(meeting_id, id);
${MARKS.filter(([table]) => table === 'live_actions')
  .map((entry) => triggers(entry, GUARD))
  .join('\n')}
`;
