import { useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { AirtimeBalance } from './AirtimeBalance';
import { DissentOutcomes } from './DissentOutcomes';
import { FollowThroughTrend } from './FollowThroughTrend';
import { RatingTrend } from './RatingTrend';
import { StartRetrospective } from './StartRetrospective';
import { TimeKept } from './TimeKept';
import { PeriodChooser, usePeriod } from '@renderer/ui/PeriodChooser';

/** The meeting measuring itself: ratings, time, airtime, follow-through and dissent over a period. */
export function HealthTab({ teamId }: { teamId: string }) {
  const period = usePeriod();
  const { from, to } = period;
  const query = useQuery('health.team', { teamId, from: from || null, to: to || null });
  const h = query.data;
  return (
    <div className="health">
      <div className="health-head">
        <p className="muted-note">
          {h ? (
            <>
              {h.meetingsHeld} meeting{h.meetingsHeld === 1 ? '' : 's'} held between {h.from} and {h.to}
              {from || to ? '' : ' (the last 13 weeks)'}. For learning, not ranking.
            </>
          ) : (
            ' '
          )}
        </p>
        <PeriodChooser {...period} />
      </div>
      <ErrorAlert error={query.error} />
      {h && (
        <>
          <div className="health-grid">
            <RatingTrend ratings={h.ratings} />
            <TimeKept time={h.time} />
            <AirtimeBalance airtime={h.airtime} />
            <FollowThroughTrend followThrough={h.followThrough} />
            <DissentOutcomes dissent={h.dissent} />
          </div>
          <StartRetrospective teamId={teamId} from={from || null} to={to || null} />
        </>
      )}
    </div>
  );
}
