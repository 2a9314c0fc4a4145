import { useEffect, useRef } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { formatCountdown } from '@shared/timer';
import { liveView } from './live-model';

/** Meeting elapsed against its length, and how far behind or ahead it runs; its own text only (a timer, as it ticks). */
export function MeetingClockLine({ detail, now }: { detail: MeetingDetail; now: () => number }) {
  const elapsed = useRef<HTMLSpanElement>(null);
  const drift = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const view = liveView(detail);
    const update = () => {
      const t = now();
      const pace = view.pace(t);
      if (elapsed.current) elapsed.current.textContent = formatCountdown(pace.elapsedMs);
      if (drift.current && drift.current.textContent !== pace.words) {
        drift.current.textContent = pace.words;
        drift.current.dataset.state = pace.state;
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
      <span>
        <span ref={elapsed} className="meeting-elapsed" /> of {detail.meeting.plannedLengthMin} min
      </span>
      <span ref={drift} className="drift" />
    </div>
  );
}
