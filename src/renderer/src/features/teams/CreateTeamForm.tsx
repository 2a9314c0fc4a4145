import { navigate } from '@renderer/app/router';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { defaultTimeZone } from '@renderer/ui/format';
import { TimeZoneSelect } from '@renderer/ui/pickers';

/** Name, time zone and the first members (one per line); one transaction creates them all. */
export function CreateTeamForm({ onCancel }: { onCancel?: () => void }) {
  const form = useForm('teams.create', {
    initial: { name: '', timeZone: defaultTimeZone(), members: '' },
    toInput: (v) => ({
      ...v,
      members: v.members
        .split('\n')
        .map((m) => m.trim())
        .filter(Boolean),
    }),
    clears: [],
    onSaved: (team) => navigate({ name: 'team', teamId: team.id, tab: 'members' }),
  });
  const { values, set, error } = form;
  return (
    <form className="card create-team" onSubmit={form.submit} aria-label="Create a team" noValidate>
      <div className="form-grid">
        <Field label="Team name" error={error('name')}>
          <input
            className="input"
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            placeholder="e.g. Platform leadership"
            autoFocus
          />
        </Field>
        <Field label="Time zone" error={error('timeZone')}>
          <TimeZoneSelect value={values.timeZone} onChange={(zone) => set('timeZone', zone)} />
        </Field>
        <Field label="Members" hint="one name per line; you can add more later" className="field-wide" error={error('members')}>
          <textarea
            className="input"
            value={values.members}
            onChange={(e) => set('members', e.target.value)}
            placeholder={'Ana Souza\nBen Carter'}
          />
        </Field>
      </div>
      <ErrorAlert error={form.formError} />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
          {form.pending ? 'Creating…' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
