import { memo } from 'react';
import { useQuery } from '@renderer/api/hooks';
import { href } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';
import { plural } from '@renderer/ui/plural';

/**
 * Home: each team's next meeting, so the facilitator starts where the work is. A team with none planned (its last
 * meeting just ended) says so, with the way to plan it: what that meeting did not reach waits for the next one, and
 * an empty home after "End meeting" read as if it had gone.
 * Memoised: opening the New team form renders the home page again, and this part does not change with it.
 */
/** As many cards as one row of the grid holds at 1366 px: more teams with nothing planned share one card, so twenty of
 * them (a new install's teams, a quiet week) do not push the meetings that are planned and the team grid off the screen. */
const ONE_ROW = 3;
const CARRIES_OVER = 'Whatever a meeting did not reach carries over to the next one planned.';

export const NextUp = memo(function NextUp() {
  const nextUp = useQuery('meetings.nextUp', {}).data;
  const format = useFormat();
  if (!nextUp) return null;
  // One read: the teams with nothing planned come with the meetings, so a new team's card never says "No meeting
  // planned yet" between the team's arrival and its meetings'.
  const { meetings: next, unplanned } = nextUp;
  if (next.length === 0 && unplanned.length === 0) return null;
  return (
    <section className="next-up" aria-labelledby="next-up-heading">
      <h2 id="next-up-heading">Next up</h2>
      <div className="next-up-grid">
        {next.map((m) => {
          const over = m.plannedTotalMin - m.plannedLengthMin;
          // A meeting under way says so and opens its console: the card read as if it were still to come.
          const live = m.status === 'live' && m.startedAt !== null;
          return (
            <a
              key={m.id}
              className={live ? 'card next-card is-live' : 'card next-card'}
              href={href(live ? { name: 'console', meetingId: m.id } : { name: 'meeting', meetingId: m.id })}
            >
              <span className="next-team">{m.teamName}</span>
              <span className="next-title">{m.title}</span>
              <span className="next-when">
                {live
                  ? `Under way since ${format.since(m.startedAt!, m.timeZone)}`
                  : m.scheduledStart !== null
                    ? format.dateTime(m.scheduledStart, m.timeZone)
                    : 'Unscheduled'}
              </span>
              <span className="next-meta">
                {plural(m.itemCount, 'item')} ·{' '}
                {live ? `${m.plannedLengthMin} min planned` : `${m.plannedTotalMin} of ${m.plannedLengthMin} min planned`}
                {m.oldBusinessCount > 0 && ` · ${m.oldBusinessCount} from last time`}
              </span>
              {live ? (
                <span className="status-pill s-live">Live now</span>
              ) : (
                over > 0 && <span className="badge badge-warn">{over} min over</span>
              )}
            </a>
          );
        })}
        {unplanned.length <= ONE_ROW ? (
          unplanned.map((t) => (
            <a key={t.teamId} className="card next-card is-unplanned" href={href({ name: 'team', teamId: t.teamId, tab: 'meetings' })}>
              <span className="next-team">{t.teamName}</span>
              <span className="next-title">No meeting planned yet</span>
              <span className="next-meta">{CARRIES_OVER}</span>
              <span className="next-when">Plan the next meeting</span>
            </a>
          ))
        ) : (
          <div className="card next-card is-unplanned is-many">
            <span className="next-team">{unplanned.length} teams</span>
            <span className="next-title" id="next-unplanned-heading">
              No meeting planned yet
            </span>
            <span className="next-meta">{CARRIES_OVER} Choose a team to plan its next meeting:</span>
            <ul className="next-unplanned" aria-labelledby="next-unplanned-heading">
              {unplanned.map((t) => (
                <li key={t.teamId}>
                  <a href={href({ name: 'team', teamId: t.teamId, tab: 'meetings' })} aria-label={`Plan the next meeting of ${t.teamName}`}>
                    {t.teamName}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
});
