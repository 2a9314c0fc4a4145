import { resolutionLabel } from '@shared/decisions';
import type { ResolutionOrOpen, TeamHealth } from '@shared/health';
import { BarRows } from './charts/BarRows';
import { plural } from '@renderer/ui/plural';

const label = (r: ResolutionOrOpen) => (r === 'unresolved' ? 'Unresolved' : resolutionLabel(r));

/** How objections were resolved: dissent handled in the open, not only counted. */
export function DissentOutcomes({ dissent }: { dissent: TeamHealth['dissent'] }) {
  const max = Math.max(1, ...dissent.byResolution.map((r) => r.count));
  return (
    <section className="card health-card" aria-labelledby="dissent-heading">
      <h2 id="dissent-heading">Decisions with dissent</h2>
      <p className="health-stat">
        {dissent.decisions === 0 ? (
          'No decisions in this period.'
        ) : (
          <>
            <strong>{dissent.decisionsWithDissent}</strong> of {plural(dissent.decisions, 'decision')} had objections ·{' '}
            {plural(dissent.objections, 'objection')} in all
          </>
        )}
      </p>
      {dissent.objections > 0 && (
        <BarRows
          label={`Objections by how they were resolved. ${dissent.byResolution.map((r) => `${label(r.resolution)}: ${r.count}`).join(', ')}`}
          rows={dissent.byResolution.map((r) => ({
            key: r.resolution,
            label: label(r.resolution),
            bars: [{ value: r.count, kind: r.resolution === 'unresolved' ? 'bar-over' : 'bar-actual' }],
            text: String(r.count),
          }))}
          max={max}
        />
      )}
      {dissent.objections > 0 && (
        <details className="chart-table">
          <summary>Show as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Resolution</th>
                <th scope="col">Objections</th>
              </tr>
            </thead>
            <tbody>
              {dissent.byResolution.map((r) => (
                <tr key={r.resolution}>
                  <td>{label(r.resolution)}</td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
