import { useState, type FormEvent } from 'react';
import { useMutation } from '@renderer/api/hooks';
import { navigate } from '@renderer/app/router';
import { ErrorAlert, fieldError } from '@renderer/ui/ErrorAlert';
import { defaultTimeZone } from '@renderer/ui/format';
import { TimeZoneSelect } from '@renderer/ui/pickers';

/** Name, time zone and the first members (one per line); one transaction creates them all. */
export function CreateTeamForm({ onCancel }: { onCancel?: () => void }) {
  const create = useMutation('teams.create');
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const [members, setMembers] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const team = await create.run({
      name,
      timeZone,
      members: members
        .split('\n')
        .map((m) => m.trim())
        .filter(Boolean),
    });
    if (team) navigate({ name: 'team', teamId: team.id, tab: 'members' });
  }

  const nameError = fieldError(create.error, 'name');
  return (
    <form className="card create-team" onSubmit={submit} aria-label="Create a team" noValidate>
      <div className="form-grid">
        <label className="field">
          <span>Team name</span>
          <input
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Platform leadership"
            aria-invalid={nameError ? true : undefined}
            autoFocus
          />
        </label>
        <label className="field">
          <span>Time zone</span>
          <TimeZoneSelect value={timeZone} onChange={setTimeZone} />
        </label>
        <label className="field field-wide">
          <span>
            Members <span className="hint">one name per line; you can add more later</span>
          </span>
          <textarea className="input" value={members} onChange={(e) => setMembers(e.target.value)} placeholder={'Ana Souza\nBen Carter'} />
        </label>
      </div>
      <ErrorAlert error={create.error} />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={create.pending}>
          {create.pending ? 'Creating…' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
