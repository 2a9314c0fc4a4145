import { useEffect, useRef } from 'react';
import { formatCountdown, formatElapsed, phaseOf } from '@shared/timer';

/**
 * A countdown that writes only its own text node and phase class, a few times a second and
 * whenever the window becomes visible again, so the page around it never re-renders per tick.
 */
export function Countdown({
  remaining,
  className,
  label,
  warningMs,
  onPhase,
  plain = false,
}: {
  remaining: () => number | null;
  className: string;
  label: string;
  /** When the colour turns to warning; a minute unless said otherwise. */
  warningMs?: number;
  /** Told when the phase changes (for the chime), not on every tick. */
  onPhase?: (phase: string, previous: string) => void;
  /** A plain clock (elapsed time): whole seconds gone, no warning or overtime colours. */
  plain?: boolean;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let shown = '';
    let phase = '';
    const update = () => {
      const el = ref.current;
      const ms = remaining();
      if (!el) return;
      const text = ms === null ? '–:––' : plain ? formatElapsed(ms) : formatCountdown(ms);
      if (text !== shown) {
        el.textContent = text;
        // Its length, so a fixed box (the projector's corner) can size "9:59", "10:00" and "-10:00" to fit.
        el.style.setProperty('--chars', String(text.length));
        shown = text;
      }
      const next = ms === null ? 'idle' : plain ? 'normal' : phaseOf(ms, warningMs);
      if (next !== phase) {
        el.dataset.phase = next;
        if (phase) onPhase?.(next, phase);
        phase = next;
      }
    };
    update();
    const timer = window.setInterval(update, 250);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', update);
    };
  }, [remaining, warningMs, onPhase, plain]);
  return <span ref={ref} className={className} role="timer" aria-label={label} data-phase="idle" />;
}
