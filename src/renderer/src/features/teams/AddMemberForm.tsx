import { useState } from 'react';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { PlusIcon } from '@renderer/ui/icons';

export function AddMemberForm({ teamId }: { teamId: string }) {
  const [savedName, setSavedName] = useState<string | null>(null);
  const form = useForm('members.add', {
    initial: { name: '', roleTitle: '' },
    toInput: (v) => ({ teamId, ...v }),
    onSaved: (member) => setSavedName(member.name),
  });
  return (
    <form className="add-member" onSubmit={form.submit} aria-label="Add a member" noValidate>
      <Field label="New member" error={form.error('name')}>
        <input
          className="input"
          value={form.values.name}
          onChange={(e) => {
            form.set('name', e.target.value);
            setSavedName(null);
          }}
          placeholder="Full name"
        />
      </Field>
      <Field label="Role title" error={form.error('roleTitle')}>
        <input
          className="input"
          value={form.values.roleTitle}
          onChange={(e) => form.set('roleTitle', e.target.value)}
          placeholder="optional"
        />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
        <PlusIcon /> Add member
      </button>
      <div className="add-member-status" aria-live="polite">
        {savedName && <span className="status-saved">Saved: {savedName} added</span>}
      </div>
      <div className="add-member-error">
        <ErrorAlert error={form.formError} />
      </div>
    </form>
  );
}
