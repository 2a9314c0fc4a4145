import type { Member } from '@shared/domain';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { MemberSelect } from '@renderer/ui/pickers';

/**
 * "Which member are you?": the person at this computer picks themself, so home can show their own commitments.
 * The caller hands the members in: home has them from `me.list`, so the first screen waits for no second read.
 */
export function WhoAmI({
  teamId,
  teamName,
  members,
  current = '',
  onDone,
}: {
  teamId: string;
  teamName: string;
  members: readonly Pick<Member, 'id' | 'name' | 'leftAt'>[];
  current?: string;
  onDone?: () => void;
}) {
  const form = useForm('me.set', {
    initial: { memberId: current },
    clears: [],
    toInput: (v) => ({ teamId, ...v }),
    onSaved: () => onDone?.(),
  });
  const { memberId } = form.values;
  return (
    <form className="who-am-i" onSubmit={form.submit} aria-label={`Who you are in ${teamName}`}>
      {/* No one chosen yet is said by the disabled button, not by the contract's "Must be an id". */}
      <Field label={`Which member of ${teamName} are you?`} error={memberId ? form.error('memberId') : undefined}>
        <MemberSelect value={memberId} onChange={(id) => form.set('memberId', id)} members={members} noneLabel="Choose yourself…" />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
        This is me
      </button>
      {onDone && current && (
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
      )}
      <ErrorAlert error={form.formError} />
    </form>
  );
}
