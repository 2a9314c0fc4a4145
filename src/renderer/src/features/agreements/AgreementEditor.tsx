import { addCalendarDays, type AgreementBodyInput, type AgreementVersion, type Role } from '@shared/agreements';
import type { Member } from '@shared/domain';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { DeciderSelect } from './DeciderSelect';

type Draft = Required<Pick<AgreementBodyInput, 'decisionRights' | 'escalationPaths'>> & {
  checkInCadence: string;
  norms: { communication: string; responseTimes: string; documentation: string };
  freeText: string;
};

/** The body's parts, each a field of the form. */
const BODY = ['decisionRights', 'escalationPaths', 'checkInCadence', 'norms', 'freeText'] as const;

function draftOf(v: AgreementVersion): Draft {
  return JSON.parse(JSON.stringify(v.body)) as Draft;
}

/** Edits make the next version: the change note says why, the version edited stays as it was. */
const NORMS: { key: keyof Draft['norms']; label: string; wide?: boolean }[] = [
  { key: 'communication', label: 'Communication quality' },
  { key: 'responseTimes', label: 'Response times' },
  { key: 'documentation', label: 'Documentation', wide: true },
];

export function AgreementEditor(props: {
  teamId: string;
  current: AgreementVersion;
  revisitBy: string;
  today: string;
  members: Member[];
  roles: Role[];
  onDone: () => void;
}) {
  const form = useForm('agreements.edit', {
    initial: {
      ...draftOf(props.current),
      changeNote: '',
      revisitBy: props.revisitBy > props.today ? props.revisitBy : addCalendarDays(props.today, 90),
    },
    clears: ['changeNote'],
    fields: Object.fromEntries(BODY.map((k) => [`body.${k}`, k])),
    toInput: ({ changeNote, revisitBy, ...body }) => ({ teamId: props.teamId, basedOnId: props.current.id, body, changeNote, revisitBy }),
    // It closes once saved, unless the person went on typing while it saved: that stays, for the next version.
    onSaved: (_out, sent, kept) => {
      if (BODY.every((k) => Object.is(kept[k], sent[k])) && kept.revisitBy === sent.revisitBy && kept.changeNote === '') props.onDone();
    },
  });
  const { values: draft, error } = form;
  const rights = draft.decisionRights;
  const paths = draft.escalationPaths;
  const setRight = (i: number, patch: Partial<Draft['decisionRights'][number]>) =>
    form.set(
      'decisionRights',
      rights.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  const setPath = (i: number, patch: Partial<Draft['escalationPaths'][number]>) =>
    form.set(
      'escalationPaths',
      paths.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  const setNorm = (k: keyof Draft['norms'], value: string) => form.set('norms', { ...draft.norms, [k]: value });
  const fieldsetError = (k: 'decisionRights' | 'escalationPaths') => error(k) && <p className="field-error">{error(k)}</p>;

  return (
    <form className="card agreement-editor" aria-label="Edit the agreement" onSubmit={form.submit}>
      <h2>Edit: this makes version {props.current.version + 1}</h2>
      <fieldset className="rows-editor">
        <legend>Decision rights</legend>
        {rights.map((r, i) => (
          <div key={r.id ?? `new-${i}`} className="row-edit right-row">
            <input
              className="input"
              aria-label={`Decision right ${i + 1}: kind of decision`}
              placeholder="Kind of decision"
              value={r.kind}
              onChange={(e) => setRight(i, { kind: e.target.value })}
            />
            <DeciderSelect
              label={`Decision right ${i + 1}: who decides`}
              value={{ type: r.decider.type, id: r.decider.id ?? null }}
              onChange={(decider) => setRight(i, { decider })}
              members={props.members}
              roles={props.roles}
            />
            <input
              className="input"
              aria-label={`Decision right ${i + 1}: consulted`}
              placeholder="Consulted"
              value={r.consulted ?? ''}
              onChange={(e) => setRight(i, { consulted: e.target.value })}
            />
            <input
              className="input"
              aria-label={`Decision right ${i + 1}: informed`}
              placeholder="Informed"
              value={r.informed ?? ''}
              onChange={(e) => setRight(i, { informed: e.target.value })}
            />
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              aria-label={`Remove decision right ${i + 1}`}
              onClick={() =>
                form.set(
                  'decisionRights',
                  rights.filter((_, j) => j !== i),
                )
              }
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-sm"
          onClick={() =>
            // A row added is not typed in yet: it says nothing is required until the person writes in it.
            form.set('decisionRights', [...rights, { kind: '', decider: { type: 'team', id: null }, consulted: '', informed: '' }], {
              typed: false,
            })
          }
        >
          Add a decision right
        </button>
        {fieldsetError('decisionRights')}
      </fieldset>
      <fieldset className="rows-editor">
        <legend>Escalation paths</legend>
        {paths.map((p, i) => (
          <div key={p.id ?? `new-${i}`} className="row-edit path-row">
            <input
              className="input"
              aria-label={`Escalation ${i + 1}: when`}
              placeholder="When"
              value={p.when}
              onChange={(e) => setPath(i, { when: e.target.value })}
            />
            <input
              className="input"
              aria-label={`Escalation ${i + 1}: to whom`}
              placeholder="To whom"
              value={p.to}
              onChange={(e) => setPath(i, { to: e.target.value })}
            />
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              aria-label={`Remove escalation ${i + 1}`}
              onClick={() =>
                form.set(
                  'escalationPaths',
                  paths.filter((_, j) => j !== i),
                )
              }
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => form.set('escalationPaths', [...paths, { when: '', to: '' }], { typed: false })}
        >
          Add an escalation path
        </button>
        {fieldsetError('escalationPaths')}
      </fieldset>
      <div className="record-grid">
        <Field label="Check-in cadence" className="field-wide" error={error('checkInCadence')}>
          <input className="input" value={draft.checkInCadence} onChange={(e) => form.set('checkInCadence', e.target.value)} />
        </Field>
        {NORMS.map(({ key, label, wide }) => (
          <Field key={key} label={label} className={wide ? 'field-wide' : undefined}>
            <textarea className="input" rows={2} value={draft.norms[key]} onChange={(e) => setNorm(key, e.target.value)} />
          </Field>
        ))}
        {error('norms') && <p className="field-error field-wide">{error('norms')}</p>}
        <Field label="Anything else" className="field-wide" error={error('freeText')}>
          <textarea className="input" rows={4} value={draft.freeText} onChange={(e) => form.set('freeText', e.target.value)} />
        </Field>
        <Field label="Revisit by" error={error('revisitBy')}>
          <input className="input" type="date" value={draft.revisitBy} onChange={(e) => form.set('revisitBy', e.target.value)} />
        </Field>
        <Field
          label="Change note: what changed and why (required, kept with the version)"
          className="field-wide"
          error={error('changeNote')}
        >
          <input className="input" value={draft.changeNote} onChange={(e) => form.set('changeNote', e.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={!form.canSubmit}>
          Save as version {props.current.version + 1}
        </button>
        <button className="btn btn-ghost" type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={form.formError} />
    </form>
  );
}
