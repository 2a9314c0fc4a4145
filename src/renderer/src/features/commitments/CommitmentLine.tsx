import { useFormat } from '@renderer/app/settings-context';
import { rootCauseLabel, STATUS_LABELS, type Commitment, type CommitmentEvent } from '@shared/commitments';

/** One event as the history reads it. */
export function eventText(e: CommitmentEvent): string {
  switch (e.kind) {
    case 'created':
      return e.reason ?? 'Committed';
    case 'done':
      return 'Done';
    case 'dropped':
      return `Dropped: ${e.reason ?? ''}`;
    case 'status':
      return `${STATUS_LABELS[e.status ?? 'open']}${e.reason ? `: ${e.reason}` : ''}`;
    case 'renegotiated':
      // Said as what happened ("renegotiated in advance" is the follow-through figure's name, not a member's words).
      return `New date agreed ${e.inAdvance ? 'before it was due' : 'after it was due'}: ${e.oldDueDate} → ${e.newDueDate}.${e.reason ? ` ${e.reason}` : ''}`;
    case 'slipped':
      return `Slipped (${e.rootCause ? rootCauseLabel(e.rootCause).toLowerCase() : 'cause not given'})${e.reason ? `: ${e.reason}` : ''}. Corrective action: ${e.correctiveAction ?? ''}`;
    case 'reassigned':
      return `Handed over to ${e.newOwnerName ?? 'someone else'}${e.reason ? `: ${e.reason}` : ''}`;
  }
}

export function StatusChip({ commitment: c }: { commitment: Commitment }) {
  return <span className={`badge cst-${c.status}`}>{STATUS_LABELS[c.status]}</span>;
}

/** A commitment in a list: who, what done looks like, by when, and where it stands. */
export function CommitmentLine({ commitment: c, showTeam = false }: { commitment: Commitment; showTeam?: boolean }) {
  const { day } = useFormat();
  return (
    <div className={`commitment-line${c.overdue ? ' is-overdue' : ''}`}>
      <div className="commitment-main">
        <strong className="commitment-owner">{c.ownerName}</strong>
        <span className="commitment-outcome">{c.outcome}</span>
      </div>
      <div className="commitment-meta">
        <StatusChip commitment={c} />
        <span>
          due {day(c.dueDate)}
          {c.dueDate !== c.originalDueDate && <span className="muted-note"> (first due {day(c.originalDueDate)})</span>}
        </span>
        {c.overdue && <span className="badge badge-warn">Overdue</span>}
        {c.needsReassignment && <span className="badge badge-danger">Owner has left: reassign</span>}
        {showTeam && <span className="muted-note">{c.teamName}</span>}
      </div>
    </div>
  );
}
