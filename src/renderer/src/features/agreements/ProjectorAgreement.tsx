import { memo } from 'react';
import type { AgreementVersion } from '@shared/agreements';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { AgreementView } from './AgreementView';

/** The agreement the console put on the projector, or null. */
export function useProjectedAgreement(meetingId: string): AgreementVersion | null {
  const projected = useQuery('agreements.onProjector', { meetingId });
  return projected.data?.shown ? projected.data.agreement : null;
}

/** What the room reads at the start of a meeting: the rules it agreed to work by. */
export function ProjectorAgreement({ agreement }: { agreement: AgreementVersion }) {
  return (
    <section className="projector-agreement" aria-label="Operating agreement">
      <span className="projector-label">Our operating agreement · version {agreement.version}</span>
      <AgreementView version={agreement} large />
    </section>
  );
}

/**
 * The console's switch for showing the agreement in force on the projector. Memoised: the console renders again at
 * every live action, and this switch (a read and a write of its own) has nothing to redraw for one.
 */
export const ProjectAgreementButton = memo(function ProjectAgreementButton({ meetingId }: { meetingId: string }) {
  const projected = useQuery('agreements.onProjector', { meetingId });
  const action = useMutation();
  const on = projected.data?.shown ?? false;
  return (
    <>
      <button
        className="btn"
        aria-pressed={on}
        disabled={action.pending}
        onClick={() => void action.run('agreements.project', { meetingId, on: !on })}
      >
        {on ? 'Agreement on projector' : 'Show agreement'}
      </button>
      <ErrorAlert error={action.error} />
    </>
  );
});
