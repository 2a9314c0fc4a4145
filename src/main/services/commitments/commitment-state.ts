import type { CommitmentEvent, CommitmentStatus } from '@shared/commitments';
import type { CommitmentEventRow, CommitmentRow } from '../../db/repositories/commitments-repository';

export function toEvent(row: CommitmentEventRow): CommitmentEvent {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    at: row.at,
    meetingId: row.meeting_id,
    oldDueDate: row.old_due_date,
    newDueDate: row.new_due_date,
    reason: row.reason,
    rootCause: row.root_cause,
    correctiveAction: row.corrective_action,
    correctiveCommitmentId: row.corrective_commitment_id,
    newOwnerName: row.new_owner_name,
    inAdvance: row.in_advance === null ? null : row.in_advance === 1,
  };
}

/** What the events add up to: the status is the latest status-bearing event; dates and owner follow their events. */
export function derive(row: CommitmentRow, events: CommitmentEventRow[]): { status: CommitmentStatus; dueDate: string; ownerId: string } {
  let status: CommitmentStatus = 'open';
  let dueDate = row.original_due_date;
  let ownerId = row.owner_id;
  for (const e of events) {
    if (e.kind === 'done') status = 'done';
    else if (e.kind === 'dropped') status = 'dropped';
    else if (e.kind === 'status' && e.status) status = e.status;
    // Renegotiated and slipped are events, not end states: the commitment is open again.
    else if (e.kind === 'renegotiated' || e.kind === 'slipped') status = 'open';
    if (e.kind === 'renegotiated' && e.new_due_date) dueDate = e.new_due_date;
    if (e.kind === 'reassigned' && e.new_owner_id) ownerId = e.new_owner_id;
  }
  return { status, dueDate, ownerId };
}
