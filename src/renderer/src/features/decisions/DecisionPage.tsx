import { useState } from 'react';
import { decisionStatusLabel, type DecisionDetail } from '@shared/decisions';
import { useQuery } from '@renderer/api/hooks';
import { href } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';
import { useTeamZones } from '@renderer/features/teams/use-team-zone';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Objections } from './Objections';
import { OptionsList } from './ProposalPanel';
import { RecordForm } from './RecordForm';
import { ReviewForm } from './ReviewForm';
import { PositionChip, StanceChip, StatusBadge } from './StatusBadge';

function Chain({ decision }: { decision: DecisionDetail }) {
  const { date } = useFormat();
  const zone = useTeamZones()(decision.teamId);
  if (decision.chain.length < 2) return null;
  return (
    <section className="card chain" aria-labelledby="chain-heading">
      <h2 id="chain-heading">Supersede chain</h2>
      <ol className="timeline">
        {decision.chain.map((link) => (
          <li
            key={link.id}
            className={link.id === decision.id ? 'is-here' : ''}
            aria-current={link.id === decision.id ? 'true' : undefined}
          >
            <span className="timeline-dot" aria-hidden="true" />
            <div>
              {link.id === decision.id ? (
                <strong>{link.title}</strong>
              ) : (
                <a href={href({ name: 'decision', decisionId: link.id })}>{link.title}</a>
              )}
              <div className="log-meta">
                {date(link.decidedAt ?? link.createdAt, zone)} · {decisionStatusLabel(link.status)}
                {link.supersedeKind && ` · ${link.supersedeKind === 'reverses' ? 'reverses' : 'supersedes'} the one before`}
                {link.meetingTitle ? ` · ${link.meetingTitle}` : ' · recorded outside a meeting'}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Amend({ decision }: { decision: DecisionDetail }) {
  const team = useQuery('teams.get', { teamId: decision.teamId });
  const [amending, setAmending] = useState(false);
  if (!amending) {
    return (
      <button className="btn" onClick={() => setAmending(true)}>
        Amend, with a reason…
      </button>
    );
  }
  return <RecordForm decision={decision} members={team.data?.members ?? []} mode="amend" onSaved={() => setAmending(false)} />;
}

/** One decision, whole: the record, where it came from, who stood where and why, what changed since. */
export function DecisionPage({ decisionId }: { decisionId: string }) {
  const query = useQuery('decisions.get', { decisionId });
  const { date, dateTime, day, datesIn } = useFormat();
  const zoneOf = useTeamZones();
  const d = query.data;
  if (query.error && !d) {
    return (
      <div className="page">
        <ErrorAlert error={query.error} />
        <a href={href({ name: 'decisions' })}>Back to the decision log</a>
      </div>
    );
  }
  if (!d) return <div className="page" aria-busy="true" />;
  const zone = zoneOf(d.teamId);
  const section = (title: string, text: string) =>
    text.trim() ? (
      <section className="record-section">
        <h3>{title}</h3>
        <p className="prose">{text}</p>
      </section>
    ) : null;

  return (
    <div className="page decision-page">
      <p className="eyebrow">
        <a href={href({ name: 'decisions' })}>Decision log</a> · {d.teamName}
      </p>
      <header className="page-head">
        <div>
          <h1>{d.title}</h1>
          <p className="lede">
            <StatusBadge status={d.status} />{' '}
            {d.decidedAt ? `Decided ${dateTime(d.decidedAt, zone)}` : `Proposed ${dateTime(d.createdAt, zone)}`}
            {d.meetingId && d.meetingTitle && (
              <>
                {' '}
                in <a href={href({ name: 'meeting', meetingId: d.meetingId })}>{d.meetingTitle}</a>
                {d.meetingStart ? ` (${date(d.meetingStart, zone)})` : ''}
              </>
            )}
          </p>
        </div>
      </header>
      {d.replacedBy && (
        <p className="alert alert-warn decision-replaced">
          {d.status === 'reversed' ? 'Reversed' : 'Superseded'} by{' '}
          <a href={href({ name: 'decision', decisionId: d.replacedBy.id })}>{d.replacedBy.title}</a>
        </p>
      )}
      <div className="decision-layout">
        <div className="decision-main">
          <section className="card">
            {section('Question', d.question)}
            {section('Decision', d.decision)}
            {section('Rationale', d.rationale)}
            {section('Context', d.context)}
            <OptionsList decision={d} />
            {section('Risks acknowledged', d.risks)}
            {section('Expected timeline', d.timeline)}
            <dl className="record-facts">
              <dt>Decision owner</dt>
              <dd>{d.ownerName ?? 'Not named'}</dd>
              <dt>Decision right</dt>
              <dd>{d.decisionRight ?? 'Not recorded'}</dd>
              <dt>Proposed by</dt>
              <dd>{d.proposerName ?? 'Not recorded'}</dd>
              <dt>Review date</dt>
              <dd>{d.reviewDate ? day(d.reviewDate) : 'None'}</dd>
              {d.meetingId ? (
                <>
                  <dt>Confirmed by the room</dt>
                  <dd>{d.confirmedAt ? dateTime(d.confirmedAt, zone) : 'No'}</dd>
                </>
              ) : (
                <>
                  {/* No room was there to confirm it: say how it came into the log instead. */}
                  <dt>Recorded</dt>
                  <dd>Outside a meeting, {dateTime(d.createdAt, zone)}: no room confirmed it</dd>
                </>
              )}
              <dt>Tags</dt>
              <dd>{d.tags.length ? d.tags.join(', ') : 'None'}</dd>
              {d.supersedes && (
                <>
                  <dt>{d.supersedeKind === 'reverses' ? 'Reverses' : 'Supersedes'}</dt>
                  <dd>
                    <a href={href({ name: 'decision', decisionId: d.supersedes.id })}>{d.supersedes.title}</a>
                  </dd>
                </>
              )}
            </dl>
          </section>
          <section className="card" aria-labelledby="positions-heading">
            <h2 id="positions-heading">Positions</h2>
            {d.positions.length === 0 ? (
              <p className="muted-note">No positions were recorded.</p>
            ) : (
              <table className="positions-table">
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    <th scope="col">Position</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {d.positions.map((p) => (
                    <tr key={p.id}>
                      <td>{p.memberName}</td>
                      <td>
                        <PositionChip position={p} objections={d.objections} asRecorded />
                      </td>
                      <td>{p.reason ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {d.positionHistory.length > d.positions.length && (
              <details>
                <summary>Every stance recorded ({d.positionHistory.length})</summary>
                <ol className="plain-list">
                  {d.positionHistory.map((p) => (
                    <li key={p.id}>
                      {dateTime(p.recordedAt, zone)} · {p.memberName}: <StanceChip stance={p.stance} /> {p.reason ? `“${p.reason}”` : ''}
                    </li>
                  ))}
                </ol>
              </details>
            )}
            <Objections decision={d} editable={false} />
          </section>
        </div>
        <aside className="decision-side">
          <Chain decision={d} />
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            {d.amendments.length === 0 ? (
              <p className="muted-note">Not changed since it was recorded.</p>
            ) : (
              <ol className="amendments">
                {d.amendments.map((a) => (
                  <li key={a.id}>
                    <div className="log-meta">{dateTime(a.at, zone)}</div>
                    <strong>{a.reason}</strong>
                    <ul>
                      {a.changes.map((c, i) => (
                        <li key={i}>
                          {c.field}: <del>{datesIn(c.from) || '(empty)'}</del> → <ins>{datesIn(c.to) || '(empty)'}</ins>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            )}
            {d.changesBy === 'amendment' && <Amend decision={d} />}
            {d.status === 'accepted' && <ReviewForm decisionId={d.id} />}
          </section>
        </aside>
      </div>
    </div>
  );
}
