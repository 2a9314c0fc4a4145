import type { MeetingDetail } from '@shared/planning';
import { itemElapsed } from '@shared/timer';
import { itemClock } from './live-model';

/** The agenda as the meeting moves through it: planned against actual minutes. */
export function AgendaProgress({ detail, now, large = false }: { detail: MeetingDetail; now: () => number; large?: boolean }) {
  return (
    <section className={`card agenda-progress${large ? ' is-large' : ''}`} aria-labelledby="progress-heading">
      <h2 id="progress-heading">Agenda</h2>
      <ol aria-label="Agenda progress">
        {detail.items.map((item) => {
          const actual = item.startedAt !== null ? Math.round(itemElapsed(itemClock(item), detail.clock, now()) / 60_000) : null;
          return (
            <li
              key={item.id}
              className={`p-${item.status}${item.id === detail.currentItemId ? ' is-current' : ''}`}
              aria-current={item.id === detail.currentItemId ? 'step' : undefined}
            >
              <span className="p-dot" aria-hidden="true" />
              <span className="p-title">{item.title}</span>
              <span className="p-time">
                {actual !== null && item.status !== 'active' ? `${actual}/` : ''}
                {item.plannedMin} min
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
