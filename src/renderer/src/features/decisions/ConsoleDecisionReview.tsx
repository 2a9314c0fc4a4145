import type { MeetingDetail } from '@shared/planning';
import { href } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';
import { decisionsDueInItem } from '../live/due-in-item';
import { ReviewForm } from './ReviewForm';

/**
 * In the item where old business put them ("Decisions due for review"), the accepted decisions whose review date has
 * come: each with its record a click away and its review recorded here, in the room. Without this the item showed
 * nothing of them, and the minutes carried them on as still open.
 */
export function ConsoleDecisionReview({ detail, itemId, isReviewItem }: { detail: MeetingDetail; itemId: string; isReviewItem: boolean }) {
  const { datesIn } = useFormat();
  const due = decisionsDueInItem(detail, itemId);
  if (due.length === 0) return isReviewItem ? <p className="muted-note">No decision is due for review.</p> : null;
  return (
    <section className="console-decision-review" aria-label="Decisions to review">
      <ul className="console-review-decisions">
        {due.map((o) => (
          <li key={o.id}>
            <div className="console-review-head">
              <a href={href({ name: 'decision', decisionId: o.refId })}>{o.title}</a>
              <span className="muted-note">{datesIn(o.detail)}</span>
              {!o.open && <span className="badge">Reviewed</span>}
            </div>
            {o.open && <ReviewForm decisionId={o.refId} label={`Review of ${o.title}`} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The same on the projector: what the room is reviewing, in big type. */
export function ProjectorDecisionReview({ detail, itemId }: { detail: MeetingDetail; itemId: string }) {
  const { datesIn } = useFormat();
  const due = decisionsDueInItem(detail, itemId);
  if (due.length === 0) return null;
  return (
    <ul className="projector-review-decisions" aria-label="Decisions to review">
      {due.map((o) => (
        <li key={o.id}>
          <span className="projector-review-title">{o.title}</span>
          <span className="projector-review-detail">{o.open ? datesIn(o.detail) : 'Reviewed: it stands'}</span>
        </li>
      ))}
    </ul>
  );
}
