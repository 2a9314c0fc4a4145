import type { Amendment } from '@shared/planning';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { DecisionRecord } from '../../db/repositories/decisions-repository';

/** Keeps a change of a decision in its history: what each field held and holds now, why or where, and when. */
export function keepInHistory(repos: Repositories, clock: Clock, decisionId: string, reason: string, changes: Amendment['changes']): void {
  repos.meetings.insertAmendment({ id: uuidv7(clock), entityType: 'decision', entityId: decisionId, reason, changes, at: clock.now() });
}

/** A change of status in the room, kept in the decision's history with when and where it happened. */
export function keepStatus(repos: Repositories, clock: Clock, row: DecisionRecord, to: string, reason: string): void {
  keepInHistory(repos, clock, row.id, reason, [{ field: 'Status', from: row.status, to }]);
}

/** Whether the decision's history already tells of a change of status (a deferral, a reopen, a taking up again). */
export function hasStatusHistory(repos: Repositories, decisionId: string): boolean {
  return repos.meetings.amendments('decision', decisionId).some((a) => a.changes.some((c) => c.field === 'Status'));
}
