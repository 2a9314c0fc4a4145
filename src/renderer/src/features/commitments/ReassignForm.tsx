import type { Commitment } from '@shared/commitments';
import { useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { useForm } from '@renderer/ui/form/use-form';
import { MemberSelect } from '@renderer/ui/pickers';

/**
 * Hands a commitment to someone else (its owner left, or the team agreed); the reason goes into its history.
 * One compact line inside the review, so no `<Field>`: each control is named by the words it shows (its first option,
 * its placeholder), and the field's message goes under the line.
 */
export function ReassignForm({ commitment }: { commitment: Commitment }) {
  const team = useQuery('teams.get', { teamId: commitment.teamId });
  const form = useForm('commitments.reassign', {
    initial: { ownerId: '', reason: '' },
    toInput: (v) => ({ commitmentId: commitment.id, ...v }),
  });
  const fieldError = form.error('ownerId') ?? form.error('reason');
  return (
    <form className="reassign-form" aria-label={`Reassign: ${commitment.outcome}`} onSubmit={form.submit}>
      <MemberSelect
        value={form.values.ownerId}
        onChange={(id) => form.set('ownerId', id)}
        members={team.data?.members ?? []}
        noneLabel="New owner"
        label="New owner"
      />
      <input
        className="input"
        value={form.values.reason}
        onChange={(e) => form.set('reason', e.target.value)}
        placeholder="Why (kept in its history)"
        aria-label="Reason for the hand-over"
      />
      <button className="btn btn-sm" type="submit" disabled={!form.canSubmit}>
        Reassign
      </button>
      {fieldError && <p className="field-error">{fieldError}</p>}
      <ErrorAlert error={form.formError} />
    </form>
  );
}
