import type { Member } from '@shared/domain';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
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
  const form = useForm('commitments.create', {
    initial: { ownerId: '', outcome: '', dueDate: props.defaultDue, confirmPastDue: false },
    // The owner and date often repeat for the next commitment; what done looks like never does.
    clears: ['outcome', 'confirmPastDue'],
    toInput: (v) => ({
      meetingId: props.meetingId,
      teamId: props.teamId,
      agendaItemId: props.agendaItemId,
      decisionId: props.decisionId ?? null,
      ...v,
    }),
  });
  const { values, set } = form;
  const past = form.failure?.error.reason === 'due_in_past' && form.error('dueDate') !== undefined;
  return (
    <form className="capture-form" aria-label={props.label ?? 'Record a commitment'} onSubmit={form.submit}>
      <Field label="What done looks like" className="capture-outcome" error={form.error('outcome')}>
        <input
          className="input"
          value={values.outcome}
          onChange={(e) => set('outcome', e.target.value)}
          placeholder="An outcome anyone can check"
        />
      </Field>
      <Field label="Owner" error={form.error('ownerId')}>
        <MemberSelect value={values.ownerId} onChange={(id) => set('ownerId', id)} members={props.members} noneLabel="Choose the owner" />
      </Field>
      <Field label="Due" error={form.error('dueDate')}>
        <input
          className="input"
          type="date"
          value={values.dueDate}
          onChange={(e) => {
            set('dueDate', e.target.value);
            set('confirmPastDue', false);
          }}
        />
      </Field>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={!form.canSubmit}>
          {values.confirmPastDue ? 'Record it with the past date' : 'Commit'}
        </button>
      </div>
      <ErrorAlert error={form.formError} />
      {past && !values.confirmPastDue && (
        <button type="button" className="btn btn-sm" onClick={() => set('confirmPastDue', true)}>
          The date is right: confirm it
        </button>
      )}
    </form>
  );
}
