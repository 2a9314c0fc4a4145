import type { CommitmentEvent, CommitmentStatus } from '@shared/commitments';
import type { CommitmentEventRecord, CommitmentRecord } from '../../db/repositories/commitments-repository';

/** The event as the contract shows it: ids used only to derive the state stay behind. */
export function toEvent({ commitmentId: _commitment, newOwnerId: _owner, ...event }: CommitmentEventRecord): CommitmentEvent {
  return event;
}

/** What the events add up to: the status is the latest status-bearing event; dates and owner follow their events. */
export function derive(
  row: CommitmentRecord,
  events: CommitmentEventRecord[],
): { status: CommitmentStatus; dueDate: string; ownerId: string } {
  let status: CommitmentStatus = 'open';
  let dueDate = row.originalDueDate;
  let ownerId = row.ownerId;
  for (const e of events) {
    if (e.kind === 'done') status = 'done';
    else if (e.kind === 'dropped') status = 'dropped';
    else if (e.kind === 'status' && e.status) status = e.status;
    // Renegotiated and slipped are events, not end states: the commitment is open again.
    else if (e.kind === 'renegotiated' || e.kind === 'slipped') status = 'open';
    if (e.kind === 'renegotiated' && e.newDueDate) dueDate = e.newDueDate;
    if (e.kind === 'reassigned' && e.newOwnerId) ownerId = e.newOwnerId;
  }
  return { status, dueDate, ownerId };
}
