import { navigate } from '@renderer/app/router';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';

function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 60 * 60 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Plans a retrospective on the shipped template with this period's figures already in its
 * "gather data" item, so the team starts from what happened rather than from memory.
 */
export function StartRetrospective({ teamId, from, to }: { teamId: string; from: string | null; to: string | null }) {
  const form = useForm('health.startRetrospective', {
    initial: { date: tomorrow(), time: '10:00' },
    toInput: (v) => ({ teamId, from, to, ...v }),
    clears: [],
    onSaved: (made) => navigate({ name: 'meeting', meetingId: made.meetingId }),
  });
  const { values, set, error } = form;
  return (
    <form className="card health-retro" aria-labelledby="retro-heading" onSubmit={form.submit}>
      <div>
        <h2 id="retro-heading">Retrospective</h2>
        <p className="muted-note">
          Plans a meeting on the Retrospective agenda; its “gather data” item starts with these figures and what people said would make
          meetings better.
        </p>
      </div>
      <div className="health-retro-fields">
        <Field label="Date" error={error('date')}>
          <input className="input" type="date" value={values.date} onChange={(e) => set('date', e.target.value)} required />
        </Field>
        <Field label="Time" error={error('time')}>
          <input className="input" type="time" value={values.time} onChange={(e) => set('time', e.target.value)} required />
        </Field>
        <button className="btn btn-primary" type="submit" disabled={!form.canSubmit}>
          Start a retrospective from these figures
        </button>
      </div>
      <ErrorAlert error={form.formError} />
    </form>
  );
}
