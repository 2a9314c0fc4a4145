import { useState, type FormEvent } from 'react';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert, fieldError } from '@renderer/ui/ErrorAlert';
import { PlusIcon } from '@renderer/ui/icons';

export function AddMemberForm({ teamId }: { teamId: string }) {
  const add = useMutation('members.add');
  const [name, setName] = useState('');
  const [roleTitle, setRoleTitle] = useState('');
  const [savedName, setSavedName] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const member = await add.run({ teamId, name, roleTitle });
    if (member) {
      setSavedName(member.name);
      setName('');
      setRoleTitle('');
    }
  }

  return (
    <form className="add-member" onSubmit={submit} aria-label="Add a member" noValidate>
      <label className="field">
        <span>New member</span>
        <input
          className="input"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setSavedName(null);
          }}
          placeholder="Full name"
          aria-invalid={fieldError(add.error, 'name') ? true : undefined}
        />
      </label>
      <label className="field">
        <span>Role title</span>
        <input className="input" value={roleTitle} onChange={(e) => setRoleTitle(e.target.value)} placeholder="optional" />
      </label>
      <button type="submit" className="btn btn-primary" disabled={add.pending}>
        <PlusIcon /> Add member
      </button>
      <div className="add-member-status" aria-live="polite">
        {savedName && <span className="status-saved">Saved: {savedName} added</span>}
      </div>
      <div className="add-member-error">
        <ErrorAlert error={add.error} />
      </div>
    </form>
  );
}
