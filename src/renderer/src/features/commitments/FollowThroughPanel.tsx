import { useId } from 'react';
import { slipsWords, type FollowThroughFigures } from '@shared/commitments';
import { useQuery } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { PeriodChooser, usePeriod } from '@renderer/ui/PeriodChooser';
import { shortDate } from '../health/health-format';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

function Figures({ f }: { f: FollowThroughFigures }) {
  return (
    <>
      <td>{f.due}</td>
      <td>
        {pct(f.doneOnTimeShare)} <span className="muted-note">({f.doneOnTime})</span>
      </td>
      <td>
        {pct(f.renegotiatedInAdvanceShare)} <span className="muted-note">({f.renegotiatedInAdvance})</span>
      </td>
      <td>{f.renegotiatedLate}</td>
      <td>{slipsWords(f)}</td>
    </>
  );
}

/**
 * Follow-through without blame: how much of what was promised got done by its first date, how
 * often a date was renegotiated before it passed, and what slips taught. A trend per meeting.
 */
export function FollowThroughPanel({ teamId, memberId, title = 'Follow-through' }: { teamId: string; memberId?: string; title?: string }) {
  const headingId = useId();
  const { day } = useFormat();
  const period = usePeriod();
  const { from, to } = period;
  const query = useQuery('commitments.followThrough', { teamId, from: from || null, to: to || null });
  const f = query.data;
  if (!f) return <ErrorAlert error={query.error} />;
  const rows = memberId ? f.members.filter((m) => m.memberId === memberId) : f.members;
  return (
    <section className="card follow-through" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted-note">
        Commitments whose first due date fell between {day(f.from)} and {day(f.to)}
        {from || to ? '' : ' (the last 13 weeks)'}. For learning, not ranking.
      </p>
      <PeriodChooser {...period} />
      <ErrorAlert error={query.error} />
      <table className="ft-table">
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Due</th>
            <th scope="col">Done by the first date</th>
            <th scope="col">New date agreed before due</th>
            <th scope="col">New date agreed after due</th>
            <th scope="col">Slips and causes</th>
          </tr>
        </thead>
        <tbody>
          {!memberId && (
            <tr className="ft-team">
              <th scope="row">Whole team</th>
              <Figures f={f.team} />
            </tr>
          )}
          {rows.map((m) => (
            <tr key={m.memberId}>
              <th scope="row">
                {m.name}
                {m.left ? ' (left)' : ''}
              </th>
              <Figures f={m.figures} />
            </tr>
          ))}
        </tbody>
      </table>
      {!memberId && f.trend.length > 0 && (
        <figure className="ft-trend">
          <figcaption>Done by the first date, per meeting (commitments due since the meeting before)</figcaption>
          <svg viewBox={`0 0 ${f.trend.length * 60} 120`} role="img" aria-label="Share done by the first date per meeting">
            {f.trend.map((p, i) => {
              const h = p.doneOnTimeShare === null ? 0 : p.doneOnTimeShare * 90;
              return (
                <g key={p.meetingId} transform={`translate(${i * 60 + 10}, 0)`}>
                  <rect x="0" y={100 - 90} width="40" height="90" className="ft-bar-bg" rx="3" />
                  <rect x="0" y={100 - h} width="40" height={h} className="ft-bar" rx="3" />
                  <text x="20" y="116" textAnchor="middle" className="ft-label">
                    {shortDate(p.date)}
                  </text>
                  <text x="20" y={Math.min(96, 100 - h - 4)} textAnchor="middle" className="ft-value">
                    {p.due ? `${Math.round((p.doneOnTimeShare ?? 0) * 100)}% of ${p.due}` : '—'}
                  </text>
                </g>
              );
            })}
          </svg>
        </figure>
      )}
    </section>
  );
}
