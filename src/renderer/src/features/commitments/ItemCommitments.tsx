import type { MeetingDetail } from '@shared/planning';
import { decisionsOfItem } from '../decisions/in-room';
import { CommitmentCapture } from './CommitmentCapture';

/**
 * Commitments made in the current item, and the form to make one; the projector shows them as they appear. Once a
 * proposal in the item is accepted, its card takes commitments that carry it out (listed and made there): this part
 * then lists only the item's others, with no second form beside the card's.
 */
export function ItemCommitments({ detail, itemId }: { detail: MeetingDetail; itemId: string }) {
  const accepted = new Set(
    decisionsOfItem(detail, itemId)
      .filter((d) => d.status === 'accepted')
      .map((d) => d.id),
  );
  const made = detail.commitments.made.filter((c) => c.agendaItemId === itemId && !(c.decisionId !== null && accepted.has(c.decisionId)));
  if (accepted.size > 0 && made.length === 0) return null;
  return (
    <section className="card item-commitments" aria-labelledby="item-commitments-heading">
      <div className="round-head">
        <h2 id="item-commitments-heading">Commitments</h2>
        {made.length > 0 && <span className="badge">{made.length} made here</span>}
      </div>
      <CommitmentCapture
        detail={detail}
        made={made}
        listLabel="Commitments made in this item"
        agendaItemId={itemId}
        withForm={accepted.size === 0}
      />
    </section>
  );
}
