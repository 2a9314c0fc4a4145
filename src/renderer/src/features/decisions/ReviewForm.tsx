import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';

/** A review of an accepted decision: what it found (the decision stands), and when to look again. On the decision's
 * page, and in the console's "Decisions due for review" item. */
export function ReviewForm({ decisionId, label = 'Record a review' }: { decisionId: string; label?: string }) {
  const form = useForm('decisions.review', {
    initial: { note: '', next: '' },
    fields: { nextReviewDate: 'next' },
    toInput: (v) => ({ decisionId, nextReviewDate: v.next || null, note: v.note }),
  });
  return (
    <form className="review-form" aria-label={label} onSubmit={form.submit}>
      <Field label="What the review found (the decision stands)" className="field-wide" error={form.error('note')}>
        <input className="input" value={form.values.note} onChange={(e) => form.set('note', e.target.value)} />
      </Field>
      <Field label="Next review (optional)" error={form.error('next')}>
        <input className="input" type="date" value={form.values.next} onChange={(e) => form.set('next', e.target.value)} />
      </Field>
      <button className="btn" type="submit" disabled={!form.canSubmit}>
        Record the review
      </button>
      <ErrorAlert error={form.formError} />
    </form>
  );
}
