import { AnimatePresence } from 'framer-motion';
import { useState } from 'react';
import { useQuery } from '@renderer/api/hooks';
import { href, type TeamTab } from '@renderer/app/router';
import { RolesPanel, useRolesByMember } from '../agreements/RolesPanel';
import { ParkingLotTab } from '../parking-lot/ParkingLotTab';
import { TeamMeetingsTab } from '../series/TeamMeetingsTab';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { useForm } from '@renderer/ui/form/use-form';
import { ExportArchiveButton } from '../archive/ExportArchiveButton';
import { AddMemberForm } from './AddMemberForm';
import { FollowThroughPanel } from '../commitments/FollowThroughPanel';
import { MemberHistory } from './MemberHistory';
import { MemberRow } from './MemberRow';
import { SyncPanel } from '../sync/SyncPanel';
import { lazyView, ViewSlot } from '@renderer/ui/lazy-view';

// The agreement and health tabs (diffs, charts) load when first opened.
const AgreementTab = lazyView(() => import('../agreements/AgreementTab'), 'AgreementTab');
const HealthTab = lazyView(() => import('../health/HealthTab'), 'HealthTab');

function TeamName({ teamId, name }: { teamId: string; name: string }) {
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <div className="team-title">
        <h1>{name}</h1>
        <button className="btn btn-ghost" onClick={() => setEditing(true)}>
          Rename
        </button>
      </div>
    );
  }
  return <RenameTeam teamId={teamId} name={name} onDone={() => setEditing(false)} />;
}

/** The heading becomes its own input, so the input is named for what it holds rather than by a visible label. */
function RenameTeam({ teamId, name, onDone }: { teamId: string; name: string; onDone: () => void }) {
  const form = useForm('teams.rename', { initial: { name }, toInput: (v) => ({ teamId, ...v }), clears: [], onSaved: onDone });
  return (
    <form className="team-title" onSubmit={form.submit} aria-label="Rename team">
      <input
        className="input input-title"
        value={form.values.name}
        onChange={(e) => form.set('name', e.target.value)}
        autoFocus
        aria-label="Team name"
        aria-invalid={form.error('name') ? true : undefined}
      />
      <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
        Save
      </button>
      <button type="button" className="btn btn-ghost" onClick={onDone}>
        Cancel
      </button>
      {form.error('name') && <p className="field-error">{form.error('name')}</p>}
      <ErrorAlert error={form.formError} />
    </form>
  );
}

const TABS: { tab: TeamTab; label: string }[] = [
  { tab: 'members', label: 'Members' },
  { tab: 'meetings', label: 'Meetings' },
  { tab: 'parking', label: 'Parking lot' },
  { tab: 'agreement', label: 'Agreement' },
  { tab: 'health', label: 'Health' },
];

export function TeamPage({ teamId, tab }: { teamId: string; tab: TeamTab }) {
  const detail = useQuery('teams.get', { teamId });
  const rolesOf = useRolesByMember(teamId);
  if (detail.error && !detail.data) {
    return (
      <div className="page">
        <ErrorAlert error={detail.error} />
        <p style={{ marginTop: 16 }}>
          <a href={href({ name: 'teams' })}>Back to teams</a>
        </p>
      </div>
    );
  }
  if (!detail.data) return <div className="page" aria-busy="true" />;
  const { team, members, history } = detail.data;
  const active = members.filter((m) => m.leftAt === null);
  const former = members.filter((m) => m.leftAt !== null);

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <p className="eyebrow">
            <a href={href({ name: 'teams' })}>Teams</a> / {team.name}
          </p>
          <TeamName key={team.name} teamId={team.id} name={team.name} />
          <p className="sub">Time zone: {team.timeZone.replace(/_/g, ' ')}</p>
        </div>
        <ExportArchiveButton teamId={team.id} />
      </header>
      <nav className="tabs" aria-label="Team sections">
        {TABS.map((t) => (
          <a key={t.tab} href={href({ name: 'team', teamId, tab: t.tab })} aria-current={tab === t.tab ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {tab === 'meetings' && <TeamMeetingsTab team={team} members={members} />}
      {tab === 'parking' && <ParkingLotTab teamId={team.id} />}
      <ViewSlot>
        {tab === 'agreement' && <AgreementTab team={team} members={members} />}
        {tab === 'health' && <HealthTab teamId={team.id} />}
      </ViewSlot>
      {tab === 'members' && (
        <div className="team-layout">
          <section className="card team-members" aria-labelledby="members-heading">
            <div className="section-head">
              <h2 id="members-heading">Members</h2>
              <span className="badge badge-accent">{active.length} active</span>
            </div>
            {active.length === 0 && <p className="muted-note">No active members yet. Add the people who meet together.</p>}
            <ul className="member-list" aria-label="Active members">
              <AnimatePresence initial={false}>
                {active.map((m) => (
                  <MemberRow key={m.id} member={m} roles={rolesOf.get(m.id)} />
                ))}
              </AnimatePresence>
            </ul>
            <AddMemberForm teamId={team.id} />
            {former.length > 0 && (
              <>
                <h3 className="subhead">Former members</h3>
                <p className="muted-note">Kept with everything they said, decided and committed to.</p>
                <ul className="member-list" aria-label="Former members">
                  {former.map((m) => (
                    <MemberRow key={m.id} member={m} />
                  ))}
                </ul>
              </>
            )}
          </section>
          <aside className="card team-history" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <MemberHistory history={history} members={members} />
          </aside>
        </div>
      )}
      {tab === 'members' && <RolesPanel teamId={team.id} members={members} />}
      {tab === 'members' && <FollowThroughPanel teamId={team.id} />}
      {tab === 'members' && <SyncPanel teamId={team.id} />}
    </div>
  );
}
