import { useState } from 'react';
import { useMutation } from '@renderer/api/hooks';
import { navigate } from '@renderer/app/router';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 60 * 60 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Plans a retrospective on the shipped template with this period's figures already in its
 * "gather data" item, so the team starts from what happened rather than from memory.
 */
export function StartRetrospective({ teamId, from, to }: { teamId: string; from: string | null; to: string | null }) {
  const start = useMutation('health.startRetrospective');
  const [date, setDate] = useState(tomorrow);
  const [time, setTime] = useState('10:00');
  return (
    <form
      className="card health-retro"
      aria-labelledby="retro-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        const made = await start.run({ teamId, from, to, date, time });
        if (made) navigate({ name: 'meeting', meetingId: made.meetingId });
      }}
    >
      <div>
        <h2 id="retro-heading">Retrospective</h2>
        <p className="muted-note">
          Plans a meeting on the Retrospective agenda; its “gather data” item starts with these figures and what people said would make
          meetings better.
        </p>
      </div>
      <div className="health-retro-fields">
        <label className="field">
          <span>Date</span>
          <input className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
        <label className="field">
          <span>Time</span>
          <input className="input" type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
        </label>
        <button className="btn btn-primary" type="submit" disabled={start.pending}>
          Start a retrospective from these figures
        </button>
      </div>
      <ErrorAlert error={start.error} />
    </form>
  );
}
