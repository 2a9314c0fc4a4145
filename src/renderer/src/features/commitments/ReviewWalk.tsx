import { useEffect, useLayoutEffect, useRef, useState, type MutableRefObject } from 'react';
import { ROOT_CAUSES, type Commitment, type ReviewOutcome, type RootCause } from '@shared/commitments';
import { recordedIn, reviewUpNext, reviewUpNextIn } from '@shared/commitment-review';
import type { Member } from '@shared/domain';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { SubmitButton } from '@renderer/ui/form/SubmitButton';
import { useForm } from '@renderer/ui/form/use-form';
import { MemberSelect } from '@renderer/ui/pickers';
import { CommitmentLine, eventText } from './CommitmentLine';
import { ReassignForm } from './ReassignForm';
import { ReviewList } from './ReviewList';
import { OUTCOME_KEY, type PanelChoice } from '../live/console-keys';
import { usePanelKeys } from '../live/panel-keys';

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
  pickerRef,
}: {
  commitment: Commitment;
  meetingId: string;
  members: Member[];
  /** `hadFocus`: the facilitator was working in this form (a field or a button of it had focus) when it was sent. */
  onRecorded: (hadFocus: boolean) => void;
  /** Where the walk's keys reach this form's outcome buttons. */
  pickerRef: MutableRefObject<((outcome: ReviewOutcome) => void) | null>;
}) {
  const form = useForm('commitments.record', {
    initial: {
      // In the order the fields are laid out (what is still needed reads in it): the reason, below each outcome's
      // own fields, comes last.
      outcome: null as ReviewOutcome | null,
      newDueDate: '',
      rootCause: '' as RootCause | '',
      correctiveAction: '',
      asCommitment: true,
      correctiveOwner: commitment.ownerId,
      correctiveDue: '',
      reason: '',
    },
    // The contract's rule decides what each outcome needs; the form only maps its fields onto the input.
    toInput: (v) => ({
      commitmentId: commitment.id,
      meetingId,
      // The schema's own message ("Choose done, on track, …") for no outcome yet.
      outcome: v.outcome as ReviewOutcome,
      reason: v.reason.trim() ? v.reason : null,
      newDueDate: v.outcome === 'renegotiated' && v.newDueDate ? v.newDueDate : null,
      rootCause: v.outcome === 'slipped' && v.rootCause ? v.rootCause : null,
      correctiveAction: v.outcome === 'slipped' ? v.correctiveAction : null,
      corrective: v.outcome === 'slipped' && v.asCommitment ? { ownerId: v.correctiveOwner, dueDate: v.correctiveDue } : null,
      confirmPastDue: true,
    }),
    fields: { 'corrective.ownerId': 'correctiveOwner', 'corrective.dueDate': 'correctiveDue' },
    clears: [],
    onSaved: () => onRecorded(hadFocus.current),
  });
  const root = useRef<HTMLDivElement>(null);
  // Read as the outcome is sent: by the time it is saved, the button pressed may be disabled or gone.
  const hadFocus = useRef(false);
  const send = (event?: React.FormEvent) => {
    hadFocus.current = !!root.current?.contains(document.activeElement);
    return form.submit(event);
  };
  const { values, set } = form;
  const outcome = values.outcome;
  const needsForm = outcome !== null && outcome !== 'done' && outcome !== 'on_track';
  const pick = (chosen: ReviewOutcome) => {
    if (form.pending) return;
    set('outcome', chosen);
    if (chosen === 'done' || chosen === 'on_track') void send();
  };
  useLayoutEffect(() => {
    pickerRef.current = pick;
  });
  // Cancel (or Escape, as in the go-round's and check-out's forms) closes the outcome's form and leaves focus on the
  // outcome that opened it: Escape did nothing, and the digit pressed next to choose again went into the date.
  const cancel = () => {
    const opened = root.current?.querySelector<HTMLButtonElement>('.resolve-choices [aria-pressed="true"]');
    set('outcome', null);
    opened?.focus();
  };
  // The form an outcome opens (a slipped one runs to eight fields) is brought into view whole, above the key bar:
  // at 1366x768 the slipped form's owner, date and Record opened below the fold.
  useEffect(() => {
    if (needsForm) root.current?.scrollIntoView({ block: 'nearest' });
  }, [needsForm, outcome]);

  return (
    <div className="outcome-form" ref={root}>
      <div className="resolve-choices" role="group" aria-label="Outcome">
        {OUTCOMES.map((o) => (
          <button
            key={o.outcome}
            type="button"
            className="btn"
            aria-pressed={outcome === o.outcome}
            onClick={() => pick(o.outcome)}
            disabled={form.pending}
          >
            {o.label} <kbd>{OUTCOME_KEY[o.outcome]}</kbd>
          </button>
        ))}
      </div>
      {needsForm && (
        <form
          className="resolve-form"
          onSubmit={(e) => void send(e)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            cancel();
          }}
        >
          {outcome === 'renegotiated' && (
            <Field label="New due date" error={form.error('newDueDate')}>
              <input
                className="input"
                type="date"
                value={values.newDueDate}
                onChange={(e) => set('newDueDate', e.target.value)}
                autoFocus
              />
            </Field>
          )}
          {outcome === 'slipped' && (
            <>
              <Field label="Root cause" error={form.error('rootCause')}>
                <select
                  className="input"
                  value={values.rootCause}
                  onChange={(e) => set('rootCause', e.target.value as RootCause)}
                  autoFocus
                >
                  <option value="">Choose…</option>
                  {ROOT_CAUSES.map((c) => (
                    <option key={c.cause} value={c.cause}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Corrective action" error={form.error('correctiveAction')}>
                <input className="input" value={values.correctiveAction} onChange={(e) => set('correctiveAction', e.target.value)} />
              </Field>
              <label className="check">
                <input type="checkbox" checked={values.asCommitment} onChange={(e) => set('asCommitment', e.target.checked)} /> Make the
                corrective action a new commitment
              </label>
              {values.asCommitment && (
                <div className="inline-fields">
                  <Field label="Owner of the corrective action" error={form.error('correctiveOwner')}>
                    <MemberSelect
                      value={values.correctiveOwner}
                      onChange={(id) => set('correctiveOwner', id)}
                      members={members}
                      noneLabel="Choose"
                    />
                  </Field>
                  <Field label="Corrective action due" error={form.error('correctiveDue')}>
                    <input
                      className="input"
                      type="date"
                      value={values.correctiveDue}
                      onChange={(e) => set('correctiveDue', e.target.value)}
                    />
                  </Field>
                </div>
              )}
            </>
          )}
          <Field label={REASON_LABEL[outcome]} error={form.error('reason')}>
            <input
              className="input"
              value={values.reason}
              onChange={(e) => set('reason', e.target.value)}
              autoFocus={outcome === 'at_risk' || outcome === 'dropped'}
            />
          </Field>
          <div className="form-actions">
            <SubmitButton form={form}>Record</SubmitButton>
            <button className="btn btn-ghost" type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={form.formError} />
    </div>
  );
}

const REASON_LABEL: Record<Exclude<ReviewOutcome, 'done' | 'on_track'>, string> = {
  at_risk: 'What help is needed',
  dropped: 'Why it is dropped',
  renegotiated: 'Reason for the new date',
  slipped: 'What happened (optional)',
};

/**
 * The commitment review: one commitment at a time, owner by owner, those due by today first.
 * Each outcome is an event; what was recorded in this meeting stays visible in the list.
 */
export function ReviewWalk({ meetingId, review, members }: { meetingId: string; review: Commitment[]; members: Member[] }) {
  const { datesIn } = useFormat();
  const recordedHere = (c: Commitment) => recordedIn(c, meetingId);
  // Followed by id, so a list that reorders after an outcome keeps the facilitator's place. It opens where the
  // projector says the review is (reviewUpNext: one rule for both).
  const [currentId, setCurrentId] = useState<string | null>(() => (review[reviewUpNextIn(review, meetingId)] ?? review[0])?.id ?? null);
  const found = review.findIndex((c) => c.id === currentId);
  const index = found >= 0 ? found : 0;
  const current = review[index];
  const setIndex = (i: number) => setCurrentId(review[i]?.id ?? null);
  // On to the next commitment without an outcome after the one just recorded, then back to one passed over with ↓:
  // the projector names the same one as up next (reviewUpNext), whichever was passed over.
  const nextUnreviewed = (from: number) => {
    const justRecorded = review[from]?.id ?? null;
    const next = reviewUpNext(review, (c) => c.id === justRecorded || recordedHere(c), justRecorded);
    return next >= 0 ? next : Math.min(from + 1, review.length - 1);
  };
  const pickerRef = useRef<((outcome: ReviewOutcome) => void) | null>(null);
  // After an outcome recorded from its form, focus goes to the commitment the walk moved on to: the form and its
  // Record button are gone, and focus fell to the page's body (Tab started again from the top of the page).
  const currentCard = useRef<HTMLElement>(null);
  const [focusCurrent, setFocusCurrent] = useState(0);
  useEffect(() => {
    if (focusCurrent > 0) currentCard.current?.focus();
  }, [focusCurrent]);
  const closed = current?.status === 'done' || current?.status === 'dropped';
  // Digits record an outcome for the commitment on screen, arrows walk the list: no focus needed.
  usePanelKeys(
    'review',
    (choice: PanelChoice) => {
      if (choice.type === 'move') setIndex(Math.min(review.length - 1, Math.max(0, index + choice.by)));
      else if (!closed) pickerRef.current?.(choice.value as ReviewOutcome);
    },
    review.length > 0,
  );
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
        <article className="review-current" aria-label={`Reviewing: ${current.outcome}`} ref={currentCard} tabIndex={-1}>
          <CommitmentLine commitment={current} />
          {current.events.length > 1 && (
            <ol className="event-list" aria-label="History">
              {current.events.slice(1).map((e) => (
                <li key={e.id}>{datesIn(eventText(e))}</li>
              ))}
            </ol>
          )}
          {current.needsReassignment && <ReassignForm commitment={current} />}
          {closed ? (
            <p className="muted-note">Recorded: {current.status}.</p>
          ) : (
            <OutcomeForm
              key={current.id + current.events.length}
              commitment={current}
              meetingId={meetingId}
              members={members}
              onRecorded={(hadFocus) => {
                setIndex(nextUnreviewed(index));
                if (hadFocus) setFocusCurrent((n) => n + 1);
              }}
              pickerRef={pickerRef}
            />
          )}
          <div className="form-actions">
            <button className="btn btn-sm" disabled={index === 0} onClick={() => setIndex(index - 1)}>
              Previous commitment <kbd>↑</kbd>
            </button>
            <button className="btn btn-sm" disabled={index >= review.length - 1} onClick={() => setIndex(index + 1)}>
              Next commitment <kbd>↓</kbd>
            </button>
          </div>
        </article>
      )}
      <ReviewList review={review} index={index} recordedHere={recordedHere} onPick={setIndex} />
    </section>
  );
}
