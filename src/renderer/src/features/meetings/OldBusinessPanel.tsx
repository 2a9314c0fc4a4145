import type { OldBusinessEntry } from '@shared/planning';
import { href } from '@renderer/app/router';
import { useFormat } from '@renderer/app/settings-context';

const SOURCE: Record<OldBusinessEntry['source'], string> = {
  not_reached: 'Not reached last time',
  open_commitment: 'Open commitments',
  open_proposal: 'Open proposals',
  objection: 'Unresolved objections',
  decision_review: 'Decisions due for review',
  agreement_revisit: 'Operating agreement due for revisit',
  parking_lot: 'Parking lot',
};
const ORDER = Object.keys(SOURCE) as OldBusinessEntry['source'][];

/**
 * What earlier meetings left open, so nothing silently disappears. Once the meeting is over the list is its record:
 * what it put on its agenda was taken up there (or is still open), never "on the agenda" of a meeting that is over.
 */
export function OldBusinessPanel({ entries, teamId, ended = false }: { entries: OldBusinessEntry[]; teamId?: string; ended?: boolean }) {
  const { datesIn } = useFormat();
  const groups = ORDER.map((source) => ({ source, list: entries.filter((e) => e.source === source) }));
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
                  {e.source === 'decision_review' || e.source === 'open_proposal' ? (
                    <a href={href({ name: 'decision', decisionId: e.refId })}>{e.title}</a>
                  ) : e.source === 'agreement_revisit' && teamId ? (
                    <a href={href({ name: 'team', teamId, tab: 'agreement' })}>{e.title}</a>
                  ) : (
                    <span>{e.title}</span>
                  )}
                  {e.source === 'objection' && e.detail && <span className="old-detail">“{e.detail}”</span>}
                  {(e.source === 'decision_review' || e.source === 'open_commitment' || e.source === 'agreement_revisit') && (
                    <span className="old-detail">{datesIn(e.detail)}</span>
                  )}
                  <Standing entry={e} ended={ended} />
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}

/** Where an entry stands: one badge, in words that hold before the meeting and after it. */
function Standing({ entry: e, ended }: { entry: OldBusinessEntry; ended: boolean }) {
  const onAgenda = e.source === 'not_reached' || e.source === 'open_proposal';
  // "now closed", not "closed since": a badge that ends on "since" reads as words cut off (walk20).
  if (!onAgenda) return e.open ? null : <span className="badge">now closed</span>;
  if (!ended) return <span className="badge badge-accent">{e.open ? 'on the agenda' : 'on the agenda, now closed'}</span>;
  return <span className="badge badge-accent">{e.open ? 'was on the agenda, still open' : 'was on the agenda, now closed'}</span>;
}
