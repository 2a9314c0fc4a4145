import type { Decision } from '@shared/decisions';
import { href } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';
import { StatusBadge } from './StatusBadge';

/** The decisions a meeting made or worked on, each linked to its full record; one it left open links to the meeting that took it up. */
export function MeetingDecisions({ decisions }: { decisions: Decision[] }) {
  const { day } = useFormat();
  if (decisions.length === 0) return null;
  return (
    <section className="meeting-decisions" aria-labelledby="meeting-decisions-heading">
      <div className="section-head">
        <h2 id="meeting-decisions-heading">Decisions</h2>
        <span className="badge">{decisions.length}</span>
      </div>
      <ul className="meeting-decision-list">
        {decisions.map((d) => (
          <li key={d.id} className="card">
            <div className="log-row-top">
              <a className="log-title" href={href({ name: 'decision', decisionId: d.id })}>
                {d.title}
              </a>
              <span className="log-badges">
                {d.objections.length > 0 && <span className="badge badge-warn">Dissent</span>}
                <StatusBadge status={d.status} />
              </span>
            </div>
            {d.decision && <p className="prose">{d.decision}</p>}
            <p className="log-meta">
              {d.ownerName ? `Owner ${d.ownerName}` : 'No owner named'}
              {d.decisionRight ? ` · ${d.decisionRight}` : ''}
              {d.reviewDate ? ` · review ${day(d.reviewDate)}` : ''}
              {d.positions.length > 0 && ` · ${d.positions.length} positions`}
            </p>
            {d.takenUpIn && (
              <p className="log-meta">
                Taken up again in <a href={href({ name: 'meeting', meetingId: d.takenUpIn.meetingId })}>{d.takenUpIn.title}</a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
