import type { Commitment } from '@shared/commitments';
import type { MeetingDetail } from '@shared/planning';
import { CaptureForm } from './CaptureForm';
import { CommitmentLine } from './CommitmentLine';

// Making a formatter costs most of a millisecond, and this renders beside the round on every live action: one per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function inDays(ms: number, timeZone: string, days: number): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone })));
  return format.format(new Date(ms + days * 86_400_000));
}

/** The commitments made for something in the room (an item, a decision), and the form to add one. */
export function CommitmentCapture(props: {
  detail: MeetingDetail;
  made: Commitment[];
  listLabel: string;
  agendaItemId: string | null;
  decisionId?: string;
  formLabel?: string;
  /** False where another form on screen already takes these commitments. */
  withForm?: boolean;
}) {
  const { detail } = props;
  return (
    <>
      {props.made.length > 0 && (
        <ul className="commitment-list" aria-label={props.listLabel}>
          {props.made.map((c) => (
            <li key={c.id}>
              <CommitmentLine commitment={c} />
            </li>
          ))}
        </ul>
      )}
      {props.withForm !== false && (
        <CaptureForm
          meetingId={detail.meeting.id}
          teamId={null}
          agendaItemId={props.agendaItemId}
          decisionId={props.decisionId ?? null}
          members={detail.members}
          defaultDue={inDays(detail.serverNow, detail.meeting.timeZone, 7)}
          label={props.formLabel}
        />
      )}
    </>
  );
}
