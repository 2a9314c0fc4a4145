import { memo, useLayoutEffect, useRef } from 'react';
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
  const list = useRef<HTMLOListElement>(null);
  const moreNote = useRef<HTMLParagraphElement>(null);
  const earlierNote = useRef<HTMLParagraphElement>(null);
  // The projector cannot scroll: where its agenda is longer than the screen, the list starts at the item before the
  // current one, so the room sees where the meeting is and what comes next (projector.css clips the rest). The
  // console's list scrolls within its card (live.css) and is kept there the same way: at item 21 of 30 its current
  // row sat two screens below the fold.
  useLayoutEffect(() => {
    const ol = list.current;
    if (!ol) return;
    const show = () => {
      const current = ol.querySelector<HTMLElement>('[aria-current="step"]');
      const from = (current?.previousElementSibling ?? current) as HTMLElement | null;
      const top = (ol.firstElementChild as HTMLElement | null)?.offsetTop ?? 0;
      const rows = [...ol.children] as HTMLElement[];
      const last = rows[rows.length - 1];
      // No further than the last row's foot allows: the list's scroll height counts the gap before the room after the
      // rows (projector.css), and a scroll clamped to it hid one more row than needed with that room empty below the
      // last (walked at 1920x1080: "2 earlier" over two rows' worth of empty card).
      // On the projector the list starts on a whole row: the first at or after that scroll.
      const lowest = last ? Math.max(0, last.offsetTop - top + last.offsetHeight - ol.clientHeight) : 0;
      let wanted = from ? from.offsetTop - top : 0;
      if (large && wanted > lowest) {
        const whole = rows.find((row) => row.offsetTop - top >= lowest - 1);
        wanted = whole ? whole.offsetTop - top : lowest;
      }
      if (large) ol.style.removeProperty('--end-room');
      ol.scrollTop = wanted;
      // Near the end of a list that does not fit, the scroll stops short of the row before the current one and the
      // first row shown was cut at its top, under a fade that read as a row cut by mistake, not as a fade. The list
      // starts at the next whole row instead: room after the last row (projector.css) lets it scroll there, so the
      // agenda's end stays on the screen.
      if (large && ol.scrollTop < wanted - 1) {
        const next = rows.find((row) => row.offsetTop - top >= ol.scrollTop - 1);
        const at = next ? next.offsetTop - top : ol.scrollTop;
        if (at > ol.scrollTop + 1) {
          ol.style.setProperty('--end-room', `${Math.ceil(at - ol.scrollTop)}px`);
          ol.scrollTop = at;
        }
      }
      // Rows below the screen's edge: the last one shown would be cut mid-line; projector.css fades it instead, so the
      // room reads "more follows", not a broken row. (The console's list, which scrolls, may still start on a cut row.)
      // A row past the list's edge, not its scroll height: the rows' spacing ran 3 px past an eight-item agenda that
      // fits at 1280x720, and its last whole row faded as if more followed.
      const edge = ol.scrollTop + ol.clientHeight + 1;
      const below = rows.some((row) => row.offsetTop - top + row.offsetHeight > edge);
      const above = ol.scrollTop < wanted - 1 && !rows.some((row) => Math.abs(row.offsetTop - top - ol.scrollTop) < 1);
      const more = below && above ? 'both' : below ? 'below' : above ? 'above' : 'none';
      // Written only when it changes: each write makes the browser recompute the list's style.
      if (ol.dataset.more !== more) ol.dataset.more = more;
      if (!large) return;
      // The room reads how many items follow under the last whole row ("+3 more"), and how many went before over the
      // first ("4 earlier"): the list scrolled past them with nothing to say so.
      const after = rows.filter((row) => row.offsetTop - top + row.offsetHeight > edge).length;
      const before = rows.filter((row) => row.offsetTop - top < ol.scrollTop - 1).length;
      const earlier = earlierNote.current;
      const earlierWords = before > 0 ? `${before} earlier` : '';
      if (earlier && earlier.textContent !== earlierWords) {
        earlier.textContent = earlierWords;
        earlier.hidden = before === 0;
      }
      const words = after > 0 ? `+${after} more` : '';
      const note = moreNote.current;
      if (note && note.textContent !== words) {
        note.textContent = words;
        note.hidden = after === 0;
      }
    };
    // Run by the observer, whose first report comes in the frame's own rendering step, after the layout it does anyway,
    // and again once the list has its final height (the screen's size, the countdown's type: a list still taller than
    // its rows when first shown would have clamped the offset). Called here, in React's commit, the rows' offsets laid
    // the console out before the new item was even in the DOM: next/previous showed 3-5 ms later in the console bench.
    const observer = new ResizeObserver(show);
    observer.observe(ol);
    return () => observer.disconnect();
  }, [large, currentItemId, items]);
  return (
    <section className={`card agenda-progress${large ? ' is-large' : ''}`} aria-labelledby="progress-heading">
      {large ? (
        // How many items went before is said beside the heading, not on a line of its own that would cost a row.
        <div className="p-head">
          <h2 id="progress-heading">Agenda</h2>
          <p ref={earlierNote} className="p-earlier" hidden />
        </div>
      ) : (
        <h2 id="progress-heading">Agenda</h2>
      )}
      {/* The console's list may scroll: from the keyboard too. */}
      <ol ref={list} aria-label="Agenda progress" tabIndex={large ? undefined : 0}>
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
      {large && <p ref={moreNote} className="p-more" hidden />}
    </section>
  );
});
