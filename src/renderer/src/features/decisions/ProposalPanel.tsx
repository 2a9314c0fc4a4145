import { useRef, useState } from 'react';
import type { Decision } from '@shared/decisions';
import type { MeetingDetail } from '@shared/planning';
import { href } from '@renderer/app/router';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { CommitmentCapture } from '../commitments/CommitmentCapture';
import { GoRound } from './GoRound';
import { decisionsOfItem, membersInRoom } from './in-room';
import { Objections } from './Objections';
import { ProposeForm } from './ProposeForm';
import { RecordForm } from './RecordForm';
import { DeferredNote, ReopenButton } from './ReopenDeferred';
import { StatusBadge } from './StatusBadge';
import { useMutation } from '@renderer/api/hooks';

export function OptionsList({ decision }: { decision: Decision }) {
  if (decision.options.length === 0) return null;
  return (
    <div className="options-list">
      <h4>Options considered</h4>
      <ul>
        {decision.options.map((o, i) => (
          <li key={i} className={o.title === decision.chosenOption ? 'option-chosen' : undefined}>
            {/* Three cells a row, whatever is filled in: the "Chosen" label sits with the title, not in a cell of its own. */}
            <span className="option-title">
              <strong>{o.title}</strong>
              {o.title === decision.chosenOption && <span className="badge">Chosen</span>}
            </span>
            <span className="pro">{o.pros && `+ ${o.pros}`}</span>
            <span className="con">{o.cons && `− ${o.cons}`}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Outcome({ decision, disabled }: { decision: Decision; disabled: boolean }) {
  const action = useMutation();
  const decide = (outcome: 'accepted' | 'rejected' | 'deferred' | 'proposed') =>
    action.run('decisions.decide', { decisionId: decision.id, outcome });
  const reading = decision.readbackAt !== null;
  // A deferred proposal's way back is at the top of its card (ReopenButton).
  if (decision.status === 'deferred') return null;
  if (decision.status !== 'proposed') {
    return (
      <div className="outcome-bar">
        <StatusBadge status={decision.status} />
        <button className="btn btn-sm" onClick={() => void decide('proposed')} disabled={disabled}>
          Reopen
        </button>
        <ErrorAlert error={action.error} />
      </div>
    );
  }
  return (
    <div className="outcome-bar">
      <button
        className="btn"
        aria-pressed={reading}
        disabled={disabled}
        onClick={() => void action.run('decisions.readBack', { decisionId: decision.id, on: !reading })}
      >
        {reading ? 'Reading back on the projector' : 'Read back on the projector'}
      </button>
      <button className="btn btn-primary" disabled={disabled || action.pending} onClick={() => void decide('accepted')}>
        Room confirms: accept
      </button>
      <button className="btn" disabled={disabled || action.pending} onClick={() => void decide('deferred')}>
        Defer
      </button>
      <button className="btn btn-ghost" disabled={disabled || action.pending} onClick={() => void decide('rejected')}>
        Reject
      </button>
      <ErrorAlert error={action.error} />
    </div>
  );
}

/** Who does what to carry the decision out: commitments that serve it, made right here. */
function DecisionCommitments({ decision, detail }: { decision: Decision; detail: MeetingDetail }) {
  return (
    <div className="decision-commitments">
      <h4>Commitments that carry it out</h4>
      <CommitmentCapture
        detail={detail}
        made={detail.commitments.made.filter((c) => c.decisionId === decision.id)}
        listLabel={`Commitments for ${decision.title}`}
        agendaItemId={decision.agendaItemId}
        decisionId={decision.id}
        formLabel={`Commit to carry out ${decision.title}`}
      />
    </div>
  );
}

function ProposalCard({ decision, detail, disabled }: { decision: Decision; detail: MeetingDetail; disabled: boolean }) {
  const open = decision.status === 'proposed';
  // Reopened from the card's head: the button goes as the go-round comes, and the go-round takes focus (once).
  const focusGoRoundRef = useRef(false);
  return (
    <article className="proposal-card" aria-label={`Proposal: ${decision.title}`}>
      <header className="proposal-head">
        <div>
          <h3>{decision.title}</h3>
          {decision.status === 'deferred' && <DeferredNote decision={decision} />}
          {decision.question && <p className="proposal-question">{decision.question}</p>}
        </div>
        <div className="proposal-state" role="group" aria-label="Status">
          <StatusBadge status={decision.status} />
          {/* A deferred proposal carried over is here to be reopened: its way back is the card's first action. */}
          {decision.status === 'deferred' && (
            <ReopenButton decision={decision} disabled={disabled} onReopening={(on) => (focusGoRoundRef.current = on)} />
          )}
        </div>
      </header>
      {decision.supersedes && (
        <p className="muted-note">
          {decision.supersedeKind === 'reverses' ? 'Reverses' : 'Supersedes'}{' '}
          <a href={href({ name: 'decision', decisionId: decision.supersedes.id })}>{decision.supersedes.title}</a>
        </p>
      )}
      <div className="proposal-text" aria-label="The proposal">
        {decision.decision || <span className="muted-note">No proposal text yet: write it in the record below.</span>}
      </div>
      <OptionsList decision={decision} />
      {open && <GoRound decision={decision} members={membersInRoom(detail)} disabled={disabled} takeFocusRef={focusGoRoundRef} />}
      <Objections decision={decision} editable={!disabled} />
      <details className="record-details" open={open}>
        <summary>Decision record: rationale, owner, review date…</summary>
        <RecordForm key={decision.id} decision={decision} members={detail.members} mode="edit" />
      </details>
      <Outcome decision={decision} disabled={disabled} />
      {decision.status === 'accepted' && (
        <>
          <p className="muted-note">
            Logged. <a href={href({ name: 'decision', decisionId: decision.id })}>Open in the decision log</a>
          </p>
          <DecisionCommitments decision={decision} detail={detail} />
        </>
      )}
    </article>
  );
}

/** The console's part of a proposal item: put it, take positions, work the objections, decide. */
export function ProposalPanel({
  detail,
  itemId,
  itemTitle,
  disabled,
}: {
  detail: MeetingDetail;
  itemId: string;
  itemTitle: string;
  disabled: boolean;
}) {
  const decisions = decisionsOfItem(detail, itemId);
  // Open from the start when there is nothing yet, so the form stays mounted (with what was typed) while its save
  // lands and the first card appears; it closes when the form says it is done.
  const [adding, setAdding] = useState(decisions.length === 0);
  return (
    <section className="card proposal-panel" aria-labelledby="proposal-heading">
      <div className="round-head">
        <h2 id="proposal-heading">Proposal</h2>
        {decisions.length > 0 && !adding && (
          <button className="btn btn-sm" onClick={() => setAdding(true)}>
            Put another proposal
          </button>
        )}
      </div>
      {decisions.map((d) => (
        <ProposalCard key={d.id} decision={d} detail={detail} disabled={disabled} />
      ))}
      {(adding || decisions.length === 0) && (
        <ProposeForm
          meetingId={detail.meeting.id}
          itemId={itemId}
          teamId={detail.meeting.teamId}
          defaultTitle={decisions.length === 0 ? itemTitle : ''}
          members={detail.members}
          onDone={setAdding}
        />
      )}
    </section>
  );
}
