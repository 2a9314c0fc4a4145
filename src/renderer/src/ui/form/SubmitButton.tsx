import { useId, type ReactNode } from 'react';
import type { Form } from './use-form';

/** A reason as a sentence: ended by a full stop unless it has its own. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

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
      {why.length === 1 && (
        <p className="submit-blocked" id={id}>
          Still needed: {sentence(why[0]!)}
        </p>
      )}
      {/* Each reason is a sentence of the contract's: a list, not one line of them joined by semicolons. */}
      {why.length > 1 && (
        <div className="submit-blocked" id={id}>
          Still needed:
          <ul>
            {why.map((w) => (
              <li key={w}>{sentence(w)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
