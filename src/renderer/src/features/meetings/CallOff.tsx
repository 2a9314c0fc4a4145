import type { MeetingSummary } from '@shared/planning';
import { useMutation } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';

/**
 * Calling off a planned meeting, confirmed in plain words: what happens to it and to what it carried over is said
 * before it happens, since a meeting made by mistake and a week the team does not meet look alike from here.
 */
export function CallOffForm({ meeting, onDone }: { meeting: MeetingSummary; onDone: () => void }) {
  const format = useFormat();
  const form = useForm('meetings.callOff', {
    initial: { reason: '' },
    toInput: (v) => ({ meetingId: meeting.id, reason: v.reason }),
    onSaved: onDone,
  });
  const when = meeting.scheduledStart !== null ? ` on ${format.dateTime(meeting.scheduledStart, meeting.timeZone)}` : '';
  return (
    <form className="card call-off-form" aria-label="Call off this meeting" onSubmit={form.submit} noValidate>
      <h2>
        Call off {meeting.title}
        {when}?
      </h2>
      <p>
        It stays in the record as called off and is no longer next up. Whatever it carried over from last time goes on to the next meeting
        planned. You can restore it.
      </p>
      <Field label="Reason (optional)" error={form.error('reason')}>
        <input
          className="input"
          value={form.values.reason}
          onChange={(e) => form.set('reason', e.target.value)}
          placeholder="Public holiday, planned by mistake…"
        />
      </Field>
      <ErrorAlert error={form.formError} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Keep the meeting
        </button>
        <button type="submit" className="btn btn-danger" disabled={!form.canSubmit}>
          Call off the meeting
        </button>
      </div>
    </form>
  );
}

/** A called-off meeting says so, when and why, with the way back. */
export function CalledOffNotice({ meeting }: { meeting: MeetingSummary }) {
  const format = useFormat();
  const restore = useMutation('meetings.restore');
  if (!meeting.calledOff) return null;
  return (
    <section className="card call-off-notice" aria-labelledby="called-off-heading">
      <h2 id="called-off-heading">Called off</h2>
      <p>
        Called off {format.dateTime(meeting.calledOff.at, meeting.timeZone)}
        {meeting.calledOff.reason ? `: ${meeting.calledOff.reason}${/[.!?]$/.test(meeting.calledOff.reason) ? '' : '.'}` : '.'} It is kept
        in the record; restore it to hold it after all.
      </p>
      <button type="button" className="btn" onClick={() => void restore.run({ meetingId: meeting.id })} disabled={restore.pending}>
        Restore
      </button>
      <ErrorAlert error={restore.error} />
    </section>
  );
}
