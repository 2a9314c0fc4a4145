import { useState } from 'react';
import type { DecisionOption } from '@shared/decisions';
import type { Member } from '@shared/domain';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { ErrorAlert, fieldError } from '@renderer/ui/ErrorAlert';
import { MemberSelect } from '@renderer/ui/pickers';
import { DecisionRightField } from '../agreements/DecisionRightField';

/** Puts a question to the room: the proposal, the options weighed, who proposes, who decides. */
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
  onDone: () => void;
}) {
  const [title, setTitle] = useState(defaultTitle);
  const [question, setQuestion] = useState('');
  const [proposal, setProposal] = useState('');
  const [options, setOptions] = useState<DecisionOption[]>([]);
  const [proposerId, setProposerId] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [decisionRight, setDecisionRight] = useState('');
  const [supersedesId, setSupersedesId] = useState('');
  const [supersedeKind, setSupersedeKind] = useState<'supersedes' | 'reverses'>('supersedes');
  const accepted = useQuery('decisions.search', { teamId, statuses: ['accepted'], sort: 'newest', limit: 200 });
  const action = useMutation();
  const setOption = (i: number, patch: Partial<DecisionOption>) => setOptions(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));

  return (
    <form
      className="propose-form"
      aria-label="Put a proposal"
      onSubmit={async (e) => {
        e.preventDefault();
        const made = await action.run('decisions.propose', {
          meetingId,
          agendaItemId: itemId,
          title,
          question,
          decision: proposal,
          options: options.filter((o) => o.title.trim() !== ''),
          proposerId: proposerId || null,
          ownerId: ownerId || null,
          decisionRight: decisionRight || null,
          supersedesId: supersedesId || null,
          supersedeKind,
        });
        if (made) onDone();
      }}
    >
      <div className="record-grid">
        <label className="field field-wide">
          <span>Title</span>
          <input
            className="input"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={!!fieldError(action.error, 'title')}
          />
        </label>
        <label className="field field-wide">
          <span>The question</span>
          <input className="input" value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="Should we…?" />
        </label>
        <label className="field field-wide">
          <span>The proposal</span>
          <textarea className="input" rows={2} value={proposal} onChange={(e) => setProposal(e.target.value)} placeholder="We will…" />
        </label>
        <fieldset className="field field-wide options-editor">
          <legend>Options considered</legend>
          {options.map((o, i) => (
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
                onClick={() => setOptions(options.filter((_, j) => j !== i))}
                aria-label={`Remove option ${i + 1}`}
              >
                ✕
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => setOptions([...options, { title: '', pros: '', cons: '' }])}
            disabled={options.length >= 12}
          >
            Add an option
          </button>
        </fieldset>
        <DecisionRightField
          teamId={teamId}
          label="Decision right"
          className="field-wide"
          value={decisionRight}
          onChange={(right, owner) => {
            setDecisionRight(right);
            if (owner) setOwnerId(owner);
          }}
        />
        <label className="field">
          <span>Proposed by</span>
          <MemberSelect value={proposerId} onChange={setProposerId} members={members} noneLabel="Not recorded" label="Proposed by" />
        </label>
        <label className="field">
          <span>Decision owner</span>
          <MemberSelect value={ownerId} onChange={setOwnerId} members={members} noneLabel="No owner yet" label="Decision owner" />
        </label>
        <label className="field">
          <span>Replaces an earlier decision</span>
          <select
            className="input"
            value={supersedesId}
            onChange={(e) => setSupersedesId(e.target.value)}
            aria-label="Replaces an earlier decision"
          >
            <option value="">Nothing</option>
            {accepted.data?.rows.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        {supersedesId && (
          <label className="field">
            <span>How</span>
            <select
              className="input"
              value={supersedeKind}
              onChange={(e) => setSupersedeKind(e.target.value as 'supersedes' | 'reverses')}
              aria-label="How it replaces it"
            >
              <option value="supersedes">Supersedes it</option>
              <option value="reverses">Reverses it</option>
            </select>
          </label>
        )}
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={action.pending}>
          Put the proposal
        </button>
        <button className="btn btn-ghost" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ErrorAlert error={action.error} />
    </form>
  );
}
