import type { Amendment } from '@shared/planning';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';

/** Keeps a change of a decision in its history: what each field held and holds now, why or where, and when. */
export function keepInHistory(repos: Repositories, clock: Clock, decisionId: string, reason: string, changes: Amendment['changes']): void {
  repos.meetings.insertAmendment({ id: uuidv7(clock), entityType: 'decision', entityId: decisionId, reason, changes, at: clock.now() });
}
