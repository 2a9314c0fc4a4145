import { useId, type ReactNode } from 'react';
import type { Form } from './use-form';

/**
 * A form's submit button, disabled while the contract's schema refuses the input, with the reason beside it and
 * describing it: a disabled button with no reason leaves the person guessing what is missing.
 */
export function SubmitButton({
  form,
  className = 'btn btn-primary',
  children,
}: {
  form: Pick<Form<never, Record<string, unknown>>, 'canSubmit' | 'blockedBy'>;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const why = form.canSubmit ? [] : form.blockedBy;
  return (
    <>
      <button className={className} type="submit" disabled={!form.canSubmit} aria-describedby={why.length ? id : undefined}>
        {children}
      </button>
      {why.length > 0 && (
        <p className="submit-blocked" id={id}>
          Still needed: {why.join('; ')}.
        </p>
      )}
    </>
  );
}
