import type { TeamHealth } from '@shared/health';
import { LineChart } from './charts/LineChart';
import { pct, shortDate } from './health-format';

/** Share of commitments done by their first date, per meeting (those due since the meeting before). */
export function FollowThroughTrend({ followThrough }: { followThrough: TeamHealth['followThrough'] }) {
  const { team, trend } = followThrough;
  const shown = trend.filter((p) => p.due > 0);
  return (
    <section className="card health-card" aria-labelledby="ft-trend-heading">
      <h2 id="ft-trend-heading">Follow-through</h2>
      <p className="health-stat">
        {team.due === 0 ? (
          'No commitments fell due in this period.'
        ) : (
          <>
            <strong>{pct(team.doneOnTimeShare)}</strong> done by their first date ({team.doneOnTime} of {team.due}) ·{' '}
            {team.renegotiatedInAdvance} given a new date before due · {team.slipped} slipped
          </>
        )}
      </p>
      {shown.length > 0 && (
        <LineChart
          label={`Share of commitments done by their first date, per meeting. ${shown
            .map((p) => `${pct(p.doneOnTimeShare)} of ${p.due} on ${shortDate(p.date)}`)
            .join(', ')}`}
          x={shown.map((p) => ({ key: p.meetingId, label: shortDate(p.date) }))}
          series={[{ name: 'Done by the first date', values: new Map(shown.map((p) => [p.meetingId, p.doneOnTimeShare])) }]}
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          format={(v) => pct(v)}
          yTitle="Done on time"
        />
      )}
      {trend.length > 0 && (
        <details className="chart-table">
          <summary>Show as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Meeting</th>
                <th scope="col">Due since the one before</th>
                <th scope="col">Done by the first date</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.meetingId}>
                  <td>{p.date}</td>
                  <td>{p.due}</td>
                  <td>{pct(p.doneOnTimeShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
