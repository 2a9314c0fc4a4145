import { useState, type FormEvent } from 'react';
import type { Attendee, AttendanceStatus } from '@shared/planning';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

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

export function AttendancePanel({ meetingId, attendees, readOnly }: { meetingId: string; attendees: Attendee[]; readOnly: boolean }) {
  const set = useMutation('attendance.set');
  const addGuest = useMutation('attendance.addGuest');
  const [guest, setGuest] = useState('');

  async function submitGuest(event: FormEvent) {
    event.preventDefault();
    if (await addGuest.run({ meetingId, name: guest })) setGuest('');
  }

  return (
    <section className="card side-card" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
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
      {!readOnly && (
        <form className="guest-form" onSubmit={submitGuest} aria-label="Add a guest" noValidate>
          <input
            className="input"
            value={guest}
            onChange={(e) => setGuest(e.target.value)}
            placeholder="Guest name"
            aria-label="Guest name"
          />
          <button type="submit" className="btn">
            Add guest
          </button>
        </form>
      )}
      <ErrorAlert error={addGuest.error} />
    </section>
  );
}
