import { useState } from 'react';
import type { Member, Team } from '@shared/domain';
import { useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { useFormat } from '@renderer/app/settings-context';
import { AgreementCompare } from './AgreementCompare';
import { AgreementEditor } from './AgreementEditor';
import { AgreementView } from './AgreementView';
import { RevisitPanel } from './RevisitPanel';
import { StarterPicker } from './StarterPicker';

function OldVersion({ versionId, large }: { versionId: string; large: boolean }) {
  const version = useQuery('agreements.version', { versionId });
  if (version.error) return <ErrorAlert error={version.error} />;
  return version.data ? <AgreementView version={version.data} large={large} /> : <div aria-busy="true" />;
}

/** The team's operating agreement: the version in force, its history, edits and comparisons. */
export function AgreementTab({ team, members }: { team: Team; members: Member[] }) {
  const { date: formatDate, day } = useFormat();
  const agreement = useQuery('agreements.get', { teamId: team.id });
  const roles = useQuery('roles.list', { teamId: team.id });
  const [mode, setMode] = useState<'read' | 'edit' | 'compare'>('read');
  const [viewing, setViewing] = useState<string | null>(null);
  const [large, setLarge] = useState(false);
  const a = agreement.data;
  if (agreement.error && !a) return <ErrorAlert error={agreement.error} />;
  if (!a) return <div aria-busy="true" />;
  if (!a.current) return <StarterPicker teamId={team.id} today={a.today} />;
  const current = a.current;
  const shown = a.versions.find((v) => v.id === viewing) ?? a.versions[0]!;
  const revisitShown = shown.id === current.id ? a.revisitBy : shown.revisitBy;

  return (
    <div className="agreement-layout">
      <div className="agreement-main">
        {a.revisitDue && mode !== 'edit' && (
          <RevisitPanel
            versionId={current.id}
            version={current.version}
            revisitBy={a.revisitBy!}
            today={a.today}
            onEdit={() => setMode('edit')}
          />
        )}
        {mode === 'edit' && (
          <AgreementEditor
            teamId={team.id}
            current={current}
            revisitBy={a.revisitBy ?? current.revisitBy}
            today={a.today}
            members={members}
            roles={roles.data ?? []}
            onDone={() => setMode('read')}
          />
        )}
        {mode === 'compare' && <AgreementCompare versions={a.versions} />}
        {mode === 'read' && (
          <section className="card agreement-card" aria-labelledby="agreement-heading">
            <div className="section-head agreement-head">
              <div>
                <h2 id="agreement-heading">
                  Operating agreement · version {shown.version}
                  {shown.id !== current.id && <span className="badge badge-warn">not in force</span>}
                </h2>
                <p className="muted-note">
                  {shown.changeNote} · {formatDate(shown.createdAt)} · revisit by {revisitShown ? day(revisitShown) : 'no date'}
                </p>
              </div>
              <div className="agreement-actions">
                <button className="btn" aria-pressed={large} onClick={() => setLarge(!large)}>
                  Large type
                </button>
                {shown.id !== current.id && (
                  <button className="btn" onClick={() => setViewing(null)}>
                    Back to the version in force
                  </button>
                )}
                {a.versions.length > 1 && (
                  <button className="btn" onClick={() => setMode('compare')}>
                    Compare versions
                  </button>
                )}
                <button className="btn btn-primary" onClick={() => setMode('edit')}>
                  Edit
                </button>
              </div>
            </div>
            {shown.id === current.id ? (
              <AgreementView version={current} large={large} />
            ) : (
              <OldVersion versionId={shown.id} large={large} />
            )}
          </section>
        )}
      </div>
      <aside className="card agreement-side" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        <ol className="version-list" aria-label="Versions">
          {a.versions.map((v) => (
            <li key={v.id} className={v.id === shown.id && mode === 'read' ? 'is-current' : ''}>
              <button
                className="version-link"
                onClick={() => {
                  setViewing(v.id === current.id ? null : v.id);
                  setMode('read');
                }}
              >
                Version {v.version}
                {v.id === current.id ? ' (in force)' : ''}
              </button>
              <span className="version-note">{v.changeNote}</span>
              <time>{formatDate(v.createdAt)}</time>
            </li>
          ))}
        </ol>
        {mode !== 'read' && (
          <button className="btn btn-ghost" onClick={() => setMode('read')}>
            Back to reading
          </button>
        )}
        {a.revisits.length > 0 && (
          <>
            <h3 className="subhead">Revisits</h3>
            <ul className="version-list" aria-label="Revisits">
              {a.revisits.map((r) => (
                <li key={r.id}>
                  <span>
                    Version {r.version} still stands: {r.note}
                  </span>
                  <time>
                    {formatDate(r.at)} · next {day(r.nextRevisitBy)}
                  </time>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </div>
  );
}
