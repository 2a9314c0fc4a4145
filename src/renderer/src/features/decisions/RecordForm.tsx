import { useState } from 'react';
import type { InputOf } from '@shared/contract';
import type { Decision } from '@shared/decisions';
import type { Member } from '@shared/domain';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm, type FormFields } from '@renderer/ui/form/use-form';
import { MemberSelect } from '@renderer/ui/pickers';
import { DecisionRightField } from '../agreements/DecisionRightField';

// A type, not an interface: a form's values are a record of fields.
type Draft = {
  title: string;
  context: string;
  decision: string;
  rationale: string;
  /** The chosen option's title; '' when none is chosen. */
  chosenOption: string;
  ownerId: string;
  decisionRight: string;
  risks: string;
  timeline: string;
  reviewDate: string;
  tags: string;
};

function draftOf(d: Decision): Draft {
  return {
    title: d.title,
    context: d.context,
    decision: d.decision,
    rationale: d.rationale,
    chosenOption: d.chosenOption ?? '',
    ownerId: d.ownerId ?? '',
    decisionRight: d.decisionRight ?? '',
    risks: d.risks,
    timeline: d.timeline,
    reviewDate: d.reviewDate ?? '',
    tags: d.tags.join(', '),
  };
}

type Changes = Omit<InputOf<'decisions.amend'>, 'decisionId' | 'reason'>;

