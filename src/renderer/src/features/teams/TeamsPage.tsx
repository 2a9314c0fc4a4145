import { memo, useState } from 'react';
import type { ArchiveImportSummary } from '@shared/archive';
import type { Team } from '@shared/domain';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { href } from '@renderer/app/router';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { PlusIcon } from '@renderer/ui/icons';
import { ImportArchive } from '../archive/ImportArchive';
import { ImportSummary } from '../archive/ImportSummary';
import { MyHome } from '../me/MyHome';
import { NextUp } from '../meetings/NextUp';
import { CreateTeamForm } from './CreateTeamForm';

export function TeamsPage() {
  const teams = useQuery('teams.list', {});
  // The home's other first reads, asked here too (the same reads NextUp and MyHome make, shared by the cache): the
  // list first shows once all three hold what the database does, as the team list arriving first (the demo loaded, an
  // archive imported) drew the cards and then pushed them down under Next up and Me, where a click aimed at a card
  // landed beside it. Once shown, the list stays while they are read again.
  const nextUp = useQuery('meetings.nextUp', {});
  const me = useQuery('me.list', {});
  const [listShown, setListShown] = useState(false);
  const demo = useMutation('demo.load');
  const [creating, setCreating] = useState(false);
  // Held here: importing into an empty Cadence swaps the welcome for the list, and the summary must survive that.
  const [imported, setImported] = useState<ArchiveImportSummary | null>(null);

  // The demo lands here, on "Next up": its planned meeting is where a new user starts, not its member list.
  const loadDemo = () => demo.run({});

  const list = teams.data ?? [];
  const arriving = [teams, nextUp, me].some(
    (read) => (read.loading && !read.data) || (list.length > 0 && !listShown && read.outdated && !read.error),
  );
  if (arriving) return <div className="page" aria-busy="true" />;
  // Set during render (React's way to keep what an earlier render saw): the list's first showing is a fact of this render.
  if (list.length > 0 !== listShown) setListShown(list.length > 0);

  if (list.length === 0) {
    return (
      <div className="page">
        <section className="welcome">
          <p className="eyebrow">Welcome to Cadence</p>
          <h1>Meetings that keep their promises.</h1>
          <p className="lede">
            Cadence runs your team&rsquo;s recurring meeting: a timed agenda, everyone heard in turn, commitments reviewed honestly, and
            decisions logged with their reasons and dissent. Everything stays on this computer.
          </p>
          <div className="welcome-actions">
            <button className="btn btn-primary btn-lg" onClick={() => setCreating(true)} disabled={creating}>
              <PlusIcon /> Create your team
            </button>
            <button className="btn btn-lg" onClick={loadDemo} disabled={demo.pending}>
              {demo.pending ? 'Loading…' : 'Explore a demo team'}
            </button>
          </div>
          <ErrorAlert error={teams.error ?? demo.error} />
        </section>
        {creating && <CreateTeamForm onCancel={() => setCreating(false)} />}
        <ImportArchive onImported={setImported} />
      </div>
    );
  }

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <p className="eyebrow">Home</p>
          <h1>Your teams</h1>
        </div>
        {!creating && (
          <button className="btn btn-primary" onClick={() => setCreating(true)}>
            <PlusIcon /> New team
          </button>
        )}
      </header>
      {creating && <CreateTeamForm onCancel={() => setCreating(false)} />}
      <ErrorAlert error={teams.error} />
      {imported && <ImportSummary key={imported.backupName} summary={imported} onClose={() => setImported(null)} />}
      <NextUp />
      <MyHome askedElsewhere={imported?.team.id ?? null} />
      <h2 className="section-title">Teams</h2>
      <TeamGrid teams={list} />
      <ImportArchive onImported={setImported} />
    </div>
  );
}

/** The team cards; memoised like NextUp and MyHome, so opening the New team form leaves them be. */
const TeamGrid = memo(function TeamGrid({ teams }: { teams: readonly Team[] }) {
  return (
    <ul className="team-grid" aria-label="Teams">
      {teams.map((team) => (
        <li key={team.id}>
          <a className="card team-card" href={href({ name: 'team', teamId: team.id, tab: 'members' })}>
            <span className="team-card-name">{team.name}</span>
            <span className="team-card-meta">
              {team.activeMemberCount} {team.activeMemberCount === 1 ? 'member' : 'members'} · {team.timeZone.replace(/_/g, ' ')}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
});
