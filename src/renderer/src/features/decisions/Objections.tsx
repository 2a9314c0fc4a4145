import { useRef, useState } from 'react';
import { RESOLUTIONS, resolutionLabel, type Decision, type Objection, type Resolution } from '@shared/decisions';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { SubmitButton } from '@renderer/ui/form/SubmitButton';
import { useForm } from '@renderer/ui/form/use-form';
import { StanceChip } from './StatusBadge';
import { EscalationSuggestions } from '../agreements/EscalationSuggestions';

/** How an objection ended, as the record shows it. */
export function ObjectionOutcome({ objection: o }: { objection: Objection }) {
  if (!o.resolution) return <span className="badge badge-warn">Unresolved</span>;
  return (
    <div className="objection-outcome">
      <span className={`badge res-${o.resolution}`}>{resolutionLabel(o.resolution)}</span>
      {o.resolution === 'overruled' && o.resolvedByName && <span> by {o.resolvedByName}</span>}
      {o.resolution === 'escalated' && o.escalatedTo && <span> to {o.escalatedTo}</span>}
      {o.resolutionNote && <span className="objection-note">: {o.resolutionNote}</span>}
      {o.resolution === 'integrated' && o.textAfter !== null && (
        <div className="text-change">
          <del aria-label="Proposal before">{o.textBefore}</del>
          <ins aria-label="Proposal after">{o.textAfter}</ins>
        </div>
      )}
    </div>
  );
}

function ResolveForm({ decision, objection, onDone }: { decision: Decision; objection: Objection; onDone: () => void }) {
  const form = useForm('decisions.resolveObjection', {
    initial: { resolution: null as Resolution | null, note: '', newText: decision.decision, escalatedTo: '' },
    clears: [],
    toInput: (v) => ({
      objectionId: objection.id,
      // Null until a way is chosen: the contract refuses it, so nothing is sent.
      resolution: v.resolution as Resolution,
      note: v.note.trim() ? v.note : null,
      newText: v.resolution === 'integrated' ? v.newText : null,
      escalatedTo: v.resolution === 'escalated' ? v.escalatedTo : null,
    }),
    onSaved: onDone,
  });
  const { values, set, error } = form;
  const how = values.resolution;
  // Integrating means changing the proposal: the text as it stands would record nothing new.
  const unchanged = how === 'integrated' && values.newText.trim() === decision.decision.trim();
  // A disabled Save says what is still needed, the unchanged text first (it is the form's first field).
  const submit = {
    canSubmit: form.canSubmit && !unchanged,
    blockedBy: unchanged ? ['Change the proposal’s text to meet the objection', ...form.blockedBy] : form.blockedBy,
  };
  // Cancel (or Escape, as in the go-round's reason form) closes the form, keeping what was typed for a second choice,
  // and leaves focus on the way that opened it: Escape did nothing.
  const root = useRef<HTMLDivElement>(null);
  const cancel = () => {
    const opened = root.current?.querySelector<HTMLButtonElement>('.resolve-choices [aria-pressed="true"]');
    set('resolution', null);
    opened?.focus();
  };
  return (
    <div className="resolve" ref={root}>
      <div className="resolve-choices" role="group" aria-label={`Resolve ${objection.memberName}’s objection`}>
        {RESOLUTIONS.map((r) => (
          <button
            key={r.resolution}
            type="button"
            className="btn btn-sm"
            aria-pressed={how === r.resolution}
            title={r.help}
            onClick={() => set('resolution', r.resolution)}
          >
            {r.label}
          </button>
        ))}
      </div>
      {how && (
        <form
          className="resolve-form"
          onSubmit={(e) => (unchanged ? e.preventDefault() : void form.submit(e))}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            cancel();
          }}
        >
          {how === 'integrated' && (
            <Field label="The proposal, changed to meet the objection" error={error('newText')}>
              <textarea className="input" rows={3} value={values.newText} onChange={(e) => set('newText', e.target.value)} autoFocus />
            </Field>
          )}
          {how === 'escalated' && (
            <Field label="Escalated to (per the operating agreement)" error={error('escalatedTo')}>
              <input
                className="input"
                value={values.escalatedTo}
                onChange={(e) => set('escalatedTo', e.target.value)}
                autoFocus
                placeholder="Who decides now"
              />
            </Field>
          )}
          {how === 'escalated' && <EscalationSuggestions teamId={decision.teamId} onPick={(to) => set('escalatedTo', to)} />}
          <Field
            label={
              how === 'overruled'
                ? `Why ${decision.ownerName ?? 'the decision owner'} overrules it (required)`
                : how === 'integrated'
                  ? 'What changed (optional)'
                  : 'Note (optional)'
            }
            error={error('note')}
          >
            <input
              className="input"
              value={values.note}
              onChange={(e) => set('note', e.target.value)}
              autoFocus={how === 'overruled' || how === 'withdrawn'}
            />
          </Field>
          <div className="form-actions">
            <SubmitButton form={submit}>Save: {resolutionLabel(how).toLowerCase()}</SubmitButton>
            <button className="btn btn-ghost" type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
          <ErrorAlert error={form.formError} />
        </form>
      )}
    </div>
  );
}

/** Every disagree and block, open ones first, each until it is resolved. */
export function Objections({ decision, editable }: { decision: Decision; editable: boolean }) {
  const [open, setOpen] = useState<string | null>(null);
  if (decision.objections.length === 0) return null;
  const sorted = [...decision.objections].sort((a, b) => Number(a.resolution !== null) - Number(b.resolution !== null));
  return (
    <section className="objections" aria-label="Objections">
      <h4>Objections {decision.openObjections > 0 && <span className="badge badge-warn">{decision.openObjections} unresolved</span>}</h4>
      <ul>
        {sorted.map((o) => (
          <li key={o.id} className={o.resolution ? 'is-resolved' : 'is-open'}>
            <div className="objection-head">
              <strong>{o.memberName}</strong> <StanceChip stance={o.stance} />
              <span className="objection-reason">“{o.reason}”</span>
            </div>
            <ObjectionOutcome objection={o} />
            {editable && !o.resolution && decision.status === 'proposed' && (
              <>
                {open === o.id ? (
                  <ResolveForm decision={decision} objection={o} onDone={() => setOpen(null)} />
                ) : (
                  <button type="button" className="btn btn-sm" onClick={() => setOpen(o.id)}>
                    Resolve…
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
