import { memo } from 'react';
import type { Attendee, AttendanceStatus } from '@shared/planning';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';

const CHOICES: { status: AttendanceStatus; label: string }[] = [
  { status: 'present', label: 'Present' },
  { status: 'late', label: 'Late' },
  { status: 'absent', label: 'Absent' },
  { status: 'left_early', label: 'Left early' },
];

const LABEL: Record<AttendanceStatus, string> = {
  expected: 'Expected',
  present: 'Present',
  late: 'Late',
  absent: 'Absent',
  left_early: 'Left early',
};

// Memoised: a live action (a turn, the next item) leaves the attendees as they were, and this list need not render again.
export const AttendancePanel = memo(function AttendancePanel({
  meetingId,
  attendees,
  readOnly,
}: {
  meetingId: string;
  attendees: Attendee[];
  readOnly: boolean;
}) {
  // Not a form: each status button saves at once, and there is nothing typed to keep.
  const set = useMutation('attendance.set');
  const allPresent = useMutation('attendance.allPresent');
  const expected = attendees.filter((a) => a.status === 'expected').length;
  const guest = useForm('attendance.addGuest', { initial: { name: '' }, toInput: (v) => ({ meetingId, ...v }) });

  return (
    <section className="card side-card" aria-labelledby="attendance-heading">
      <div className="attendance-head">
        <h2 id="attendance-heading">Attendance</h2>
        {!readOnly && expected > 0 && (
          <button
            type="button"
            className="btn btn-sm btn-primary"
            disabled={allPresent.pending}
            onClick={() => void allPresent.run({ meetingId })}
          >
            {expected === attendees.length ? 'Everyone expected is present' : `The other ${expected} are present`}
          </button>
        )}
      </div>
      {!readOnly && expected > 0 && <p className="muted-note">One click marks everyone present; then mark who is absent or late.</p>}
      <ul className="attendance" aria-label="Attendees">
        {attendees.map((a) => (
          <li key={a.id}>
            <span className="attendee-name">
              {a.name}
              {a.guestName && <span className="badge">Guest</span>}
            </span>
            {readOnly ? (
              <span className={`attendance-status s-${a.status}`}>{LABEL[a.status]}</span>
            ) : (
              <div className="segmented" role="group" aria-label={`Attendance of ${a.name}`}>
                {CHOICES.map((c) => (
                  <button
                    key={c.status}
                    type="button"
                    aria-pressed={a.status === c.status}
                    onClick={() => void set.run({ attendeeId: a.id, status: c.status })}
                  >
                    {c.label}
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert error={set.error} />
      <ErrorAlert error={allPresent.error} />
      {!readOnly && (
        <form className="guest-form" onSubmit={guest.submit} aria-label="Add a guest" noValidate>
          <Field label="Guest name" error={guest.error('name')}>
            <input className="input" value={guest.values.name} onChange={(e) => guest.set('name', e.target.value)} />
          </Field>
          <button type="submit" className="btn" disabled={!guest.canSubmit}>
            Add guest
          </button>
        </form>
      )}
      <ErrorAlert error={guest.formError} />
    </section>
  );
});
