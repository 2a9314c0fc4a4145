import type { TeamHealth } from '@shared/health';
import { LineChart } from './charts/LineChart';
import { one } from './feedback-model';
import { shortDate } from './health-format';

/** Check-out ratings per meeting, a line per series with its average dashed. */
export function RatingTrend({ ratings }: { ratings: TeamHealth['ratings'] }) {
  const points = ratings.series.flatMap((s) => s.points).sort((a, b) => a.date.localeCompare(b.date));
  const x = points.map((p) => ({ key: p.meetingId, label: shortDate(p.date) }));
  const series = ratings.series.map((s) => ({
    name: s.name,
    values: new Map(s.points.map((p) => [p.meetingId, p.average])),
    average: s.average,
  }));
  const words = ratings.series
    .map(
      (s) =>
        `${s.name}: ${s.points.map((p) => `${p.average === null ? 'no ratings' : one(p.average)} on ${shortDate(p.date)}`).join(', ')}`,
    )
    .join('; ');
  return (
    <section className="card health-card" aria-labelledby="rating-trend-heading">
      <h2 id="rating-trend-heading">Check-out ratings</h2>
      <p className="health-stat">
        {ratings.average === null ? (
          'No ratings in this period.'
        ) : (
          <>
            <strong>{one(ratings.average)}</strong> average of {ratings.count} ratings
            {ratings.previousAverage !== null && <> · {one(ratings.previousAverage)} in the period before</>}
          </>
        )}
      </p>
      {points.length > 0 && (
        <LineChart
          label={`Average check-out rating per meeting, 1 to 10. ${words}`}
          x={x}
          series={series}
          domain={[0, 10]}
          ticks={[0, 2, 4, 6, 8, 10]}
          format={(v) => (Number.isInteger(v) ? String(v) : one(v))}
          yTitle="Rating"
        />
      )}
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s, n) => (
            <li key={s.name} className={`series-${n % 4}`}>
              {s.name}
            </li>
          ))}
        </ul>
      )}
      {points.length > 0 && (
        <details className="chart-table">
          <summary>Show as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Series</th>
                <th scope="col">Date</th>
                <th scope="col">Meeting</th>
                <th scope="col">Average</th>
                <th scope="col">Ratings</th>
              </tr>
            </thead>
            <tbody>
              {ratings.series.flatMap((s) =>
                s.points.map((p) => (
                  <tr key={p.meetingId}>
                    <td>{s.name}</td>
                    <td>{p.date}</td>
                    <td>{p.title}</td>
                    <td>{p.average === null ? '—' : one(p.average)}</td>
                    <td>{p.count}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
