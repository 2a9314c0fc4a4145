import { STANCES } from '@shared/decisions';
import type { MeetingDetail } from '@shared/planning';
import { membersInRoom, projectedProposal } from './in-room';
import { StanceChip } from './StatusBadge';

/**
 * What the room reads during a proposal (its title is the page's heading): the question, the options weighed, where
 * everyone stands, then the read-back to confirm.
 */
export function ProjectorDecision({ detail, itemId }: { detail: MeetingDetail; itemId: string }) {
  const d = projectedProposal(detail, itemId);
  if (!d) return null;
  if (d.status === 'accepted' || (d.status === 'proposed' && d.readbackAt !== null)) {
    const confirmed = d.status === 'accepted';
    return (
      <section className={`projector-readback${confirmed ? ' is-confirmed' : ''}`} aria-label={confirmed ? 'Decided' : 'Read-back'}>
        <span className="projector-label">{confirmed ? 'Decided' : 'Read-back: does the room confirm?'}</span>
        <p className="readback-decision">{d.decision}</p>
        {d.rationale && (
          <p className="readback-rationale">
            <span className="readback-why">Why</span>
            {d.rationale}
          </p>
        )}
        <dl className="readback-facts">
          {d.chosenOption && (
            <div>
              <dt>Chosen option</dt>
              <dd>{d.chosenOption}</dd>
            </div>
          )}
          <div>
            <dt>Owner</dt>
            <dd>{d.ownerName ?? '—'}</dd>
          </div>
          {d.decisionRight && (
            <div>
              <dt>Decision right</dt>
              <dd>{d.decisionRight}</dd>
            </div>
          )}
          <div>
            <dt>Review</dt>
            <dd>{d.reviewDate ?? 'none set'}</dd>
          </div>
        </dl>
      </section>
    );
  }
  const stances = new Map(d.positions.map((p) => [p.memberId, p]));
  const open = d.objections.filter((o) => o.resolution === null);
  return (
    <section className="projector-proposal" aria-label="Proposal">
      {d.question && <p className="projector-question">{d.question}</p>}
      {d.decision && <p className="projector-proposal-text">{d.decision}</p>}
      {d.options.length > 0 && (
        <ol className="projector-options" aria-label="Options considered">
          {d.options.map((o, i) => (
            <li key={i}>
              <strong>{o.title}</strong>
              {o.pros && <span className="pro">+ {o.pros}</span>}
              {o.cons && <span className="con">− {o.cons}</span>}
            </li>
          ))}
        </ol>
      )}
      <ul className="projector-positions" aria-label="Positions">
        {membersInRoom(detail).map((m) => {
          const p = stances.get(m.memberId);
          return (
            <li key={m.memberId}>
              <span>{m.name}</span>
              {p ? <StanceChip stance={p.stance} /> : <span className="stance-chip sc-none">…</span>}
            </li>
          );
        })}
      </ul>
      <p className="projector-tally">
        {STANCES.map((s) => `${d.positions.filter((p) => p.stance === s.stance).length} ${s.label.toLowerCase()}`).join(' · ')}
      </p>
      {open.length > 0 && (
        <ul className="projector-objections" aria-label="Open objections">
          {open.map((o) => (
            <li key={o.id}>
              <strong>{o.memberName}</strong> <StanceChip stance={o.stance} /> {o.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
