import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Commitment } from '@shared/commitments';
import { useFormat } from '@renderer/app/settings-context';
import { eventText } from './CommitmentLine';

/** One row with the gap below it, before it is measured (commitments.css: .review-pick, .review-list). */
const ROW_PX = 44;
/** Rows the box shows before it scrolls: the list stays beside the commitment under review, not below the fold. */
const ROWS_SHOWN = 8;

interface ListProps {
  review: Commitment[];
  index: number;
  recordedHere: (c: Commitment) => boolean;
  onPick: (index: number) => void;
}

/**
 * Every commitment of the review, owner by owner, in a box that scrolls and follows the one under review. Only the
 * rows in view (and a few either side) are in the DOM: a team's open commitments after ten years are hundreds, and
 * drawing them all made the console's "next item" onto the review cost more than the rest of the page together.
 *
 * The rows come a frame after the box: placing them reads the page's layout (the box's size and scroll, each row's
 * height), and read in the commit that brings the review's item it forced a layout of the whole console before that
 * item could show (on a ten-year team, most of the console's work on "next item"). The box holds their height meanwhile,
 * so nothing below it moves.
 */
export function ReviewList(props: ListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setDrawn(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  const height = ROW_PX * Math.min(ROWS_SHOWN, props.review.length);
  return (
    <div ref={box} className="review-scroll" style={drawn ? { maxHeight: ROW_PX * ROWS_SHOWN } : { height }}>
      {drawn && <Rows {...props} box={box} />}
    </div>
  );
}

function Rows({ review, index, recordedHere, onPick, box }: ListProps & { box: RefObject<HTMLDivElement | null> }) {
  const { day, datesIn } = useFormat();
  // eslint-disable-next-line react-hooks/incompatible-library -- the walk is not memoised; the virtualiser re-renders it as it scrolls
  const virtualizer = useVirtualizer({
    count: review.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_PX,
    getItemKey: (i) => review[i]!.id,
    // The first rows are drawn at the box's height, not one layout later.
    initialRect: { width: 0, height: ROW_PX * ROWS_SHOWN },
    overscan: 4,
  });
  // Walking with the keys (or after an outcome) keeps the current row in view.
  useEffect(() => {
    if (index < review.length) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [index, review.length, virtualizer]);
  return (
    <ol className="review-list is-windowed" aria-label="Commitments to review" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) => {
        const c = review[row.index]!;
        return (
          <li
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            // A screen reader hears where in the whole list a drawn row stands.
            aria-setsize={review.length}
            aria-posinset={row.index + 1}
            className={row.index === index ? 'is-current' : ''}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            <button type="button" className="review-pick" onClick={() => onPick(row.index)}>
              <span>
                {c.ownerName}: {c.outcome}
              </span>
              <span className="muted-note">
                {recordedHere(c) ? datesIn(eventText(c.events.at(-1)!).split(':')[0]!) : `due ${day(c.dueDate)}`}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
