import type { MeetingFeedback } from '@shared/feedback';
import { complete, one } from './feedback-model';

/** The room sees progress, and the average only once everyone has rated; never who gave what. */
export function ProjectorCheckout({ feedback }: { feedback: MeetingFeedback }) {
  const done = complete(feedback);
  const sentences = done ? feedback.entries.map((e) => e.better).filter(Boolean) : [];
  return (
    <section className="projector-checkout" aria-label="Check-out ratings">
      <p className="projector-checkout-progress">
        <span className="projector-label">Rated</span>
        <strong>
          {feedback.count} of {feedback.expected}
        </strong>
      </p>
      {done && feedback.average !== null ? (
        <p className="projector-checkout-average">
          <span className="projector-label">Average</span>
          <strong>{one(feedback.average)}</strong>
        </p>
      ) : (
        <p className="projector-checkout-wait">The average shows once everyone has rated.</p>
      )}
      {sentences.length > 0 && (
        <ul className="projector-checkout-better" aria-label="What would make the next meeting better">
          {sentences.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
