import { useState } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';

type Status = 'present' | 'absent' | 'late' | 'left_early';

/** An ended meeting is read-only; a correction names its reason and is kept in the history. */
export function AmendPanel({ detail }: { detail: MeetingDetail }) {
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const amend = useForm('meetings.amend', {
    initial: { title: detail.meeting.title, reason: '', attendance: {} as Record<string, Status> },
    // Only what changed goes in, so the amendment lists exactly the corrections.
    toInput: ({ title, reason, attendance }) => {
      const changes = Object.entries(attendance).map(([attendeeId, status]) => ({ attendeeId, status }));
      return {
        meetingId: detail.meeting.id,
        reason,
        ...(title !== detail.meeting.title ? { title } : {}),
        ...(changes.length ? { attendance: changes } : {}),
      };
    },
    onSaved: () => setOpen(false),
  });
  const { values, set, error } = amend;

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
        <form className="amend-form" onSubmit={amend.submit} aria-label="Amend the record" noValidate>
          <Field label="Title" error={error('title')}>
            <input className="input" value={values.title} onChange={(e) => set('title', e.target.value)} />
          </Field>
          {detail.attendees.map((a) => (
            <Field key={a.id} label={a.name}>
              <select
                className="input"
                value={values.attendance[a.id] ?? a.status}
                onChange={(e) => set('attendance', { ...values.attendance, [a.id]: e.target.value as Status })}
              >
                {a.status === 'expected' && <option value="expected">Expected (not marked)</option>}
                <option value="present">Present</option>
                <option value="late">Late</option>
                <option value="absent">Absent</option>
                <option value="left_early">Left early</option>
              </select>
            </Field>
          ))}
          {error('attendance') && <p className="field-error">{error('attendance')}</p>}
          <Field label="Reason (required)" error={error('reason')}>
            <input
              className="input"
              value={values.reason}
              onChange={(e) => set('reason', e.target.value)}
              placeholder="Why is the record corrected?"
            />
          </Field>
          <ErrorAlert error={amend.formError} />
          <div className="form-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={!amend.canSubmit}>
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
              <time>{format.dateTime(a.at, detail.meeting.timeZone)}</time>
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
