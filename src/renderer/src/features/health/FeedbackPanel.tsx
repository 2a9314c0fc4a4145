import type { MeetingDetail } from '@shared/planning';
import { CheckoutRound } from './CheckoutRound';
import { one } from './feedback-model';

/** The meeting record's check-out ratings; for a day after the end, those who missed the round can still rate. */
export function FeedbackPanel({ detail }: { detail: MeetingDetail }) {
  const f = detail.feedback;
  const open = detail.meeting.status === 'ended' && f.openUntil !== null && detail.serverNow <= f.openUntil && f.count < f.expected;
  return (
    <section className="card feedback-panel" aria-labelledby="feedback-heading">
      <div className="section-head">
        <h2 id="feedback-heading">Check-out ratings</h2>
        <span className="badge">
          {f.count} of {f.expected}
          {f.average !== null ? ` · average ${one(f.average)}` : ''}
        </span>
      </div>
      {f.count === 0 && <p className="muted-note">Nobody has rated this meeting.</p>}
      {f.namesWithheld && (
        <p className="muted-note">Some ratings were given anonymously, so none is shown with a name (names would tell who gave them).</p>
      )}
      <ul className={`feedback-list${f.namesWithheld ? ' is-unnamed' : ''}`} aria-label="Ratings given">
        {f.entries.map((e, i) => (
          <li key={e.attendeeId ?? `anonymous-${i}`}>
            {e.memberName !== null && <span>{e.memberName}</span>}
            <strong className="rating-chip">{e.rating}</strong>
            {e.better && <span className="go-round-reason">“{e.better}”</span>}
          </li>
        ))}
      </ul>
      {open && (
        <details className="feedback-late">
          <summary>Rate now, for anyone who missed the round (open for 24 hours after the end)</summary>
          <CheckoutRound detail={detail} />
        </details>
      )}
    </section>
  );
}
