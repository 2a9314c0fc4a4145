import { memo } from 'react';
import { useQuery } from '@renderer/api/hooks';
import { href } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';

/**
 * Home: each team's next meeting, so the facilitator starts where the work is. Memoised: opening the New team form
 * renders the home page again, and this part does not change with it.
 */
export const NextUp = memo(function NextUp() {
  const next = useQuery('meetings.nextUp', {}).data ?? [];
  const format = useFormat();
  if (next.length === 0) return null;
  return (
    <section className="next-up" aria-labelledby="next-up-heading">
      <h2 id="next-up-heading">Next up</h2>
      <div className="next-up-grid">
        {next.map((m) => {
          const over = m.plannedTotalMin - m.plannedLengthMin;
          return (
            <a key={m.id} className="card next-card" href={href({ name: 'meeting', meetingId: m.id })}>
              <span className="next-team">{m.teamName}</span>
              <span className="next-title">{m.title}</span>
              <span className="next-when">{m.scheduledStart !== null ? format.dateTime(m.scheduledStart, m.timeZone) : 'Unscheduled'}</span>
              <span className="next-meta">
                {m.itemCount} items · {m.plannedTotalMin}/{m.plannedLengthMin} min
                {m.oldBusinessCount > 0 && ` · ${m.oldBusinessCount} from last time`}
              </span>
              {over > 0 && <span className="badge badge-warn">{over} min over</span>}
            </a>
          );
        })}
      </div>
    </section>
  );
});
