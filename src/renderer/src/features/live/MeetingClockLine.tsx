import { useEffect, useRef } from 'react';
import { meetingPace } from '@shared/meeting-pace';
import type { MeetingDetail } from '@shared/planning';

/** Meeting elapsed against its length, and how far behind or ahead it runs; its own text only. */
export function MeetingClockLine({ detail, now }: { detail: MeetingDetail; now: () => number }) {
  const elapsed = useRef<HTMLSpanElement>(null);
  const drift = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const update = () => {
      const pace = meetingPace(detail, now());
      if (elapsed.current) elapsed.current.textContent = pace.clockText;
      if (drift.current && drift.current.textContent !== pace.driftText) {
        drift.current.textContent = pace.driftText;
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
    <div className="meeting-clock" aria-label="Meeting time">
      <span ref={elapsed} className="meeting-elapsed" />
      <span ref={drift} className="drift" />
    </div>
  );
}
