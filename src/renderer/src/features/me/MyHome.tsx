import { memo, useState } from 'react';
import type { MeChoice } from '@shared/archive';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { CommitmentLine } from '../commitments/CommitmentLine';
import { FollowThroughPanel } from '../commitments/FollowThroughPanel';
import { WhoAmI } from './WhoAmI';

/** One team, as the chosen member sees it: their open commitments (overdue first) and their own follow-through. */
function MyTeam({ choice }: { choice: MeChoice & { memberId: string } }) {
  const board = useQuery('commitments.board', { teamId: choice.teamId, memberId: choice.memberId });
  const clear = useMutation('me.set');
  const [changing, setChanging] = useState(false);
  const open = board.data?.open ?? [];
  return (
    <section className="card my-team" aria-label={`My commitments in ${choice.teamName}`}>
      <div className="section-head">
        <h3>
          {choice.teamName}: {choice.memberName}
        </h3>
        {choice.memberLeft && <span className="badge badge-warn">Has left the team</span>}
        <button className="btn btn-ghost btn-sm" onClick={() => setChanging(true)} disabled={changing}>
          Not you?
        </button>
        <button className="btn btn-ghost btn-sm" onClick={() => void clear.run({ teamId: choice.teamId, memberId: null })}>
          Forget
        </button>
      </div>
      {changing && (
        <WhoAmI
          teamId={choice.teamId}
          teamName={choice.teamName}
          members={choice.members}
          current={choice.memberId}
          onDone={() => setChanging(false)}
        />
      )}
      <ErrorAlert error={board.error ?? clear.error} />
      <h4 className="my-subhead">My commitments</h4>
      {board.data && open.length === 0 && <p className="muted-note">Nothing open. Whatever you promised is done or handed on.</p>}
      <ul className="board-list" aria-label={`My open commitments in ${choice.teamName}`}>
        {open.map((c) => (
          <li key={c.id} className="board-item">
            <CommitmentLine commitment={c} />
          </li>
        ))}
      </ul>
      <FollowThroughPanel teamId={choice.teamId} memberId={choice.memberId} title="My follow-through" />
    </section>
  );
}

/**
 * Home, for the person at this computer: their commitments per team, or the question of who they are. Memoised:
 * opening the New team form renders the home page again, and this part does not change with it.
 */
export const MyHome = memo(function MyHome({ askedElsewhere = null }: { askedElsewhere?: string | null }) {
  const me = useQuery('me.list', {});
  // A team whose import summary is on screen asks there; once is enough.
  const choices = (me.data ?? []).filter((c) => c.memberId || c.teamId !== askedElsewhere);
  if (choices.length === 0) return <ErrorAlert error={me.error} />;
  return (
    <section className="my-home" aria-labelledby="my-home-heading">
      <h2 id="my-home-heading" className="section-title">
        Me
      </h2>
      <ErrorAlert error={me.error} />
      {choices.map((c) =>
        c.memberId ? (
          <MyTeam key={c.teamId} choice={{ ...c, memberId: c.memberId }} />
        ) : (
          <div key={c.teamId} className="card my-team my-team-ask">
            <WhoAmI teamId={c.teamId} teamName={c.teamName} members={c.members} />
          </div>
        ),
      )}
    </section>
  );
});
