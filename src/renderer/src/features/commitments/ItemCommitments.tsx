import type { MeetingDetail } from '@shared/planning';
import { CommitmentCapture } from './CommitmentCapture';

/** Commitments made in the current item, and the form to make one; the projector shows them as they appear. */
export function ItemCommitments({ detail, itemId }: { detail: MeetingDetail; itemId: string }) {
  const made = detail.commitments.made.filter((c) => c.agendaItemId === itemId);
  return (
    <section className="card item-commitments" aria-labelledby="item-commitments-heading">
      <div className="round-head">
        <h2 id="item-commitments-heading">Commitments</h2>
        {made.length > 0 && <span className="badge">{made.length} made here</span>}
      </div>
      <CommitmentCapture detail={detail} made={made} listLabel="Commitments made in this item" agendaItemId={itemId} />
    </section>
  );
}
