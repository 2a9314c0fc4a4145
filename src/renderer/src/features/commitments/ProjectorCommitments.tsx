import { useFormat } from '@renderer/app/settings-context';
import { STATUS_LABELS, type Commitment, type CommitmentEvent } from '@shared/commitments';
import { reviewUpNextIn } from '@shared/commitment-review';
import type { MeetingDetail } from '@shared/planning';
import { eventText } from './CommitmentLine';
import { Recognition } from './Recognition';

/**
 * Rows the review list shows at once, with its page note, under the "Just recorded" card too: five, the demo team's
 * whole review, at 1280x720 as at 1920x1080 (the same proportions). Each row is its owner and outcome in one text of
 * two lines beside a short date ("due Mon, Nov 30"); with the owner in a column of their own and the year in the date,
 * an outcome took three or four lines and a page held three rows.
 */
const PAGE = 5;

/** The outcome a review just recorded, in a word or two the back of the room can read. */
function outcomeWord(e: CommitmentEvent, day: (isoDate: string) => string): string {
  switch (e.kind) {
    case 'renegotiated':
      return e.newDueDate ? `New date: ${day(e.newDueDate)}` : 'New date';
    case 'slipped':
      return 'Slipped';
    case 'reassigned':
      return 'Handed over';
    case 'created':
      return 'Committed';
    case 'done':
    case 'dropped':
      return STATUS_LABELS[e.kind];
    case 'status':
      return STATUS_LABELS[e.status ?? 'open'];
  }
}

/** The rows around the one the review has reached, so a long list never runs off the screen. */
function pageAround<T>(rows: T[], focus: number, size: number): { start: number; shown: T[] } {
  const start = Math.max(0, Math.min(focus - Math.floor(size / 2), rows.length - size));
  return { start, shown: rows.slice(start, start + size) };
}

function ReviewList({ detail }: { detail: MeetingDetail }) {
  const { shortDay, datesIn } = useFormat();
  const meetingId = detail.meeting.id;
  const rows = detail.commitments.review.map((c: Commitment) => ({
    c,
    last: [...c.events].reverse().find((e) => e.meetingId === meetingId && e.kind !== 'created') ?? null,
  }));
  const latest = rows
    .filter((r) => r.last !== null)
    // Ids are time-ordered (UUIDv7): they break ties between outcomes recorded in the same millisecond.
    .sort((a, b) => b.last!.at - a.last!.at || b.last!.id.localeCompare(a.last!.id))[0];
  // Up next as the console's walk moves on to it: one rule for both (a commitment passed over with ↓ split them).
  const upNext = reviewUpNextIn(detail.commitments.review, meetingId);
  const { start, shown } = pageAround(rows, upNext >= 0 ? upNext : rows.length - 1, PAGE);
  return (
    <section className="projector-commitments" aria-label="Commitment review">
      {latest && (
        <section className="projector-latest" aria-label="Just recorded">
          <span className="projector-label">Just recorded</span>
          <p className="projector-commitment">
            <strong>{latest.c.ownerName}</strong> {latest.c.outcome}
          </p>
          <p className="projector-outcome">{datesIn(eventText(latest.last!))}</p>
        </section>
      )}
      <ul className="projector-commitment-list" aria-label="Commitments under review">
        {shown.map(({ c, last }, i) => (
          <li key={c.id} className={start + i === upNext ? 'is-next' : ''} aria-current={start + i === upNext ? 'step' : undefined}>
            <span className="pc-what">
              <strong className="pc-owner">{c.ownerName}</strong> <span className="pc-outcome">{c.outcome}</span>
            </span>
            <span className={`badge pc-status ${last ? `pe-${last.kind} cst-${c.status}` : 'cst-pending'}`}>
              {last ? outcomeWord(last, shortDay) : `due ${shortDay(c.dueDate)}`}
            </span>
          </li>
        ))}
      </ul>
      {shown.length < rows.length && (
        <p className="projector-page-note">
          {start + 1}–{start + shown.length} of {rows.length} · {rows.filter((r) => r.last).length} reviewed
        </p>
      )}
    </section>
  );
}

/** The room sees commitments appear as they are made, each review outcome as it is recorded, and what was done. */
export function ProjectorCommitments({ detail, itemId, kind }: { detail: MeetingDetail; itemId: string; kind: string }) {
  const { shortDay } = useFormat();
  if (kind === 'recognition') return <Recognition done={detail.commitments.doneSinceLast} large />;
  if (kind === 'commitment_review') return <ReviewList detail={detail} />;
  const made = detail.commitments.made.filter((c) => c.agendaItemId === itemId);
  if (made.length === 0) return null;
  return (
    <section className="projector-commitments" aria-label="Commitments made">
      <span className="projector-label">Commitments</span>
      <ul className="projector-commitment-list">
        {made.map((c) => (
          <li key={c.id}>
            <span className="pc-what">
              <strong className="pc-owner">{c.ownerName}</strong> <span className="pc-outcome">{c.outcome}</span>
            </span>
            <span className="badge pc-status">due {shortDay(c.dueDate)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
