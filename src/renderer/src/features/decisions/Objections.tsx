import { useState } from 'react';
import { RESOLUTIONS, resolutionLabel, type Decision, type Objection, type Resolution } from '@shared/decisions';
import { hasWords } from '@shared/validation';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { StanceChip } from './StatusBadge';
import { useMutation } from '@renderer/api/hooks';
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
  const [how, setHow] = useState<Resolution | null>(null);
  const [note, setNote] = useState('');
  const [text, setText] = useState(decision.decision);
  const [to, setTo] = useState('');
  const action = useMutation();
  const ready =
    how === 'overruled'
      ? hasWords(note)
      : how === 'integrated'
        ? hasWords(text) && text.trim() !== decision.decision.trim()
        : how === 'escalated'
          ? hasWords(to)
          : how !== null;
  return (
    <div className="resolve">
      <div className="resolve-choices" role="group" aria-label={`Resolve ${objection.memberName}’s objection`}>
        {RESOLUTIONS.map((r) => (
          <button
            key={r.resolution}
            type="button"
            className={`btn btn-sm${how === r.resolution ? ' is-on' : ''}`}
            title={r.help}
            onClick={() => setHow(r.resolution)}
          >
            {r.label}
          </button>
        ))}
      </div>
      {how && (
        <form
          className="resolve-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!ready) return;
            const saved = await action.run('decisions.resolveObjection', {
              objectionId: objection.id,
              resolution: how,
              note: note.trim() ? note : null,
              newText: how === 'integrated' ? text : null,
              escalatedTo: how === 'escalated' ? to : null,
            });
            if (saved) onDone();
          }}
        >
          {how === 'integrated' && (
            <label className="field">
              <span>The proposal, changed to meet the objection</span>
              <textarea className="input" rows={3} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
            </label>
          )}
          {how === 'escalated' && (
            <label className="field">
              <span>Escalated to (per the operating agreement)</span>
              <input className="input" value={to} onChange={(e) => setTo(e.target.value)} autoFocus placeholder="Who decides now" />
            </label>
          )}
          {how === 'escalated' && <EscalationSuggestions teamId={decision.teamId} onPick={setTo} />}
          <label className="field">
            <span>
              {how === 'overruled'
                ? `Why ${decision.ownerName ?? 'the decision owner'} overrules it (required)`
                : how === 'integrated'
                  ? 'What changed (optional)'
                  : 'Note (optional)'}
            </span>
            <input
              className="input"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              autoFocus={how === 'overruled' || how === 'withdrawn'}
            />
          </label>
          <div className="form-actions">
            <button className="btn btn-primary" type="submit" disabled={!ready || action.pending}>
              Save: {resolutionLabel(how).toLowerCase()}
            </button>
            <button className="btn btn-ghost" type="button" onClick={() => setHow(null)}>
              Cancel
            </button>
          </div>
          <ErrorAlert error={action.error} />
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
