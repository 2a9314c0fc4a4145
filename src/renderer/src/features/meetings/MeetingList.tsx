import type { MeetingSummary } from '@shared/planning';
import { href } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';
import { heldMinutes, heldWords } from './time-words';

export function MeetingList({
  meetings,
  label,
  showTeam,
  empty,
}: {
  meetings: MeetingSummary[];
  label: string;
  showTeam: boolean;
  empty: string;
}) {
  const format = useFormat();
  if (meetings.length === 0) return <p className="muted-note">{empty}</p>;
  return (
    <ul className="meeting-list" aria-label={label}>
      {meetings.map((m) => {
        const over = m.plannedTotalMin - m.plannedLengthMin;
        // A held meeting says the time it took, as its page does; its plan is no longer what happened.
        const took = heldMinutes(m);
        // A meeting that has started is shown by when it was held; its planned day is said when it was another.
        const when = m.startedAt ?? m.scheduledStart;
        const plannedDay = m.scheduledStart !== null ? format.date(m.scheduledStart, m.timeZone) : null;
        const plannedOtherDay = m.startedAt !== null && plannedDay !== null && format.date(m.startedAt, m.timeZone) !== plannedDay;
        return (
          <li key={m.id}>
            <a className="meeting-link" href={href({ name: 'meeting', meetingId: m.id })}>
              <span className="meeting-when">
                {when !== null ? (
                  <>
                    <strong>{format.date(when, m.timeZone)}</strong>
                    <span>{format.time(when, m.timeZone)}</span>
                  </>
                ) : (
                  <strong>Unscheduled</strong>
                )}
              </span>
              <span className="meeting-what">
                <span className="meeting-title">{m.title}</span>
                <span className="meeting-meta">
                  {showTeam && `${m.teamName} · `}
                  {m.itemCount} items ·{' '}
                  {took === null
                    ? `${m.plannedTotalMin} of ${m.plannedLengthMin} min planned`
                    : `${took} of ${m.plannedLengthMin} min taken, ${heldWords(took - m.plannedLengthMin)}`}
                  {m.facilitatorName && ` · facilitated by ${m.facilitatorName}`}
                  {plannedOtherDay && ` · planned for ${plannedDay}`}
                </span>
              </span>
              {m.status === 'live' && <span className="status-pill s-live">Live now</span>}
              {m.calledOff && <span className="status-pill s-called-off">Called off</span>}
              {m.status === 'planned' && !m.calledOff && over > 0 && <span className="badge badge-warn">{over} min over</span>}
              {m.status === 'ended' && <span className="badge">Read-only</span>}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
