import { useState } from 'react';
import type { Commitment } from '@shared/commitments';
import { hasWords } from '@shared/validation';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MemberSelect } from '@renderer/ui/pickers';

/** Hands a commitment to someone else (its owner left, or the team agreed); the reason goes into its history. */
export function ReassignForm({ commitment }: { commitment: Commitment }) {
  const team = useQuery('teams.get', { teamId: commitment.teamId });
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const action = useMutation();
  return (
    <form
      className="reassign-form"
      aria-label={`Reassign: ${commitment.outcome}`}
      onSubmit={async (e) => {
        e.preventDefault();
        await action.run('commitments.reassign', { commitmentId: commitment.id, ownerId, reason });
      }}
    >
      <MemberSelect value={ownerId} onChange={setOwnerId} members={team.data?.members ?? []} noneLabel="New owner" label="New owner" />
      <input
        className="input"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="Why (kept in its history)"
        aria-label="Reason for the hand-over"
      />
      <button className="btn btn-sm" type="submit" disabled={!ownerId || !hasWords(reason) || action.pending}>
        Reassign
      </button>
      <ErrorAlert error={action.error} />
    </form>
  );
}
