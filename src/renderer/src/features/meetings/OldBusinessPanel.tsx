import type { OldBusinessEntry } from '../../../../shared/planning';

const SOURCE: Record<OldBusinessEntry['source'], string> = {
  not_reached: 'Not reached last time',
  parking_lot: 'Parking lot',
};

/** What earlier meetings left open, so nothing silently disappears. */
export function OldBusinessPanel({ entries }: { entries: OldBusinessEntry[] }) {
  const groups = (['not_reached', 'parking_lot'] as const).map((source) => ({ source, list: entries.filter((e) => e.source === source) }));
  return (
    <section className="card side-card" aria-labelledby="old-business-heading">
      <h2 id="old-business-heading">Old business</h2>
      {entries.length === 0 && <p className="muted-note">Nothing was left open by the last meeting.</p>}
      {groups
        .filter((g) => g.list.length > 0)
        .map((g) => (
          <div key={g.source} className="old-business-group">
            <h3>{SOURCE[g.source]}</h3>
            <ul aria-label={SOURCE[g.source]}>
              {g.list.map((e) => (
                <li key={e.id} className={e.open ? '' : 'is-closed'}>
                  <span>{e.title}</span>
                  {!e.open && <span className="badge">closed since</span>}
                  {e.source === 'not_reached' && <span className="badge badge-accent">on the agenda</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
