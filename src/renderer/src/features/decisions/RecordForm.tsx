import { useState } from 'react';
import type { Decision } from '@shared/decisions';
import type { Member } from '@shared/domain';
import { hasWords } from '@shared/validation';
import { ErrorAlert, fieldError } from '@renderer/ui/ErrorAlert';
import { MemberSelect } from '@renderer/ui/pickers';
import { useMutation } from '@renderer/api/hooks';
import { DecisionRightField } from '../agreements/DecisionRightField';

interface Draft {
  title: string;
  context: string;
  decision: string;
  rationale: string;
  ownerId: string;
  decisionRight: string;
  risks: string;
  timeline: string;
  reviewDate: string;
  tags: string;
}

function draftOf(d: Decision): Draft {
  return {
    title: d.title,
    context: d.context,
    decision: d.decision,
    rationale: d.rationale,
    ownerId: d.ownerId ?? '',
    decisionRight: d.decisionRight ?? '',
    risks: d.risks,
    timeline: d.timeline,
    reviewDate: d.reviewDate ?? '',
    tags: d.tags.join(', '),
  };
}

/** Only what the person changed is sent, so an amendment lists exactly those fields. */
function changed(before: Draft, after: Draft) {
  const out: Record<string, unknown> = {};
  if (after.title !== before.title) out.title = after.title;
  for (const k of ['context', 'decision', 'rationale', 'risks', 'timeline'] as const) if (after[k] !== before[k]) out[k] = after[k];
  if (after.ownerId !== before.ownerId) out.ownerId = after.ownerId || null;
  if (after.decisionRight !== before.decisionRight) out.decisionRight = after.decisionRight || null;
  if (after.reviewDate !== before.reviewDate) out.reviewDate = after.reviewDate || null;
  if (after.tags !== before.tags)
    out.tags = after.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  return out;
}

/**
 * The decision record. In the room it saves directly; after the meeting it saves as an
 * amendment, which needs a reason and keeps the old values.
 */
export function RecordForm({
  decision,
  members,
  mode,
  onSaved,
}: {
  decision: Decision;
  members: Member[];
  mode: 'edit' | 'amend';
  onSaved?: () => void;
}) {
  const fresh = draftOf(decision);
  // What the draft was last in step with: only fields the person changed since then are sent,
  // so a change made meanwhile (an objection integrated into the text) is never written over.
  const [base, setBase] = useState(fresh);
  const [draft, setDraft] = useState(fresh);
  const freshKey = JSON.stringify(fresh);
  const [syncedKey, setSyncedKey] = useState(freshKey);
  if (syncedKey !== freshKey) {
    setSyncedKey(freshKey);
    const merged = { ...draft };
    for (const k of Object.keys(fresh) as (keyof Draft)[]) if (draft[k] === base[k]) merged[k] = fresh[k];
    setDraft(merged);
    setBase(fresh);
  }
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const action = useMutation();
  const set = (k: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setDraft({ ...draft, [k]: e.target.value });
    setSaved(false);
  };
  const changes = changed(base, draft);
  const dirty = Object.keys(changes).length > 0;
  const err = (path: string) => fieldError(action.error, path);

  return (
    <form
      className="record-form"
      aria-label={mode === 'amend' ? 'Amend the decision' : 'Decision record'}
      onSubmit={async (e) => {
        e.preventDefault();
        const result =
          mode === 'amend'
            ? await action.run('decisions.amend', { decisionId: decision.id, reason, ...changes })
            : await action.run('decisions.update', { decisionId: decision.id, ...changes });
        if (result) {
          setSaved(true);
          setReason('');
          onSaved?.();
        }
      }}
    >
      <div className="record-grid">
        <label className="field field-wide">
          <span>Title</span>
          <input className="input" value={draft.title} onChange={set('title')} aria-invalid={!!err('title')} />
        </label>
        <label className="field field-wide">
          <span>The decision</span>
          <textarea className="input" rows={2} value={draft.decision} onChange={set('decision')} />
        </label>
        <label className="field field-wide">
          <span>Rationale: why this, and not the other options</span>
          <textarea className="input" rows={3} value={draft.rationale} onChange={set('rationale')} />
        </label>
        <label className="field field-wide">
          <span>Context</span>
          <textarea className="input" rows={2} value={draft.context} onChange={set('context')} />
        </label>
        <label className="field">
          <span>Decision owner</span>
          <MemberSelect
            value={draft.ownerId}
            onChange={(id) => {
              setDraft({ ...draft, ownerId: id });
              setSaved(false);
            }}
            members={members}
            noneLabel="No owner yet"
            label="Decision owner"
          />
        </label>
        <DecisionRightField
          teamId={decision.teamId}
          label="Decision right that applied"
          value={draft.decisionRight}
          onChange={(right, owner) => {
            setDraft({ ...draft, decisionRight: right, ownerId: owner ?? draft.ownerId });
            setSaved(false);
          }}
        />
        <label className="field">
          <span>Review date</span>
          <input className="input" type="date" value={draft.reviewDate} onChange={set('reviewDate')} aria-invalid={!!err('reviewDate')} />
        </label>
        <label className="field">
          <span>Tags (comma-separated)</span>
          <input className="input" value={draft.tags} onChange={set('tags')} aria-invalid={!!err('tags.0')} />
        </label>
        <label className="field field-wide">
          <span>Risks acknowledged</span>
          <textarea className="input" rows={2} value={draft.risks} onChange={set('risks')} />
        </label>
        <label className="field field-wide">
          <span>Expected timeline</span>
          <input className="input" value={draft.timeline} onChange={set('timeline')} />
        </label>
        {mode === 'amend' && (
          <label className="field field-wide">
            <span>Reason for the amendment (required, kept in the history)</span>
            <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!err('reason')} />
          </label>
        )}
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={!dirty || action.pending || (mode === 'amend' && !hasWords(reason))}>
          {mode === 'amend' ? 'Save amendment' : 'Save the record'}
        </button>
        <span className="save-state s-saved" role="status">
          {saved && !dirty ? 'Saved' : ''}
        </span>
      </div>
      <ErrorAlert error={action.error} />
    </form>
  );
}
