import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { ARCHIVE_TABLES } from '../../db/repositories/archive-tables';
import { keyOf, type Candidates, type TableRows } from './team-state';

const MEETINGS = ARCHIVE_TABLES.find((spec) => spec.table === 'meetings')!;
const meetingKey = (id: ArchiveRow[string] | undefined) => keyOf(MEETINGS, { id: id ?? null });

/**
 * The database keeps the undo log of live meetings alone (migration 023: ending a meeting deletes its steps), and a
 * merge does the same to the merged rows: a step of a meeting the merge leaves not live is dropped, whether it comes
 * from a laptop that has not ended the meeting yet (or merged from an older base) or from a Cadence before version 23,
 * which kept every meeting's steps. Otherwise the merge would bring back what ending took out, and the log would fill
 * again. Looks at the steps the merge looked at and at the steps of the meetings it looked at (every one when `only`
 * is null); returns the keys of the steps it dropped, which the write then takes out of the database.
 */
export function dropStepsOfMeetingsNotLive(tables: ReadonlyMap<string, TableRows>, only: Candidates): string[] {
  const meetings = tables.get('meetings')!;
  const steps = tables.get('live_actions')!;
  const notLive = (meetingId: ArchiveRow[string] | undefined) => meetings.get(meetingKey(meetingId))?.row.status !== 'live';
  const wanted = new Set<string>(only ? (only.get('live_actions') ?? []) : steps.keys());
  const meetingsLooked = only?.get('meetings');
  if (meetingsLooked && meetingsLooked.size > 0)
    for (const [key, { row }] of steps) if (meetingsLooked.has(meetingKey(row.meeting_id))) wanted.add(key);
  const dropped: string[] = [];
  for (const key of [...wanted].sort()) {
    const step = steps.get(key);
    if (!step || !notLive(step.row.meeting_id)) continue;
    steps.delete(key);
    dropped.push(key);
  }
  return dropped;
}
