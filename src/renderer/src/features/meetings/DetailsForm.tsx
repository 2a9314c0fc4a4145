import { useState, type FormEvent } from 'react';
import type { Member } from '@shared/domain';
import type { MeetingSummary } from '@shared/planning';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { MemberSelect } from '@renderer/ui/pickers';
import { zonedParts } from '@renderer/ui/zoned';

/** Title, date, time (in the team's zone), length and facilitator of a planned meeting. */
export function DetailsForm({ meeting, members, onDone }: { meeting: MeetingSummary; members: Member[]; onDone: () => void }) {
  const update = useMutation('meetings.updateDetails');
  const start = meeting.scheduledStart !== null ? zonedParts(meeting.scheduledStart, meeting.timeZone) : { date: '', time: '10:00' };
  const [title, setTitle] = useState(meeting.title);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [length, setLength] = useState(String(meeting.plannedLengthMin));
  const [facilitatorId, setFacilitatorId] = useState(meeting.facilitatorId ?? '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await update.run({
      meetingId: meeting.id,
      expectedRevision: meeting.agendaRevision,
      title,
      date,
      time,
      lengthMin: length.trim() === '' ? Number.NaN : Number(length),
      facilitatorId: facilitatorId || null,
    });
    if (saved) onDone();
  }

  return (
    <form className="card details-form" onSubmit={submit} aria-label="Meeting details" noValidate>
      <label className="field field-wide">
        <span>Title</span>
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span>Date</span>
        <input className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label className="field">
        <span>Time ({meeting.timeZone.replace(/_/g, ' ')})</span>
        <input className="input" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
      </label>
      <label className="field">
        <span>Length (minutes)</span>
        <input className="input" inputMode="numeric" value={length} onChange={(e) => setLength(e.target.value)} />
      </label>
      <label className="field">
        <span>Facilitator</span>
        <MemberSelect value={facilitatorId} onChange={setFacilitatorId} members={members} noneLabel="Not chosen" />
      </label>
      <div className="field-wide">
        <ErrorAlert error={update.error} />
      </div>
      <div className="form-actions field-wide">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={update.pending}>
          Save details
        </button>
      </div>
    </form>
  );
}
