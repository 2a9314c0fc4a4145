import type { ArchiveRow } from '../../db/repositories/archive-repository';
import { toZoned } from '../planning/zoned-time';
import { AGGREGATE_PATH, TEAM_PATH } from './tree-layout';

const FOLDER_WORDS: Record<string, [string, string]> = {
  decisions: ['decision', 'decisions'],
  commitments: ['commitment', 'commitments'],
  members: ['member', 'members'],
  series: ['series', 'series'],
  templates: ['template', 'templates'],
  'parking-lot': ['parking-lot item', 'parking-lot items'],
  agreements: ['agreement version', 'agreement versions'],
  roles: ['role', 'roles'],
};
const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
const MEETINGS_NAMED = 3;

/**
 * The commit message for what this laptop sends: each meeting it changed by title, day and state
 * ("Monday accountability, 2026-11-30: ended"), then how many decisions, commitments and so on.
 */
export function describeChanges(
  changedFiles: ReadonlySet<string>,
  meetingOf: (id: string) => ArchiveRow | undefined,
  timeZone: string,
  incoming: number,
  conflicts: number,
): string {
  const meetings: string[] = [];
  const folders = new Map<string, number>();
  for (const path of [...changedFiles].sort()) {
    if (path === TEAM_PATH) {
      folders.set('team', 1);
      continue;
    }
    const [, folder, id] = AGGREGATE_PATH.exec(path) ?? [];
    if (!folder || !id) continue;
    if (folder !== 'meetings') folders.set(folder, (folders.get(folder) ?? 0) + 1);
    else {
      const m = meetingOf(id);
      if (!m) continue;
      const when = Number(m.ended_at ?? m.started_at ?? m.scheduled_start ?? m.created_at);
      meetings.push(`${String(m.title)}, ${toZoned(when, timeZone).date}: ${String(m.status)}`);
    }
  }
  const parts = meetings.slice(0, MEETINGS_NAMED);
  if (meetings.length > MEETINGS_NAMED) parts.push(`${meetings.length - MEETINGS_NAMED} more meetings`);
  for (const [folder, words] of Object.entries(FOLDER_WORDS)) {
    const n = folders.get(folder);
    if (n) parts.push(count(n, words));
  }
  if (folders.has('team')) parts.push('team details');
  if (parts.length === 0) parts.push(incoming > 0 ? `Merged ${count(incoming, ['change', 'changes'])} from other laptops` : 'No changes');
  if (conflicts > 0) parts.push(count(conflicts, ['conflict', 'conflicts']));
  return parts.join('; ');
}
