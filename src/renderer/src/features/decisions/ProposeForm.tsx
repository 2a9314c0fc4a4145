import type { DecisionOption } from '@shared/decisions';
import type { Member } from '@shared/domain';
import { useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { MemberSelect } from '@renderer/ui/pickers';
import { DecisionRightField } from '../agreements/DecisionRightField';

/**
 * Puts a question to the room: the proposal, the options weighed, who proposes, who decides. `onDone(more)` closes
 * the form, or keeps it open (`more`) when the person typed the next proposal while this one saved.
 */
export function ProposeForm({
  meetingId,
  itemId,
  teamId,
  defaultTitle,
  members,
  onDone,
}: {
  meetingId: string;
  itemId: string;
  teamId: string;
  defaultTitle: string;
  members: Member[];
  onDone: (more: boolean) => void;
}) {
  const accepted = useQuery('decisions.search', { teamId, statuses: ['accepted'], sort: 'newest', limit: 200 });
  const initial = {
    title: defaultTitle,
    question: '',
    proposal: '',
    options: [] as DecisionOption[],
    proposerId: '',
    ownerId: '',
    decisionRight: '',
    supersedesId: '',
    supersedeKind: 'supersedes' as 'supersedes' | 'reverses',
  };
  const form = useForm('decisions.propose', {
    initial,
    fields: { decision: 'proposal' },
    toInput: (v) => ({
      meetingId,
      agendaItemId: itemId,
      title: v.title,
      question: v.question,
      decision: v.proposal,
      options: v.options.filter((o) => o.title.trim() !== ''),
      proposerId: v.proposerId || null,
      ownerId: v.ownerId || null,
      decisionRight: v.decisionRight || null,
      supersedesId: v.supersedesId || null,
      supersedeKind: v.supersedeKind,
    }),
    onSaved: (_made, _sent, kept) =>
      onDone((Object.keys(initial) as (keyof typeof initial)[]).some((f) => !Object.is(kept[f], initial[f]))),
  });
  const { values, set, error } = form;
  const setOption = (i: number, patch: Partial<DecisionOption>) =>
    set(
      'options',
      values.options.map((o, j) => (j === i ? { ...o, ...patch } : o)),
    );

  return (
    <form className="propose-form" aria-label="Put a proposal" onSubmit={form.submit}>
      <div className="record-grid">
        <Field label="Title" className="field-wide" error={error('title')}>
          <input className="input" value={values.title} onChange={(e) => set('title', e.target.value)} />
        </Field>
        <Field label="The question" className="field-wide" error={error('question')}>
          <input className="input" value={values.question} onChange={(e) => set('question', e.target.value)} placeholder="Should we…?" />
        </Field>
        <Field label="The proposal" className="field-wide" error={error('proposal')}>
          <textarea
            className="input"
            rows={2}
            value={values.proposal}
            onChange={(e) => set('proposal', e.target.value)}
            placeholder="We will…"
          />
        </Field>
        <fieldset className="field field-wide options-editor">
          <legend>Options considered</legend>
          {values.options.map((o, i) => (
            <div key={i} className="option-row">
              <input
                className="input"
                aria-label={`Option ${i + 1}`}
                value={o.title}
                onChange={(e) => setOption(i, { title: e.target.value })}
                placeholder="Option"
              />
              <input
                className="input"
                aria-label={`Option ${i + 1} pros`}
                value={o.pros}
                onChange={(e) => setOption(i, { pros: e.target.value })}
                placeholder="Pros"
              />
              <input
                className="input"
                aria-label={`Option ${i + 1} cons`}
                value={o.cons}
                onChange={(e) => setOption(i, { cons: e.target.value })}
                placeholder="Cons"
              />
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                onClick={() =>
                  set(
                    'options',
                    values.options.filter((_, j) => j !== i),
                  )
                }
                aria-label={`Remove option ${i + 1}`}
              >
                ✕
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => set('options', [...values.options, { title: '', pros: '', cons: '' }])}
            disabled={values.options.length >= 12}
          >
            Add an option
          </button>
          {error('options') && <p className="field-error">{error('options')}</p>}
        </fieldset>
        <DecisionRightField
          teamId={teamId}
          label="Decision right"
          className="field-wide"
          value={values.decisionRight}
          error={error('decisionRight')}
          onChange={(right, owner) => {
            set('decisionRight', right);
            if (owner) set('ownerId', owner);
          }}
        />
        <Field label="Proposed by" error={error('proposerId')}>
          <MemberSelect value={values.proposerId} onChange={(id) => set('proposerId', id)} members={members} noneLabel="Not recorded" />
        </Field>
        <Field label="Decision owner" error={error('ownerId')}>
          <MemberSelect value={values.ownerId} onChange={(id) => set('ownerId', id)} members={members} noneLabel="No owner yet" />
        </Field>
        <Field label="Replaces an earlier decision" error={error('supersedesId')}>
          <select className="input" value={values.supersedesId} onChange={(e) => set('supersedesId', e.target.value)}>
            <option value="">Nothing</option>
            {accepted.data?.rows.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </Field>
        {values.supersedesId && (
          <Field label="How it replaces it" error={error('supersedeKind')}>
            <select
              className="input"
              value={values.supersedeKind}
              onChange={(e) => set('supersedeKind', e.target.value as 'supersedes' | 'reverses')}
            >
              <option value="supersedes">Supersedes it</option>
              <option value="reverses">Reverses it</option>
            </select>
          </Field>
        )}
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={!form.canSubmit}>
          Put the proposal
        </button>
        <button className="btn btn-ghost" type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={form.formError} />
    </form>
  );
}
