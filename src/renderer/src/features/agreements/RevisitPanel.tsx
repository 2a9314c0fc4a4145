import { useState } from 'react';
import { addCalendarDays } from '@shared/agreements';
import { hasWords } from '@shared/validation';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

/** A due revisit: the team either edits the agreement (a new version) or records that it still stands. */
export function RevisitPanel(props: {
  versionId: string;
  version: number;
  revisitBy: string;
  today: string;
  meetingId?: string | null;
  onEdit?: () => void;
}) {
  const [note, setNote] = useState('');
  const [next, setNext] = useState(addCalendarDays(props.today, 90));
  const action = useMutation();
  return (
    <section className="alert alert-warn revisit-panel" aria-label="Revisit due">
      <p>
        <strong>Revisit due {props.revisitBy}.</strong> Look at version {props.version} together: change it (a new version), or record that
        it still stands until a later date.
      </p>
      <form
        className="revisit-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const done = await action.run('agreements.revisit', {
            versionId: props.versionId,
            meetingId: props.meetingId ?? null,
            note,
            nextRevisitBy: next,
          });
          if (done) setNote('');
        }}
      >
        <label className="field">
          <span>What the revisit found</span>
          <input className="input" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Still fits how we work" />
        </label>
        <label className="field">
          <span>Next revisit by</span>
          <input className="input" type="date" value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <div className="form-actions">
          <button className="btn btn-primary" type="submit" disabled={!hasWords(note) || action.pending}>
            It still stands
          </button>
          {props.onEdit && (
            <button className="btn" type="button" onClick={props.onEdit}>
              Change it…
            </button>
          )}
        </div>
      </form>
      <ErrorAlert error={action.error} />
    </section>
  );
}
