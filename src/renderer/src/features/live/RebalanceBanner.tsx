import { useEffect, useState } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { suggestRebalance, type Rebalance } from '@shared/rebalance';
import { liveView } from './live-model';

/**
 * When the meeting runs a minute or more behind, proposes how the rest can still end on time.
 * Re-evaluated every few seconds from the clock; the facilitator applies it or ignores it.
 */
export function RebalanceBanner({ detail, now, onApply }: { detail: MeetingDetail; now: () => number; onApply: (r: Rebalance) => void }) {
  const [suggestion, setSuggestion] = useState<Rebalance | null>(null);
  const [ignoredAt, setIgnoredAt] = useState<number | null>(null);
  useEffect(() => {
    const view = liveView(detail);
    const check = () => {
      const behindMin = view.drift(now()) / 60_000;
      const pending = detail.items
        .filter((i) => i.status === 'pending')
        .map((i) => ({ id: i.id, title: i.title, kind: i.kind, plannedMin: i.plannedMin }));
      setSuggestion(behindMin >= 1 ? suggestRebalance(pending, behindMin) : null);
    };
    check();
    const timer = window.setInterval(check, 5000);
    return () => window.clearInterval(timer);
  }, [detail, now]);

  // Ignoring holds until the meeting falls further behind than when it was ignored.
  if (!suggestion || detail.clock.pausedAt !== null || (ignoredAt !== null && suggestion.savedMin <= ignoredAt)) return null;
  return (
    <section className="rebalance alert alert-warn" role="region" aria-label="Rebalance suggestion">
      <div>
        <strong>The meeting runs {suggestion.savedMin} min behind.</strong>{' '}
        {suggestion.shorten.length > 0
          ? `To end on time: ${suggestion.shorten.map((s) => `shorten “${s.title}” ${s.fromMin}→${s.toMin} min`).join(', ')}.`
          : `To end on time: move ${suggestion.cut.map((c) => `“${c.title}”`).join(', ')} to the next meeting.`}
      </div>
      <div className="rebalance-actions">
        <button className="btn btn-primary" onClick={() => onApply(suggestion)}>
          Apply
        </button>
        <button className="btn btn-ghost" onClick={() => setIgnoredAt(suggestion.savedMin)}>
          Ignore
        </button>
      </div>
    </section>
  );
}
