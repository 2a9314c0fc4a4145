import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MemberSelect } from '@renderer/ui/pickers';

/** "Which member are you?": the person at this computer picks themself, so home can show their own commitments. */
export function WhoAmI({
  teamId,
  teamName,
  current = '',
  onDone,
}: {
  teamId: string;
  teamName: string;
  current?: string;
  onDone?: () => void;
}) {
  const team = useQuery('teams.get', { teamId });
  const choose = useMutation('me.set');
  const [memberId, setMemberId] = useState(current);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (memberId && (await choose.run({ teamId, memberId }))) onDone?.();
  }
  return (
    <form className="who-am-i" onSubmit={submit} aria-label={`Who you are in ${teamName}`}>
      <label className="inline-field">
        Which member of {teamName} are you?
        <MemberSelect
          value={memberId}
          onChange={setMemberId}
          members={team.data?.members ?? []}
          noneLabel="Choose yourself…"
          label={`Which member of ${teamName} are you?`}
        />
      </label>
      <button type="submit" className="btn btn-primary" disabled={!memberId || choose.pending}>
        This is me
      </button>
      {onDone && current && (
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
      )}
      <ErrorAlert error={choose.error ?? team.error} />
    </form>
  );
}
