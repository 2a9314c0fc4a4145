import { Fragment } from 'react';
import type { MeetingSummary } from '@shared/planning';
import { href } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';
import { heldMinutes, heldWords } from './time-words';
import { plural } from '@renderer/ui/plural';

/**
 * What the list says of a meeting, part by part. A called-off meeting says so, and why when a reason was given: its
 * agenda's plan ("55 of 45 min planned") read as a time it never took, the carried-over item counted in it.
 */
function metaParts(m: MeetingSummary, showTeam: boolean, took: number | null, plannedDay: string | null, since: string | null): string[] {
  const parts: string[] = [];
  if (showTeam) parts.push(m.teamName);
  if (m.calledOff) {
    // The reason in quotes: it is the team's own words, often with a colon of its own ("Public holiday: most away").
    parts.push(m.calledOff.reason ? `Called off: “${m.calledOff.reason}”` : 'Called off, no reason given');
    return parts;
  }
  parts.push(plural(m.itemCount, 'item'));
  // A meeting under way says since when; its plan against its length ("45 of 45 min planned") said nothing of it.
  if (since !== null) parts.push(`under way since ${since}, ${m.plannedLengthMin} min planned`);
  else
    parts.push(
      took === null
        ? `${m.plannedTotalMin} of ${m.plannedLengthMin} min planned`
        : `${took} of ${m.plannedLengthMin} min taken, ${heldWords(took - m.plannedLengthMin)}`,
    );
  if (m.facilitatorName) parts.push(`facilitated by ${m.facilitatorName}`);
  if (plannedDay) parts.push(`planned for ${plannedDay}`);
  return parts;
}

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
        const since = m.status === 'live' && m.startedAt !== null ? format.since(m.startedAt, m.timeZone) : null;
        const parts = metaParts(m, showTeam, took, plannedOtherDay ? plannedDay : null, since);
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
                {/* Each part on one line of its own, the parts wrapping between them: at 1366x768 "facilitated by Maya
                    Okafor" broke inside the name. The separator stays outside the parts: inside them, its spaces could
                    not break either, and a meeting under way ran its line past the card. */}
                <span className="meeting-meta">
                  {parts.map((part, i) => (
                    <Fragment key={i}>
                      {i > 0 && ' · '}
                      {/* A reason is the team's own words, of any length: it wraps as text does. */}
                      <span className={m.calledOff && i === parts.length - 1 ? 'meta-reason' : 'meta-part'}>{part}</span>
                    </Fragment>
                  ))}
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
