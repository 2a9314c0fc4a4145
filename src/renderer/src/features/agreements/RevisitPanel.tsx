import { addCalendarDays } from '@shared/agreements';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';

/** A due revisit: the team either edits the agreement (a new version) or records that it still stands. */
export function RevisitPanel(props: {
  versionId: string;
  version: number;
  revisitBy: string;
  today: string;
  meetingId?: string | null;
  onEdit?: () => void;
}) {
  const { day } = useFormat();
  const form = useForm('agreements.revisit', {
    initial: { note: '', nextRevisitBy: addCalendarDays(props.today, 90) },
    toInput: (v) => ({ versionId: props.versionId, meetingId: props.meetingId ?? null, ...v }),
    clears: ['note'],
  });
  const { values, set, error } = form;
  return (
    <section className="alert alert-warn revisit-panel" aria-label="Revisit due">
      <p>
        <strong>Revisit due {day(props.revisitBy)}.</strong> Look at version {props.version} together: change it (a new version), or record
        that it still stands until a later date.
      </p>
      <form className="revisit-form" onSubmit={form.submit}>
        <Field label="What the revisit found" error={error('note')}>
          <input className="input" value={values.note} onChange={(e) => set('note', e.target.value)} placeholder="Still fits how we work" />
        </Field>
        <Field label="Next revisit by" error={error('nextRevisitBy')}>
          <input className="input" type="date" value={values.nextRevisitBy} onChange={(e) => set('nextRevisitBy', e.target.value)} />
        </Field>
        <div className="form-actions">
          <button className="btn btn-primary" type="submit" disabled={!form.canSubmit}>
            It still stands
          </button>
          {props.onEdit && (
            <button className="btn" type="button" onClick={props.onEdit}>
              Change it…
            </button>
          )}
        </div>
      </form>
      <ErrorAlert error={form.formError} />
    </section>
  );
}
