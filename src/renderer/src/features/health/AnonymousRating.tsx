import { useState } from 'react';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';

/** A rating with no name attached. Nothing links it to a person, so it cannot be checked for duplicates. */
export function AnonymousRating({ meetingId, disabled, anonymousCount }: { meetingId: string; disabled: boolean; anonymousCount: number }) {
  const [open, setOpen] = useState(false);
  const form = useForm('feedback.give', {
    initial: { rating: '', better: '' },
    // An empty rating is 0, which the contract refuses: nothing is sent until one is chosen.
    toInput: (v) => ({ meetingId, attendeeId: null, rating: Number(v.rating), better: v.better.trim() || null }),
    // It closes once saved, unless the person went on to the next anonymous rating while it saved.
    onSaved: (_out, _sent, kept) => {
      if (kept.rating === '' && kept.better === '') setOpen(false);
    },
  });
  const { values, set, error } = form;
  if (!open) {
    return (
      <div className="anonymous-rating">
        <button type="button" className="btn" disabled={disabled} onClick={() => setOpen(true)}>
          Add anonymous rating
        </button>
        {anonymousCount > 0 && (
          <span className="muted-note">
            {anonymousCount} anonymous rating{anonymousCount === 1 ? '' : 's'} so far
          </span>
        )}
      </div>
    );
  }
  return (
    <form className="anonymous-rating reason-form" aria-label="Anonymous rating" onSubmit={form.submit}>
      <p className="muted-note">
        Stored without a name, so Cadence cannot tell who gave it or check it for duplicates; it only refuses more ratings than people who
        attended. Ask each person to give either a named or an anonymous rating, not both.
      </p>
      <div className="anonymous-fields">
        <Field label="Rating" error={error('rating')}>
          <select className="input" value={values.rating} onChange={(e) => set('rating', e.target.value)} autoFocus required>
            <option value="">Choose 1–10</option>
            {Array.from({ length: 10 }, (_, i) => i + 1).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field label="What would make the next meeting better? (optional)" className="anonymous-better" error={error('better')}>
          <input className="input" value={values.better} maxLength={280} onChange={(e) => set('better', e.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={!form.canSubmit || disabled}>
          Add anonymously
        </button>
        <button className="btn btn-ghost" type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={form.formError} />
    </form>
  );
}
