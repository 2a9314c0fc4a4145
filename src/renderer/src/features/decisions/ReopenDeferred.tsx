import type { Decision } from '@shared/decisions';
import { useMutation } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { useTeamZones } from '@renderer/features/teams/use-team-zone';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

/** When the history last set the status to deferred (records from before that was kept may not say). */
function deferredAt(decision: Decision): number | null {
  const entry = decision.amendments.find((a) => a.changes.some((c) => c.field === 'Status' && c.to === 'deferred'));
  return entry?.at ?? null;
}

/**
 * Under a deferred proposal's title: where and when it was deferred, and what reopening does. Positions are kept
 * (each with its reason, and open objections with them): the go-round after a reopen starts from them and asks
 * whoever has none, so the note says so rather than promising a fresh round.
 */
export function DeferredNote({ decision }: { decision: Decision }) {
  const { date } = useFormat();
  const zone = useTeamZones()(decision.teamId);
  const at = deferredAt(decision);
  return (
    <p className="deferred-note">
      <strong>Deferred</strong>
      {decision.meetingTitle && <> in “{decision.meetingTitle}”</>}
      {at !== null && <>, {date(at, zone)}</>}. Reopen to take it up again: positions already taken stand; the go-round asks the rest.
    </p>
  );
}

/**
 * A deferred proposal is what the room came to take up again, so reopening it is its card's first action, in the
 * card's head beside its status (on a 1366x768 laptop the card starts low): the same decision opens, and the
 * go-round appears and takes keys at once.
 */
export function ReopenButton({
  decision,
  disabled,
  onReopening,
}: {
  decision: Decision;
  disabled: boolean;
  /** True as the reopen is sent, false if it is refused: the card hands focus to the go-round that replaces this button. */
  onReopening: (reopening: boolean) => void;
}) {
  const action = useMutation();
  const reopen = async () => {
    onReopening(true);
    if (!(await action.run('decisions.decide', { decisionId: decision.id, outcome: 'proposed' }))) onReopening(false);
  };
  return (
    <>
      <button className="btn btn-primary" onClick={() => void reopen()} disabled={disabled || action.pending}>
        Reopen and start the go-round
      </button>
      <ErrorAlert error={action.error} />
    </>
  );
}
