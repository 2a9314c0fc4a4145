import type { Member } from '@shared/domain';
import type { MeetingSummary } from '@shared/planning';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { MemberSelect } from '@renderer/ui/pickers';
import { zonedParts } from '@renderer/ui/zoned';

/** Title, date, time (in the team's zone), length and facilitator of a planned meeting. */
export function DetailsForm({ meeting, members, onDone }: { meeting: MeetingSummary; members: Member[]; onDone: () => void }) {
  const start = meeting.scheduledStart !== null ? zonedParts(meeting.scheduledStart, meeting.timeZone) : { date: '', time: '10:00' };
  const form = useForm('meetings.updateDetails', {
    initial: {
      title: meeting.title,
      date: start.date,
      time: start.time,
      lengthMin: String(meeting.plannedLengthMin),
      facilitatorId: meeting.facilitatorId ?? '',
    },
    // Length stays text while typed; not a number goes through as NaN and gets the contract's message.
    toInput: (v) => ({
      meetingId: meeting.id,
      expectedRevision: meeting.agendaRevision,
      ...v,
      lengthMin: v.lengthMin.trim() === '' ? Number.NaN : Number(v.lengthMin),
      facilitatorId: v.facilitatorId || null,
    }),
    clears: [],
    onSaved: onDone,
  });
  const { values, set, error } = form;
  return (
    <form className="card details-form" onSubmit={form.submit} aria-label="Meeting details" noValidate>
      <Field label="Title" className="field-wide" error={error('title')}>
        <input className="input" value={values.title} onChange={(e) => set('title', e.target.value)} />
      </Field>
      <Field label="Date" error={error('date')}>
        <input className="input" type="date" value={values.date} onChange={(e) => set('date', e.target.value)} />
      </Field>
      <Field label={`Time (${meeting.timeZone.replace(/_/g, ' ')})`} error={error('time')}>
        <input className="input" type="time" value={values.time} onChange={(e) => set('time', e.target.value)} />
      </Field>
      <Field label="Length (minutes)" error={error('lengthMin')}>
        <input className="input" inputMode="numeric" value={values.lengthMin} onChange={(e) => set('lengthMin', e.target.value)} />
      </Field>
      <Field label="Facilitator" error={error('facilitatorId')}>
        <MemberSelect value={values.facilitatorId} onChange={(id) => set('facilitatorId', id)} members={members} noneLabel="Not chosen" />
      </Field>
      <div className="field-wide">
        <ErrorAlert error={form.formError} />
      </div>
      <div className="form-actions field-wide">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
          Save details
        </button>
      </div>
    </form>
  );
}
