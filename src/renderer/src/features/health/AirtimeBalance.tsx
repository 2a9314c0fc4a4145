import type { TeamHealth } from '@shared/health';
import { BarRows } from './charts/BarRows';
import { minutes, pct } from './health-format';

/** Each member's share of the speaking time in rounds, against the share everyone would have if it were equal. */
export function AirtimeBalance({ airtime }: { airtime: TeamHealth['airtime'] }) {
  const max = Math.max(airtime.equalShare ?? 0, ...airtime.members.map((m) => m.share)) * 1.1;
  return (
    <section className="card health-card" aria-labelledby="airtime-heading">
      <h2 id="airtime-heading">Speaking-time balance</h2>
      <p className="health-stat">
        {airtime.members.length === 0 ? (
          'No rounds were held in this period.'
        ) : (
          <>
            Share of {minutes(airtime.totalMs)} spoken in rounds · equal share <strong>{pct(airtime.equalShare)}</strong>
          </>
        )}
      </p>
      {airtime.members.length > 0 && (
        <BarRows
          label={`Share of speaking time per member; an equal share would be ${pct(airtime.equalShare)}. ${airtime.members
            .map((m) => `${m.name} ${pct(m.share)}`)
            .join(', ')}`}
          rows={airtime.members.map((m) => ({
            key: m.memberId,
            label: m.name,
            bars: [{ value: m.share, kind: 'bar-share' }],
            text: `${pct(m.share)} · ${minutes(m.ms)}`,
          }))}
          max={max}
          marker={airtime.equalShare === null ? undefined : { value: airtime.equalShare, text: `equal ${pct(airtime.equalShare)}` }}
        />
      )}
      {airtime.members.length > 0 && (
        <details className="chart-table">
          <summary>Show as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Share</th>
                <th scope="col">Time</th>
              </tr>
            </thead>
            <tbody>
              {airtime.members.map((m) => (
                <tr key={m.memberId}>
                  <td>{m.name}</td>
                  <td>{pct(m.share)}</td>
                  <td>{minutes(m.ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
