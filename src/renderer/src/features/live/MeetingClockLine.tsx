import { useEffect, useRef } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { formatCountdown } from '@shared/timer';
import { liveView } from './live-model';

/**
 * Meeting elapsed against its length, both in the clock's one unit ("12:05 of 45:00"), and how far behind or
 * ahead it runs, from `meetingPace`; its own text only (a timer, as it ticks). The console and the projector
 * both show this line, so the room and the facilitator never read different figures.
 */
export function MeetingClockLine({ detail, now }: { detail: MeetingDetail; now: () => number }) {
  const elapsed = useRef<HTMLSpanElement>(null);
  const drift = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const view = liveView(detail);
    const update = () => {
      const pace = view.pace(now());
      if (elapsed.current) elapsed.current.textContent = `${formatCountdown(pace.elapsedMs)} of ${formatCountdown(pace.plannedMs)}`;
      if (drift.current && drift.current.textContent !== pace.words) {
        drift.current.textContent = pace.words;
        drift.current.dataset.state = pace.state;
        // A plan longer than the meeting is a warning too, though nothing has run late.
        drift.current.dataset.plan = pace.overPlanMin > 0 ? 'over' : 'fits';
      }
    };
    update();
    const timer = window.setInterval(update, 1000);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', update);
    };
  }, [detail, now]);
  return (
    <div className="meeting-clock" role="timer" aria-label="Meeting time">
      <span ref={elapsed} className="meeting-elapsed" />
      <span ref={drift} className="drift" />
    </div>
  );
}
