import { memo } from 'react';
import type { SpeakingTime as Entry } from '@shared/planning';
import { formatElapsed } from '@shared/timer';
import { wholePercents } from '@shared/percent';

/**
 * Speaking time per person across the meeting's rounds: recorded, shown without ranking. Memoised: it renders
 * again only when a turn ends and the figures change, not on other live actions. The line under the heading says what
 * the two figures are: "0:00 2%" alone read as a clock and a mystery.
 */
export const SpeakingTime = memo(function SpeakingTime({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return null;
  // Shares that add up to 100% (each rounded alone, they could read 101), or just under it where equal times must read
  // equal shares (percent.ts).
  const shares = wholePercents(entries.map((e) => e.ms));
  const longest = Math.max(...entries.map((e) => e.ms), 1);
  return (
    <section className="card side-card" aria-labelledby="speaking-heading">
      <h2 id="speaking-heading">Speaking time</h2>
      <p className="speaking-legend">Time spoken in the rounds · share of all of it</p>
      <ul className="speaking" aria-label="Speaking time per person">
        {entries.map((e, i) => (
          <li key={e.attendeeId}>
            <span className="speaking-name">{e.name}</span>
            <span className="speaking-bar" aria-hidden="true">
              <span style={{ width: `${(e.ms / longest) * 100}%` }} />
            </span>
            <span className="speaking-time">
              {formatElapsed(e.ms)}
              <span className="visually-hidden"> spoken,</span> <small>{shares[i]}%</small>
              <span className="visually-hidden"> of all speaking time</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
});
