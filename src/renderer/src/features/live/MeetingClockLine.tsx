import { memo, useEffect, useMemo, useRef } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { formatCountdown, formatElapsed } from '@shared/timer';
import { paceOf, type ScheduledItem } from './live-model';

/**
 * Meeting elapsed against its length, both in the clock's one unit ("12:05 of 45:00"), and how far behind or
 * ahead it runs, from `meetingPace`; its own text only (a timer, as it ticks). The console and the projector
 * both show this line, so the room and the facilitator never read different figures. Memoised on the agenda and
 * the clock: a turn or a note changes neither, so the line neither renders nor restarts its timer.
 */
export const MeetingClockLine = memo(function MeetingClockLine({
  items,
  clock,
  plannedLengthMin,
  now,
}: {
  items: ScheduledItem[];
  clock: MeetingDetail['clock'];
  plannedLengthMin: number;
  now: () => number;
}) {
  const elapsed = useRef<HTMLSpanElement>(null);
  const drift = useRef<HTMLSpanElement>(null);
  const pace = useMemo(() => paceOf({ items, clock, plannedLengthMin }), [items, clock, plannedLengthMin]);
  useEffect(() => {
    const update = () => {
      const at = pace(now());
      const text = `${formatElapsed(at.elapsedMs)} of ${formatCountdown(at.plannedMs)}`;
      // Written only when it changed: the same text written again replaces its node and dirties the line's layout,
      // and this runs again on every change event that moves the agenda (chromium16's trace of next/previous).
      if (elapsed.current && elapsed.current.textContent !== text) elapsed.current.textContent = text;
      if (drift.current && drift.current.textContent !== at.words) {
        drift.current.textContent = at.words;
        drift.current.dataset.state = at.state;
        // A plan longer than the meeting is a warning too, though nothing has run late.
        drift.current.dataset.plan = at.overPlanMin > 0 ? 'over' : 'fits';
      }
    };
    update();
    const timer = window.setInterval(update, 1000);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', update);
    };
  }, [pace, now]);
  return (
    <div className="meeting-clock" role="timer" aria-label="Meeting time">
      <span ref={elapsed} className="meeting-elapsed" />
      <span ref={drift} className="drift" />
    </div>
  );
});
