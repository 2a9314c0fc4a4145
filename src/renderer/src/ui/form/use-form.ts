import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import type { InputOf, OperationName, OutputOf } from '@shared/manifest';
import type { ApiError } from '@renderer/api/client';
import { useMutation } from '@renderer/api/hooks';
import { loadSchemas, useSchemas } from '@renderer/api/schemas';
import { afterSave } from './after-save';

type Values = Record<string, unknown>;

export interface FormOptions<K extends OperationName, V extends Values> {
  initial: V;
  /** The operation's input from the form's values; the contract's schema judges it, as main will. */
  toInput: (values: V) => InputOf<K>;
  /** Fields emptied after a save (when unchanged since it was submitted); default every field, [] for an edit form. */
  clears?: readonly (keyof V)[];
  /** A field whose name is not the input's path (nor a part it starts with): input path → field. */
  fields?: Readonly<Record<string, keyof V>>;
  /** `kept` is what the form holds after the save: what was typed meanwhile, to keep a closing form open for it. */
  onSaved?: (output: OutputOf<K>, submitted: V, kept: V) => void;
}

export interface Form<K extends OperationName, V extends Values> {
  values: V;
  /** `typed: false` for a change the person did not type, such as an empty row added: its field stays untouched. */
  set: <F extends keyof V>(field: F, value: V[F], how?: { typed?: boolean }) => void;
  /**
   * The message to show beside a field: the contract's, once the person typed in it or tried to submit (a new, empty
   * form says nothing is required before they have begun), or main's, until they change what it refused.
   */
  error: (field: keyof V) => string | undefined;
  /** No save is in flight, and the input passes the contract's schema (or it has not loaded yet: see submit). */
  canSubmit: boolean;
  /** Why the input does not pass, in the contract's words: each message no field is showing yet (see SubmitButton). */
  blockedBy: string[];
  pending: boolean;
  /** Main's last refusal, to match by `failure.error.reason`. */
  failure: ApiError | null;
  /** The refusal when no field shows it, for an alert under the form. */
  formError: ApiError | null;
  submit: (event?: FormEvent) => Promise<OutputOf<K> | null>;
  reset: () => void;
}

/** What a group of fields shared by several forms (add and edit) needs from its form. */
export type FormFields<V extends Values> = Pick<Form<OperationName, V>, 'values' | 'set' | 'error'>;

/**
 * One form over one write. The person can keep typing while the save is in flight: afterwards only the submitted
 * values still unchanged are cleared, so nothing typed meanwhile is lost.
 */
export function useForm<K extends OperationName, V extends Values>(name: K, options: FormOptions<K, V>): Form<K, V> {
  const mutation = useMutation(name);
  const [values, setValues] = useState(options.initial);
  const current = useRef(values);
  const [submitted, setSubmitted] = useState<V | null>(null);
  const waiting = useRef(false);
  // Fields the person typed in, and whether they tried to submit: what may show the contract's message.
  const [touched, setTouched] = useState<ReadonlySet<keyof V>>(() => new Set());
  const [tried, setTried] = useState(false);

  const set = useCallback(<F extends keyof V>(field: F, value: V[F], how?: { typed?: boolean }) => {
    current.current = { ...current.current, [field]: value };
    setValues(current.current);
    if (how?.typed !== false) setTouched((was) => (was.has(field) ? was : new Set(was).add(field)));
    // The person is filling the form in: its schema is needed now, not when the page is next idle.
    void loadSchemas().catch(() => undefined);
  }, []);

  // A path names its field, or what it is in ("members.2" is the Members field), the longest such part first.
  const fieldOf = (path: string): keyof V | undefined => {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const part = parts.slice(0, n).join('.');
      const field = options.fields?.[part] ?? (part in options.initial ? part : undefined);
      if (field !== undefined) return field;
    }
    return undefined;
  };
  // Until the schemas have loaded (the form's first moments on a page that had none) nothing is judged yet, and submit
  // stays possible: it waits for them and judges the input before sending (a disabled button would also swallow the
  // Enter of a person who typed and pressed it at once).
  const schemas = useSchemas();
  const parsed = useMemo(
    () => schemas?.[name].input.safeParse(options.toInput(values)) ?? null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- toInput is read fresh with the values it maps
    [schemas, name, values],
  );
  const issues = parsed && !parsed.success ? parsed.error.issues : [];
  const clientIssues = new Map<keyof V, string>();
  for (const issue of issues) {
    const field = fieldOf(issue.path.map(String).join('.'));
    if (field !== undefined && !clientIssues.has(field)) clientIssues.set(field, issue.message);
  }
  const failure = mutation.error;
  const serverIssues = new Map<keyof V, string>();
  if (failure) {
    const issues = [
      ...(failure.error.issues ?? []),
      ...(failure.error.path ? [{ path: failure.error.path, message: failure.message }] : []),
    ];
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      if (field !== undefined && !serverIssues.has(field)) serverIssues.set(field, issue.message);
    }
  }
  const error = (field: keyof V) => {
    if (submitted && serverIssues.has(field) && Object.is(values[field], submitted[field])) return serverIssues.get(field);
    return touched.has(field) || tried ? clientIssues.get(field) : undefined;
  };
  // In the form's own order (its initial values' keys, as its fields are laid out), not the schema's rules' order:
  // the slip's reasons read due date, root cause, action while the form asks root cause, action, due date.
  const order = Object.keys(options.initial);
  const rank = (issue: { path: PropertyKey[] }) => {
    const at = order.indexOf(String(fieldOf(issue.path.map(String).join('.')) ?? ''));
    return at < 0 ? order.length : at;
  };
  const blockedBy = [
    ...new Set(
      issues
        .filter((issue) => {
          const field = fieldOf(issue.path.map(String).join('.'));
          return field === undefined || error(field) !== issue.message;
        })
        .sort((a, b) => rank(a) - rank(b))
        .map((issue) => issue.message),
    ),
  ];
  const shownAtField = [...serverIssues.keys()].some((f) => error(f) === serverIssues.get(f));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const sent = current.current;
    // Judged again on what is sent: a button may set a value and submit in one click, before a render (and before
    // the schemas have loaded: then it waits for them).
    const input = options.toInput(sent);
    if (mutation.pending || waiting.current) return null;
    waiting.current = schemas === null; // a second Enter while the schemas load is not a second save
    const judge = schemas ?? (await loadSchemas().catch(() => null));
    waiting.current = false;
    if (!judge?.[name].input.safeParse(input).success) {
      setTried(true);
      return null;
    }
    setSubmitted(sent);
    const output = await mutation.run(input);
    if (output === null) return null;
    const { initial, clears } = options;
    const before = current.current;
    current.current = afterSave(before, sent, initial, clears ?? Object.keys(initial));
    setValues(current.current);
    // A field emptied for the next entry is new again; one typed in while the save was in flight stays touched.
    setTouched((was) => new Set([...was].filter((f) => !Object.is(before[f], sent[f]) || !Object.is(current.current[f], initial[f]))));
    setTried(false);
    options.onSaved?.(output, sent, current.current);
    return output;
  };

  return {
    values,
    set,
    error,
    canSubmit: (parsed === null || parsed.success) && !mutation.pending,
    blockedBy,
    pending: mutation.pending,
    failure,
    formError: failure && !shownAtField ? failure : null,
    submit,
    reset: () => {
      current.current = options.initial;
      setValues(current.current);
      setTouched(new Set());
      setTried(false);
      mutation.clearError();
    },
  };
}