/** Only what the person changed is sent, so an amendment lists exactly those fields. */
function changed(before: Draft, after: Draft): Changes {
  const out: Changes = {};
  if (after.title !== before.title) out.title = after.title;
  for (const k of ['context', 'decision', 'rationale', 'risks', 'timeline'] as const) if (after[k] !== before[k]) out[k] = after[k];
  if (after.chosenOption !== before.chosenOption) out.chosenOption = after.chosenOption || null;
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

const DRAFT_FIELDS: readonly (keyof Draft)[] = [
  'title',
  'context',
  'decision',
  'rationale',
  'chosenOption',
  'ownerId',
  'decisionRight',
  'risks',
  'timeline',
  'reviewDate',
  'tags',
];

/**
 * What the draft was last in step with. When the decision changes (an objection integrated into the text, a save
 * landing), each field the person has not touched since takes the new value; one they changed is never written over.
 */
function useInStep<V extends Draft>(decision: Decision): { base: Draft; follow: (form: FormFields<V>) => void } {
  const fresh = draftOf(decision);
  const [base, setBase] = useState(fresh);
  return {
    base,
    follow: (form) => {
      if (JSON.stringify(fresh) === JSON.stringify(base)) return;
      for (const k of DRAFT_FIELDS) if (Object.is(form.values[k], base[k])) form.set(k, fresh[k] as V[typeof k]);
      setBase(fresh);
    },
  };
}

/**
 * The decision record. In the room it saves directly; after the meeting it saves as an
 * amendment, which needs a reason and keeps the old values.
 */
export function RecordForm(props: { decision: Decision; members: Member[]; mode: 'edit' | 'amend'; onSaved?: () => void }) {
  return props.mode === 'amend' ? <AmendForm {...props} /> : <EditForm {...props} />;
}

function EditForm({ decision, members }: { decision: Decision; members: Member[] }) {
  const { base, follow } = useInStep<Draft>(decision);
  const [saved, setSaved] = useState(false);
  const form = useForm('decisions.update', {
    initial: draftOf(decision),
    clears: [],
    toInput: (v) => ({ decisionId: decision.id, ...changed(base, v) }),
    onSaved: () => setSaved(true),
  });
  follow(form);
  const dirty = Object.keys(changed(base, form.values)).length > 0;
  return (
    <form className="record-form" aria-label="Decision record" onSubmit={form.submit}>
      <RecordFields form={form} decision={decision} members={members} />
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={!dirty || !form.canSubmit}>
          Save the record
        </button>
        <span className="save-state s-saved" role="status">
          {saved && !dirty ? 'Saved' : ''}
        </span>
      </div>
      <ErrorAlert error={form.formError} />
    </form>
  );
}

function AmendForm({ decision, members, onSaved }: { decision: Decision; members: Member[]; onSaved?: () => void }) {
  const { base, follow } = useInStep<Draft & { reason: string }>(decision);
  const form = useForm('decisions.amend', {
    initial: { ...draftOf(decision), reason: '' },
    clears: ['reason'],
    toInput: ({ reason, ...v }) => ({ decisionId: decision.id, reason, ...changed(base, v) }),
    // It closes once saved, unless the person went on typing while it saved: that stays for the next amendment.
    onSaved: (_out, sent, kept) => {
      if (DRAFT_FIELDS.every((k) => Object.is(kept[k], sent[k])) && kept.reason === '') onSaved?.();
    },
  });
  follow(form);
  const dirty = Object.keys(changed(base, form.values)).length > 0;
  return (
    <form className="record-form" aria-label="Amend the decision" onSubmit={form.submit}>
      <RecordFields form={form} decision={decision} members={members}>
        <Field label="Reason for the amendment (required, kept in the history)" className="field-wide" error={form.error('reason')}>
          <input className="input" value={form.values.reason} onChange={(e) => form.set('reason', e.target.value)} />
        </Field>
      </RecordFields>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={!dirty || !form.canSubmit}>
          Save amendment
        </button>
      </div>
      <ErrorAlert error={form.formError} />
    </form>
  );
}

function RecordFields<V extends Draft>({
  form,
  decision,
  members,
  children,
}: {
  form: FormFields<V>;
  decision: Decision;
  members: Member[];
  children?: React.ReactNode;
}) {
  const { values, error } = form;
  const set = (k: keyof Draft, value: string) => form.set(k, value as V[typeof k]);
  const text = (k: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(k, e.target.value);
  return (
    <div className="record-grid">
      <Field label="Title" className="field-wide" error={error('title')}>
        <input className="input" value={values.title} onChange={text('title')} />
      </Field>
      <Field label="The decision" className="field-wide" error={error('decision')}>
        <textarea className="input" rows={2} value={values.decision} onChange={text('decision')} />
      </Field>
      <Field label="Rationale: why this, and not the other options" className="field-wide" error={error('rationale')}>
        <textarea className="input" rows={3} value={values.rationale} onChange={text('rationale')} />
      </Field>
      {decision.options.length > 0 && (
        <Field label="Chosen option" error={error('chosenOption')}>
          <select className="input" value={values.chosenOption} onChange={(e) => set('chosenOption', e.target.value)}>
            {/* With two or more options, acceptance waits for a choice; a lone option may be the one turned down. */}
            <option value="">{decision.options.length > 1 ? 'Not chosen yet' : 'None of these'}</option>
            {decision.options.map((o, i) => (
              <option key={i} value={o.title}>
                {o.title}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Context" className="field-wide" error={error('context')}>
        <textarea className="input" rows={2} value={values.context} onChange={text('context')} />
      </Field>
      <Field label="Decision owner" error={error('ownerId')}>
        <MemberSelect value={values.ownerId} onChange={(id) => set('ownerId', id)} members={members} noneLabel="No owner yet" />
      </Field>
      <DecisionRightField
        teamId={decision.teamId}
        label="Decision right that applied"
        value={values.decisionRight}
        error={error('decisionRight')}
        onChange={(right, owner) => {
          set('decisionRight', right);
          if (owner) set('ownerId', owner);
        }}
      />
      <Field label="Review date" error={error('reviewDate')}>
        <input className="input" type="date" value={values.reviewDate} onChange={text('reviewDate')} />
      </Field>
      <Field label="Tags (comma-separated)" error={error('tags')}>
        <input className="input" value={values.tags} onChange={text('tags')} />
      </Field>
      <Field label="Risks acknowledged" className="field-wide" error={error('risks')}>
        <textarea className="input" rows={2} value={values.risks} onChange={text('risks')} />
      </Field>
      <Field label="Expected timeline" className="field-wide" error={error('timeline')}>
        <input className="input" value={values.timeline} onChange={text('timeline')} />
      </Field>
      {children}
    </div>
  );
}
