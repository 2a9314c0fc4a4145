import { useState } from 'react';
import { addCalendarDays, type AgreementBodyInput, type AgreementVersion, type Role } from '@shared/agreements';
import type { Member } from '@shared/domain';
import { hasWords } from '@shared/validation';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert, fieldError } from '@renderer/ui/ErrorAlert';
import { DeciderSelect } from './DeciderSelect';

type Draft = Required<Pick<AgreementBodyInput, 'decisionRights' | 'escalationPaths'>> & {
  checkInCadence: string;
  norms: { communication: string; responseTimes: string; documentation: string };
  freeText: string;
};

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
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.current));
  const [note, setNote] = useState('');
  const [revisitBy, setRevisitBy] = useState(props.revisitBy > props.today ? props.revisitBy : addCalendarDays(props.today, 90));
  const action = useMutation();
  const err = (path: string) => fieldError(action.error, path);
  const rights = draft.decisionRights;
  const paths = draft.escalationPaths;
  const setRight = (i: number, patch: Partial<Draft['decisionRights'][number]>) =>
    setDraft({ ...draft, decisionRights: rights.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setPath = (i: number, patch: Partial<Draft['escalationPaths'][number]>) =>
    setDraft({ ...draft, escalationPaths: paths.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setNorm = (k: keyof Draft['norms'], value: string) => setDraft({ ...draft, norms: { ...draft.norms, [k]: value } });

  return (
    <form
      className="card agreement-editor"
      aria-label="Edit the agreement"
      onSubmit={async (e) => {
        e.preventDefault();
        const saved = await action.run('agreements.edit', {
          teamId: props.teamId,
          basedOnId: props.current.id,
          body: draft,
          changeNote: note,
          revisitBy,
        });
        if (saved) props.onDone();
      }}
    >
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
              aria-invalid={!!err(`body.decisionRights.${i}.kind`)}
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
              onClick={() => setDraft({ ...draft, decisionRights: rights.filter((_, j) => j !== i) })}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-sm"
          onClick={() =>
            setDraft({
              ...draft,
              decisionRights: [...rights, { kind: '', decider: { type: 'team', id: null }, consulted: '', informed: '' }],
            })
          }
        >
          Add a decision right
        </button>
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
              onClick={() => setDraft({ ...draft, escalationPaths: paths.filter((_, j) => j !== i) })}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => setDraft({ ...draft, escalationPaths: [...paths, { when: '', to: '' }] })}
        >
          Add an escalation path
        </button>
      </fieldset>
      <div className="record-grid">
        <label className="field field-wide">
          <span>Check-in cadence</span>
          <input className="input" value={draft.checkInCadence} onChange={(e) => setDraft({ ...draft, checkInCadence: e.target.value })} />
        </label>
        {NORMS.map(({ key, label, wide }) => (
          <label key={key} className={wide ? 'field field-wide' : 'field'}>
            <span>{label}</span>
            <textarea className="input" rows={2} value={draft.norms[key]} onChange={(e) => setNorm(key, e.target.value)} />
          </label>
        ))}
        <label className="field field-wide">
          <span>Anything else</span>
          <textarea className="input" rows={4} value={draft.freeText} onChange={(e) => setDraft({ ...draft, freeText: e.target.value })} />
        </label>
        <label className="field">
          <span>Revisit by</span>
          <input
            className="input"
            type="date"
            value={revisitBy}
            onChange={(e) => setRevisitBy(e.target.value)}
            aria-invalid={!!err('revisitBy')}
          />
        </label>
        <label className="field field-wide">
          <span>Change note: what changed and why (required, kept with the version)</span>
          <input className="input" value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={!!err('changeNote')} />
        </label>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={action.pending || !hasWords(note)}>
          Save as version {props.current.version + 1}
        </button>
        <button className="btn btn-ghost" type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={action.error} />
    </form>
  );
}
