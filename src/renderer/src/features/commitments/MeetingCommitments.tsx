import type { MeetingDetail } from '@shared/planning';
import { useFormat } from '@renderer/app/settings-context';
import { CommitmentLine, eventText } from './CommitmentLine';

/** On a meeting's record: what was promised in it, and what its review recorded. */
export function MeetingCommitments({ detail }: { detail: MeetingDetail }) {
  const { made, review } = detail.commitments;
  const { datesIn } = useFormat();
  const reviewed = review
    .map((c) => ({ c, here: c.events.filter((e) => e.meetingId === detail.meeting.id && e.kind !== 'created') }))
    .filter((x) => x.here.length > 0);
  if (made.length === 0 && reviewed.length === 0) return null;
  return (
    <section className="meeting-decisions" aria-labelledby="meeting-commitments-heading">
      <div className="section-head">
        <h2 id="meeting-commitments-heading">Commitments</h2>
      </div>
      {made.length > 0 && (
        <>
          <h3 className="subhead">Made in this meeting</h3>
          <ul className="commitment-list" aria-label="Made in this meeting">
            {made.map((c) => (
              <li key={c.id}>
                <CommitmentLine commitment={c} />
              </li>
            ))}
          </ul>
        </>
      )}
      {reviewed.length > 0 && (
        <>
          <h3 className="subhead">Reviewed in this meeting</h3>
          <ul className="commitment-list" aria-label="Reviewed in this meeting">
            {reviewed.map(({ c, here }) => (
              <li key={c.id}>
                <CommitmentLine commitment={c} />
                {/* A new date reads in the app's date style, as on the review and the projector (eventText keeps ISO). */}
                <p className="muted-note board-last">{datesIn(here.map(eventText).join(' · '))}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
