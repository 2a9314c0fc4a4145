import { useState } from 'react';
import type { Member } from '@shared/domain';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MemberSelect } from '@renderer/ui/pickers';

/** Records a commitment: who, what done looks like, by when. A date in the past needs a second click. */
export function CaptureForm(props: {
  meetingId: string | null;
  teamId: string | null;
  agendaItemId: string | null;
  decisionId?: string | null;
  members: Member[];
  defaultDue: string;
  label?: string;
}) {
  const [ownerId, setOwnerId] = useState('');
  const [outcome, setOutcome] = useState('');
  const [dueDate, setDueDate] = useState(props.defaultDue);
  const [confirmPast, setConfirmPast] = useState(false);
  const action = useMutation();
  const past = action.error?.message.includes('is in the past') ?? false;
  return (
    <form
      className="capture-form"
      aria-label={props.label ?? 'Record a commitment'}
      onSubmit={async (e) => {
        e.preventDefault();
        const made = await action.run('commitments.create', {
          meetingId: props.meetingId,
          teamId: props.teamId,
          agendaItemId: props.agendaItemId,
          decisionId: props.decisionId ?? null,
          ownerId,
          outcome,
          dueDate,
          confirmPastDue: confirmPast,
        });
        if (made) {
          setOutcome('');
          setConfirmPast(false);
        }
      }}
    >
      <label className="field">
        <span>Who</span>
        <MemberSelect value={ownerId} onChange={setOwnerId} members={props.members} noneLabel="Choose the owner" label="Owner" />
      </label>
      <label className="field capture-outcome">
        <span>What done looks like</span>
        <input className="input" value={outcome} onChange={(e) => setOutcome(e.target.value)} placeholder="An outcome anyone can check" />
      </label>
      <label className="field">
        <span>Due</span>
        <input
          className="input"
          type="date"
          value={dueDate}
          onChange={(e) => {
            setDueDate(e.target.value);
            setConfirmPast(false);
          }}
        />
      </label>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={!ownerId || !outcome.trim() || !dueDate || action.pending}>
          {confirmPast ? 'Record it with the past date' : 'Commit'}
        </button>
      </div>
      <ErrorAlert error={action.error} />
      {past && !confirmPast && (
        <button type="button" className="btn btn-sm" onClick={() => setConfirmPast(true)}>
          The date is right: confirm it
        </button>
      )}
    </form>
  );
}
