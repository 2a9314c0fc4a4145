import { memo, useEffect, useState } from 'react';
import type { MeetingPace } from '@shared/pace';
import type { MeetingDetail } from '@shared/planning';
import { suggestGiveBack, suggestRebalance, type Rebalance } from '@shared/rebalance';
import { paceOf, type ScheduledItem } from './live-model';

interface Suggestion {
  /** What the banner says first, in the header's own figures. */
  headline: string;
  rebalance: Rebalance;
}

function suggestionFor(items: ScheduledItem[], pace: MeetingPace): Suggestion | null {
  const pending = items
    .filter((i) => i.status === 'pending')
    .map((i) => ({ id: i.id, title: i.title, kind: i.kind, plannedMin: i.plannedMin, allowedMin: i.plannedMin + i.extraMs / 60_000 }));
  // The suggestion fits the meeting into its length: it absorbs the time lost and the plan's own overrun.
  const rebalance =
    pace.driftMin === 0 ? null : pace.driftMs > 0 ? suggestRebalance(pending, pace.driftMin) : suggestGiveBack(pending, pace.driftMin);
  return rebalance && { headline: headline(pace), rebalance };
}

/** Time lost and a plan longer than the meeting are different news; the room is told which it is. */
function headline(pace: MeetingPace): string {
  const plan = `its agenda is planned ${pace.overPlanMin} min over its length`;
  if (pace.state === 'on-time') return pace.overPlanMin > 0 ? `The meeting is on time, but ${plan}.` : 'The meeting is on time.';
  const runs = `The meeting runs ${pace.behindMin} min ${pace.state}`;
  return pace.overPlanMin > 0 ? `${runs}, and ${plan}.` : `${runs}.`;
}

function describe(r: Rebalance): string {
  const changes = r.allow.map((a) => `“${a.title}” ${a.fromMin}→${a.toMin} min`).join(', ');
  if (r.direction === 'give-back') return `Give the time back: ${changes}.`;
  return r.allow.length > 0
    ? `To end on time, shorten ${changes}.`
    : `To end on time, move ${r.cut.map((c) => `“${c.title}”`).join(', ')} to the next meeting.`;
}

/**
 * When the meeting would end a minute or more late (time lost, or an agenda planned longer than the meeting),
 * proposes how the rest can still end on time; once it runs ahead again, offers back the minutes a rebalance took. Both use the header's own `meetingPace`, so
 * the banner and the header never name different figures. The facilitator applies it or ignores it.
 */
export const RebalanceBanner = memo(function RebalanceBanner({
  items,
  clock,
  plannedLengthMin,
  now,
  onApply,
}: {
  items: ScheduledItem[];
  clock: MeetingDetail['clock'];
  plannedLengthMin: number;
  now: () => number;
  onApply: (r: Rebalance) => void;
}) {
  const [found, setFound] = useState<Suggestion | null>(null);
  const [ignored, setIgnored] = useState<Rebalance | null>(null);
  useEffect(() => {
    const pace = paceOf({ items, clock, plannedLengthMin });
    // The same suggestion found again keeps its object: the banner renders when what it says changes, not each second.
    const check = () => {
      const next = suggestionFor(items, pace(now()));
      setFound((held) => (JSON.stringify(held) === JSON.stringify(next) ? held : next));
    };
    check();
    const timer = window.setInterval(check, 1000);
    return () => window.clearInterval(timer);
  }, [items, clock, plannedLengthMin, now]);

  // Ignoring holds until the meeting drifts further the same way than when it was ignored.
  const suggestion = found?.rebalance ?? null;
  const stillIgnored =
    ignored !== null && suggestion !== null && ignored.direction === suggestion.direction && suggestion.minutes <= ignored.minutes;
  if (!found || !suggestion || clock.pausedAt !== null || stillIgnored) return null;
  const behind = suggestion.direction === 'catch-up';
  return (
    <section className={`rebalance alert ${behind ? 'alert-warn' : 'rebalance-ahead'}`} role="region" aria-label="Rebalance suggestion">
      <div>
        <strong>{found.headline}</strong> {describe(suggestion)}
      </div>
      <div className="rebalance-actions">
        <button className="btn btn-primary" onClick={() => onApply(suggestion)}>
          {behind ? 'Apply' : 'Give back'}
        </button>
        <button className="btn btn-ghost" onClick={() => setIgnored(suggestion)}>
          Ignore
        </button>
      </div>
    </section>
  );
});
