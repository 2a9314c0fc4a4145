import { useState } from 'react';
import { ROOT_CAUSES, type Commitment, type ReviewOutcome, type RootCause } from '@shared/commitments';
import type { Member } from '@shared/domain';
import { hasWords } from '@shared/validation';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MemberSelect } from '@renderer/ui/pickers';
import { CommitmentLine, eventText } from './CommitmentLine';
import { ReassignForm } from './ReassignForm';

const OUTCOMES: { outcome: ReviewOutcome; label: string }[] = [
  { outcome: 'done', label: 'Done' },
  { outcome: 'on_track', label: 'On track' },
  { outcome: 'at_risk', label: 'At risk' },
  { outcome: 'slipped', label: 'Slipped' },
  { outcome: 'renegotiated', label: 'Renegotiate' },
  { outcome: 'dropped', label: 'Dropped' },
];

function OutcomeForm({
  commitment,
  meetingId,
  members,
  onRecorded,
}: {
  commitment: Commitment;
  meetingId: string;
  members: Member[];
  onRecorded: () => void;
}) {
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const [reason, setReason] = useState('');
  const [newDueDate, setNewDueDate] = useState('');
  const [rootCause, setRootCause] = useState<RootCause | ''>('');
  const [corrective, setCorrective] = useState('');
  const [asCommitment, setAsCommitment] = useState(true);
  const [correctiveOwner, setCorrectiveOwner] = useState(commitment.ownerId);
  const [correctiveDue, setCorrectiveDue] = useState('');
  const action = useMutation();
  const needsForm = outcome !== null && outcome !== 'done' && outcome !== 'on_track';
  const ready =
    outcome === 'done' ||
    outcome === 'on_track' ||
    ((outcome === 'at_risk' || outcome === 'dropped') && hasWords(reason)) ||
    (outcome === 'renegotiated' && !!newDueDate && hasWords(reason)) ||
    (outcome === 'slipped' && !!rootCause && hasWords(corrective) && (!asCommitment || (!!correctiveOwner && !!correctiveDue)));

  async function save(chosen: ReviewOutcome) {
    const done = await action.run('commitments.record', {
      commitmentId: commitment.id,
      meetingId,
      outcome: chosen,
      reason: reason.trim() ? reason : null,
      newDueDate: chosen === 'renegotiated' ? newDueDate : null,
      rootCause: chosen === 'slipped' && rootCause ? rootCause : null,
      correctiveAction: chosen === 'slipped' ? corrective : null,
      corrective: chosen === 'slipped' && asCommitment ? { ownerId: correctiveOwner, dueDate: correctiveDue } : null,
      confirmPastDue: true,
    });
    if (done) onRecorded();
  }

  return (
    <div className="outcome-form">
      <div className="resolve-choices" role="group" aria-label="Outcome">
        {OUTCOMES.map((o) => (
          <button
            key={o.outcome}
            type="button"
            className={`btn${outcome === o.outcome ? ' is-on' : ''}${o.outcome === 'done' ? ' btn-primary' : ''}`}
            onClick={() => {
              setOutcome(o.outcome);
              if (o.outcome === 'done' || o.outcome === 'on_track') void save(o.outcome);
            }}
            disabled={action.pending}
          >
            {o.label}
          </button>
        ))}
      </div>
      {needsForm && (
        <form
          className="resolve-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) void save(outcome);
          }}
        >
          {outcome === 'renegotiated' && (
            <label className="field">
              <span>New due date</span>
              <input className="input" type="date" value={newDueDate} onChange={(e) => setNewDueDate(e.target.value)} autoFocus />
            </label>
          )}
          {outcome === 'slipped' && (
            <>
              <label className="field">
                <span>Root cause</span>
                <select
                  className="input"
                  value={rootCause}
                  onChange={(e) => setRootCause(e.target.value as RootCause)}
                  aria-label="Root cause"
                  autoFocus
                >
                  <option value="">Choose…</option>
                  {ROOT_CAUSES.map((c) => (
                    <option key={c.cause} value={c.cause}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>Corrective action</span>
                <input className="input" value={corrective} onChange={(e) => setCorrective(e.target.value)} />
              </label>
              <label className="check">
                <input type="checkbox" checked={asCommitment} onChange={(e) => setAsCommitment(e.target.checked)} /> Make the corrective
                action a new commitment
              </label>
              {asCommitment && (
                <div className="inline-fields">
                  <label className="field">
                    <span>Owner of the corrective action</span>
                    <MemberSelect
                      value={correctiveOwner}
                      onChange={setCorrectiveOwner}
                      members={members}
                      noneLabel="Choose"
                      label="Owner of the corrective action"
                    />
                  </label>
                  <label className="field">
                    <span>Corrective action due</span>
                    <input className="input" type="date" value={correctiveDue} onChange={(e) => setCorrectiveDue(e.target.value)} />
                  </label>
                </div>
              )}
            </>
          )}
          <label className="field">
            <span>
              {outcome === 'at_risk'
                ? 'What help is needed'
                : outcome === 'dropped'
                  ? 'Why it is dropped'
                  : outcome === 'renegotiated'
                    ? 'Reason for the new date'
                    : 'What happened (optional)'}
            </span>
            <input
              className="input"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoFocus={outcome === 'at_risk' || outcome === 'dropped'}
            />
          </label>
          <div className="form-actions">
            <button className="btn btn-primary" type="submit" disabled={!ready || action.pending}>
              Record
            </button>
            <button className="btn btn-ghost" type="button" onClick={() => setOutcome(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={action.error} />
    </div>
  );
}

/**
 * The commitment review: one commitment at a time, owner by owner, those due by today first.
 * Each outcome is an event; what was recorded in this meeting stays visible in the list.
 */
export function ReviewWalk({ meetingId, review, members }: { meetingId: string; review: Commitment[]; members: Member[] }) {
  const recordedHere = (c: Commitment) => c.events.some((e) => e.meetingId === meetingId && e.kind !== 'created');
  // Followed by id, so a list that reorders after an outcome keeps the facilitator's place.
  const [currentId, setCurrentId] = useState<string | null>(() => (review.find((c) => !recordedHere(c)) ?? review[0])?.id ?? null);
  const found = review.findIndex((c) => c.id === currentId);
  const index = found >= 0 ? found : 0;
  const current = review[index];
  const setIndex = (i: number) => setCurrentId(review[i]?.id ?? null);
  const nextUnreviewed = (from: number) => {
    const i = review.findIndex((c, j) => j > from && !recordedHere(c));
    return i >= 0 ? i : Math.min(from + 1, review.length - 1);
  };
  return (
    <section className="card review-walk" aria-labelledby="review-heading">
      <div className="round-head">
        <h2 id="review-heading">Owner by owner</h2>
        <span className="badge">
          {review.filter(recordedHere).length} of {review.length} reviewed
        </span>
      </div>
      {review.length === 0 && <p className="muted-note">No open commitments: nothing to review.</p>}
      {current && (
        <article className="review-current" aria-label={`Reviewing: ${current.outcome}`}>
          <CommitmentLine commitment={current} />
          {current.events.length > 1 && (
            <ol className="event-list" aria-label="History">
              {current.events.slice(1).map((e) => (
                <li key={e.id}>{eventText(e)}</li>
              ))}
            </ol>
          )}
          {current.needsReassignment && <ReassignForm commitment={current} />}
          {current.status === 'done' || current.status === 'dropped' ? (
            <p className="muted-note">Recorded: {current.status}.</p>
          ) : (
            <OutcomeForm
              key={current.id + current.events.length}
              commitment={current}
              meetingId={meetingId}
              members={members}
              onRecorded={() => setIndex(nextUnreviewed(index))}
            />
          )}
          <div className="form-actions">
            <button className="btn btn-sm" disabled={index === 0} onClick={() => setIndex(index - 1)}>
              ← Previous commitment
            </button>
            <button className="btn btn-sm" disabled={index >= review.length - 1} onClick={() => setIndex(index + 1)}>
              Next commitment →
            </button>
          </div>
        </article>
      )}
      <ol className="review-list" aria-label="Commitments to review">
        {review.map((c, i) => (
          <li key={c.id} className={i === index ? 'is-current' : ''}>
            <button type="button" className="review-pick" onClick={() => setIndex(i)}>
              <span>
                {c.ownerName}: {c.outcome}
              </span>
              <span className="muted-note">{recordedHere(c) ? eventText(c.events.at(-1)!).split(':')[0] : `due ${c.dueDate}`}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
