import type { MeetingDetail } from '../../../../shared/planning';
import { CaptureForm } from './CaptureForm';
import { CommitmentLine } from './CommitmentLine';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Commitments made in the current item, and the form to make one; the projector shows them as they appear. */
export function ItemCommitments({ detail, itemId, today }: { detail: MeetingDetail; itemId: string; today: string }) {
  const made = detail.commitments.made.filter((c) => c.agendaItemId === itemId);
  return (
    <section className="card item-commitments" aria-labelledby="item-commitments-heading">
      <div className="round-head">
        <h2 id="item-commitments-heading">Commitments</h2>
        {made.length > 0 && <span className="badge">{made.length} made here</span>}
      </div>
      {made.length > 0 && (
        <ul className="commitment-list" aria-label="Commitments made in this item">
          {made.map((c) => (
            <li key={c.id}>
              <CommitmentLine commitment={c} />
            </li>
          ))}
        </ul>
      )}
      <CaptureForm
        meetingId={detail.meeting.id}
        teamId={null}
        agendaItemId={itemId}
        members={detail.members}
        defaultDue={addDays(today, 7)}
      />
    </section>
  );
}
