import { useState } from 'react';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

/** A rating with no name attached. Nothing links it to a person, so it cannot be checked for duplicates. */
export function AnonymousRating({ meetingId, disabled, anonymousCount }: { meetingId: string; disabled: boolean; anonymousCount: number }) {
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState('');
  const [better, setBetter] = useState('');
  const action = useMutation();
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
    <form
      className="anonymous-rating reason-form"
      aria-label="Anonymous rating"
      onSubmit={async (e) => {
        e.preventDefault();
        const saved = await action.run('feedback.give', {
          meetingId,
          attendeeId: null,
          rating: Number(rating),
          better: better.trim() || null,
        });
        if (saved) {
          setOpen(false);
          setRating('');
          setBetter('');
        }
      }}
    >
      <p className="muted-note">
        Stored without a name, so Cadence cannot tell who gave it or check it for duplicates; it only refuses more ratings than people who
        attended. Ask each person to give either a named or an anonymous rating, not both.
      </p>
      <div className="anonymous-fields">
        <label className="field">
          <span>Rating</span>
          <select className="input" value={rating} onChange={(e) => setRating(e.target.value)} autoFocus required>
            <option value="">Choose 1–10</option>
            {Array.from({ length: 10 }, (_, i) => i + 1).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="field anonymous-better">
          <span>What would make the next meeting better? (optional)</span>
          <input className="input" value={better} maxLength={280} onChange={(e) => setBetter(e.target.value)} />
        </label>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={rating === '' || action.pending || disabled}>
          Add anonymously
        </button>
        <button className="btn btn-ghost" type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={action.error} />
    </form>
  );
}
