import { useState, type FormEvent } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { useMutation } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

type Status = 'present' | 'absent' | 'late' | 'left_early';

/** An ended meeting is read-only; a correction names its reason and is kept in the history. */
export function AmendPanel({ detail }: { detail: MeetingDetail }) {
  const amend = useMutation('meetings.amend');
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [title, setTitle] = useState(detail.meeting.title);
  const [attendance, setAttendance] = useState<Record<string, Status>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes = Object.entries(attendance).map(([attendeeId, status]) => ({ attendeeId, status }));
    const saved = await amend.run({
      meetingId: detail.meeting.id,
      reason,
      ...(title !== detail.meeting.title ? { title } : {}),
      ...(changes.length ? { attendance: changes } : {}),
    });
    if (saved) {
      setOpen(false);
      setReason('');
      setAttendance({});
    }
  }

  return (
    <section className="card side-card" aria-labelledby="amend-heading">
      <h2 id="amend-heading">Corrections</h2>
      <p className="muted-note">This meeting has ended, so it is read-only. A correction is an amendment with a reason, kept below.</p>
      {!open && (
        <button type="button" className="btn" onClick={() => setOpen(true)}>
          Amend the record
        </button>
      )}
      {open && (
        <form className="amend-form" onSubmit={submit} aria-label="Amend the record" noValidate>
          <label className="field">
            <span>Title</span>
            <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          {detail.attendees.map((a) => (
            <label key={a.id} className="field">
              <span>{a.name}</span>
              <select
                className="input"
                value={attendance[a.id] ?? a.status}
                onChange={(e) => setAttendance({ ...attendance, [a.id]: e.target.value as Status })}
              >
                {a.status === 'expected' && <option value="expected">Expected (not marked)</option>}
                <option value="present">Present</option>
                <option value="late">Late</option>
                <option value="absent">Absent</option>
                <option value="left_early">Left early</option>
              </select>
            </label>
          ))}
          <label className="field">
            <span>Reason (required)</span>
            <input
              className="input"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="Why is the record corrected?"
            />
          </label>
          <ErrorAlert error={amend.error} />
          <div className="form-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={amend.pending}>
              Save amendment
            </button>
          </div>
        </form>
      )}
      {detail.amendments.length > 0 && (
        <ol className="amendments" aria-label="Amendments">
          {detail.amendments.map((a) => (
            <li key={a.id}>
              <strong>{a.reason}</strong>
              <time>{format.dateTime(a.at)}</time>
              <ul>
                {a.changes.map((c, i) => (
                  <li key={i}>
                    {c.field}: {c.from} → {c.to}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
