import { memo } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { itemElapsed } from '@shared/timer';
import { agendaTime, itemClock, type ScheduledItem } from './live-model';

/**
 * The agenda as the meeting moves through it: the minutes each item is allowed (and its plan, where a catch-up or
 * +1 changed it) against the minutes it took. Memoised on the agenda and the clock: a turn or a note changes
 * neither, so it does not render again.
 */
export const AgendaProgress = memo(function AgendaProgress({
  items,
  clock,
  currentItemId,
  now,
  large = false,
}: {
  items: ScheduledItem[];
  clock: MeetingDetail['clock'];
  currentItemId: string | null;
  now: () => number;
  large?: boolean;
}) {
  return (
    <section className={`card agenda-progress${large ? ' is-large' : ''}`} aria-labelledby="progress-heading">
      <h2 id="progress-heading">Agenda</h2>
      <ol aria-label="Agenda progress">
        {items.map((item) => {
          const actual =
            item.startedAt !== null && item.status !== 'active' ? Math.round(itemElapsed(itemClock(item), clock, now()) / 60_000) : null;
          const time = agendaTime(item, actual);
          return (
            <li
              key={item.id}
              className={`p-${item.status}${item.id === currentItemId ? ' is-current' : ''}`}
              aria-current={item.id === currentItemId ? 'step' : undefined}
            >
              <span className="p-dot" aria-hidden="true" />
              <span className="p-title">{item.title}</span>
              <span className="p-time">
                {time.allowed}
                {time.plan && <span className="p-plan"> {time.plan}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
