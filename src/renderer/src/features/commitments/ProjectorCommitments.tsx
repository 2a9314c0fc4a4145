import { STATUS_LABELS } from '@shared/commitments';
import type { MeetingDetail } from '@shared/planning';
import { eventText } from './CommitmentLine';
import { Recognition } from './Recognition';

/** The room sees commitments appear as they are made, each review outcome as it is recorded, and what was done. */
export function ProjectorCommitments({ detail, itemId, kind }: { detail: MeetingDetail; itemId: string; kind: string }) {
  if (kind === 'recognition') return <Recognition done={detail.commitments.doneSinceLast} large />;
  if (kind === 'commitment_review') {
    const meetingId = detail.meeting.id;
    const withOutcome = detail.commitments.review
      .map((c) => ({ c, last: [...c.events].reverse().find((e) => e.meetingId === meetingId && e.kind !== 'created') }))
      // Ids are time-ordered (UUIDv7): they break ties between outcomes recorded in the same millisecond.
      .sort((a, b) => (b.last?.at ?? 0) - (a.last?.at ?? 0) || (b.last?.id ?? '').localeCompare(a.last?.id ?? ''));
    const latest = withOutcome[0]?.last ? withOutcome[0] : null;
    return (
      <section className="projector-commitments" aria-label="Commitment review">
        {latest && (
          <section className="projector-latest" aria-label="Just recorded">
            <span className="projector-label">Just recorded</span>
            <p className="projector-commitment">
              <strong>{latest.c.ownerName}</strong> {latest.c.outcome}
            </p>
            <p className="projector-outcome">{eventText(latest.last!)}</p>
          </section>
        )}
        <ul className="projector-commitment-list" aria-label="Commitments under review">
          {withOutcome
            .sort((a, b) => detail.commitments.review.indexOf(a.c) - detail.commitments.review.indexOf(b.c))
            .map(({ c, last }) => (
              <li key={c.id}>
                <span className="pc-owner">{c.ownerName}</span>
                <span className="pc-outcome">{c.outcome}</span>
                <span className={`badge cst-${last ? c.status : 'pending'}`}>{last ? STATUS_LABELS[c.status] : `due ${c.dueDate}`}</span>
              </li>
            ))}
        </ul>
      </section>
    );
  }
  const made = detail.commitments.made.filter((c) => c.agendaItemId === itemId);
  if (made.length === 0) return null;
  return (
    <section className="projector-commitments" aria-label="Commitments made">
      <span className="projector-label">Commitments</span>
      <ul className="projector-commitment-list">
        {made.map((c) => (
          <li key={c.id}>
            <span className="pc-owner">{c.ownerName}</span>
            <span className="pc-outcome">{c.outcome}</span>
            <span className="badge">due {c.dueDate}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
