import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';

interface ControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * One labelled control. The visible label is the control's accessible name (no aria-label that could disagree with
 * it), and the field's error sits under it and describes it, so a screen reader hears why the field is wrong.
 */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const control = cloneElement(props.children, {
    id,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errorId : undefined,
  });
  return (
    <div className={props.className ? `field ${props.className}` : 'field'}>
      <label htmlFor={id}>
        {props.label}
        {props.hint && (
          <>
            {' '}
            <span className="hint">{props.hint}</span>
          </>
        )}
      </label>
      {control}
      {props.error && (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}
