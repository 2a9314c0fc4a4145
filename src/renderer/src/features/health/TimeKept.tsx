import type { TeamHealth } from '@shared/health';
import { BarRows } from './charts/BarRows';
import { minutes, pct, signedPct } from './health-format';

/** Planned against actual minutes per kind of agenda item, and how many meetings ended on time. */
export function TimeKept({ time }: { time: TeamHealth['time'] }) {
  const max = Math.max(1, ...time.kinds.flatMap((k) => [k.plannedMs, k.actualMs]));
  const rows = time.kinds.map((k) => ({
    key: k.kind,
    label: k.label,
    bars: [
      { value: k.plannedMs, kind: 'bar-planned' },
      { value: k.actualMs, kind: k.actualMs > k.plannedMs ? 'bar-over' : 'bar-actual' },
    ],
    text: `${Math.round(k.actualMs / 60_000)} of ${minutes(k.plannedMs)} · ${signedPct(k.overrun)}`,
  }));
  return (
    <section className="card health-card" aria-labelledby="time-kept-heading">
      <h2 id="time-kept-heading">Time kept</h2>
      <p className="health-stat">
        {time.meetings === 0 ? (
          'No meetings held in this period.'
        ) : (
          <>
            <strong>{pct(time.onTimeShare)}</strong> of meetings ended on time ({time.onTime} of {time.meetings})
          </>
        )}
      </p>
      {rows.length > 0 && (
        <>
          <ul className="chart-legend">
            <li className="legend-planned">Planned</li>
            <li className="legend-actual">Actual, within plan</li>
            <li className="legend-over">Actual, over plan</li>
          </ul>
          <BarRows
            label={`Planned and actual minutes per kind of agenda item. ${time.kinds
              .map((k) => `${k.label}: ${minutes(k.actualMs)} of ${minutes(k.plannedMs)} planned`)
              .join('; ')}`}
            rows={rows}
            max={max}
          />
        </>
      )}
      {time.kinds.length > 0 && (
        <details className="chart-table">
          <summary>Show as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Kind of item</th>
                <th scope="col">Items</th>
                <th scope="col">Planned</th>
                <th scope="col">Actual</th>
                <th scope="col">Over or under</th>
              </tr>
            </thead>
            <tbody>
              {time.kinds.map((k) => (
                <tr key={k.kind}>
                  <td>{k.label}</td>
                  <td>{k.items}</td>
                  <td>{minutes(k.plannedMs)}</td>
                  <td>{minutes(k.actualMs)}</td>
                  <td>{signedPct(k.overrun)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
