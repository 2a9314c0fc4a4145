import { useState } from 'react';
import type { Commitment } from '@shared/commitments';
import { useQuery } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MemberSelect } from '@renderer/ui/pickers';
import { CommitmentLine, eventText } from './CommitmentLine';
import { ReassignForm } from './ReassignForm';
import { FollowThroughPanel } from './FollowThroughPanel';

function Item({ c, showTeam }: { c: Commitment; showTeam: boolean }) {
  const { datesIn } = useFormat();
  return (
    <li className="board-item">
      <CommitmentLine commitment={c} showTeam={showTeam} />
      {c.events.length > 1 && <p className="muted-note board-last">Last: {datesIn(eventText(c.events.at(-1)!))}</p>}
      {c.needsReassignment && <ReassignForm commitment={c} />}
    </li>
  );
}

/** Open commitments outside meetings: overdue first, by owner or by due date, for one team or all. */
export function CommitmentsPage() {
  const teams = useQuery('teams.list', {});
  const [teamId, setTeamId] = useState('');
  const [memberId, setMemberId] = useState('');
  const [groupBy, setGroupBy] = useState<'owner' | 'due'>('due');
  const team = useQuery('teams.get', { teamId: teamId || (teams.data?.[0]?.id ?? '') });
  const board = useQuery('commitments.board', { teamId: teamId || null, memberId: memberId || null });
  const open = board.data?.open ?? [];
  const groups =
    groupBy === 'owner'
      ? [...new Set(open.map((c) => c.ownerName))].sort().map((name) => ({ title: name, list: open.filter((c) => c.ownerName === name) }))
      : [
          { title: 'Overdue', list: open.filter((c) => c.overdue) },
          { title: 'Coming up', list: open.filter((c) => !c.overdue) },
        ].filter((g) => g.list.length > 0);
  const followTeam = teamId || (teams.data?.length === 1 ? teams.data[0]!.id : '');
  return (
    <div className="page commitments-page">
      <header className="page-head">
        <div>
          <p className="eyebrow">Commitments</p>
          <h1>Open commitments</h1>
          <p className="lede">What each person promised, by when, and where it stands. Overdue first.</p>
        </div>
      </header>
      <div className="card log-controls">
        <div className="log-filters">
          <select
            className="input"
            aria-label="Team"
            value={teamId}
            onChange={(e) => {
              setTeamId(e.target.value);
              setMemberId('');
            }}
          >
            <option value="">All teams</option>
            {teams.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {teamId && team.data && (
            <MemberSelect value={memberId} onChange={setMemberId} members={team.data.members} noneLabel="Everyone" label="Member" />
          )}
          <div className="chip-group" role="group" aria-label="Group by">
            {(['due', 'owner'] as const).map((g) => (
              <label key={g} className={`chip${groupBy === g ? ' is-on' : ''}`}>
                <input type="radio" name="group" checked={groupBy === g} onChange={() => setGroupBy(g)} />
                {g === 'due' ? 'By due date' : 'By owner'}
              </label>
            ))}
          </div>
        </div>
      </div>
      <ErrorAlert error={board.error} />
      {board.data && open.length === 0 && <p className="lede">No open commitments.</p>}
      {groups.map((g) => (
        <section key={g.title} className="board-group" aria-label={g.title}>
          <h2>
            {g.title} <span className="badge">{g.list.length}</span>
          </h2>
          <ul className="board-list">
            {g.list.map((c) => (
              <Item key={c.id} c={c} showTeam={!teamId} />
            ))}
          </ul>
        </section>
      ))}
      {followTeam ? (
        <FollowThroughPanel teamId={followTeam} memberId={memberId || undefined} />
      ) : (
        <p className="muted-note">Choose a team to see its follow-through.</p>
      )}
    </div>
  );
}
