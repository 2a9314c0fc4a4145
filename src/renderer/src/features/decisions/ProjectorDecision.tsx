import { useRef, type CSSProperties } from 'react';
import { useFormat } from '@renderer/app/settings-context';
import { positionStanding, STANCES } from '@shared/decisions';
import type { MeetingDetail } from '@shared/planning';
import { membersInRoom, projectedProposal } from './in-room';
import { CONDENSED_CLASSES, useProjectorFit } from './projector-fit';
import { PositionChip, StanceChip } from './StatusBadge';

/**
 * What the room reads during a proposal (its title is the page's heading): the question, the options weighed, where
 * everyone stands, then the read-back to confirm.
 */
export function ProjectorDecision({ detail, itemId }: { detail: MeetingDetail; itemId: string }) {
  const d = projectedProposal(detail, itemId);
  if (!d) return null;
  if (d.status === 'accepted' || (d.status === 'proposed' && d.readbackAt !== null)) return <Readback d={d} />;
  return <Proposal detail={detail} d={d} />;
}

type Projected = NonNullable<ReturnType<typeof projectedProposal>>;

/** The decision read back to the room, then confirmed. */
function Readback({ d }: { d: Projected }) {
  const { day } = useFormat();
  const confirmed = d.status === 'accepted';
  return (
    <section className={`projector-readback${confirmed ? ' is-confirmed' : ''}`} aria-label={confirmed ? 'Decided' : 'Read-back'}>
      <span className="projector-label">{confirmed ? 'Decided' : 'Read-back: does the room confirm?'}</span>
      <p className="readback-decision">{d.decision}</p>
      {d.rationale && (
        <p className="readback-rationale">
          <span className="readback-why">Why</span>
          {d.rationale}
        </p>
      )}
      <dl className="readback-facts">
        {d.chosenOption && (
          <div>
            <dt>Chosen option</dt>
            <dd>{d.chosenOption}</dd>
          </div>
        )}
        <div>
          <dt>Owner</dt>
          <dd>{d.ownerName ?? '—'}</dd>
        </div>
        {d.decisionRight && (
          <div>
            <dt>Decision right</dt>
            <dd>{d.decisionRight}</dd>
          </div>
        )}
        <div>
          <dt>Review</dt>
          <dd>{d.reviewDate ? day(d.reviewDate) : 'none set'}</dd>
        </div>
      </dl>
    </section>
  );
}

/** How many stand where, each position counted as it reads now ("1 integrated", not one more "block"). */
function tally(d: Projected): string {
  const kinds = d.positions.map((p) => positionStanding(p, d.objections).kind);
  const counts = STANCES.map((s) => `${kinds.filter((k) => k === s.stance).length} ${s.label.toLowerCase()}`);
  const integrated = kinds.filter((k) => k === 'integrated').length;
  return [...counts, ...(integrated > 0 ? [`${integrated} integrated`] : [])].join(' · ');
}

/**
 * The proposal as the room weighs it: as many options and open objections as fit the screen, the rest noted. An open
 * block is always shown, before the other objections: the room must read a block and its reason while it is being
 * integrated (walked: a disagreement raised first took the one row left, "Open objections 1–1 of 2", the block unseen).
 */
function Proposal({ detail, d }: { detail: MeetingDetail; d: Projected }) {
  const stances = new Map(d.positions.map((p) => [p.memberId, p]));
  const unresolved = d.objections.filter((o) => o.resolution === null);
  const blocks = unresolved.filter((o) => o.stance === 'block');
  const open = [...blocks, ...unresolved.filter((o) => o.stance !== 'block')];
  const section = useRef<HTMLElement>(null);
  const fit = useProjectorFit(
    section,
    JSON.stringify([d.id, d.question, d.decision, d.options, open.map((o) => [o.id, o.reason]), membersInRoom(detail).length]),
  );
  const options = d.options.slice(0, fit.options);
  // Fewer rows for the other objections first; every block keeps its row (projector-fit.ts shortens the rest around it).
  const objections = open.slice(0, Math.max(fit.objections, blocks.length));
  return (
    <section ref={section} className={`projector-proposal${CONDENSED_CLASSES[fit.condensed]}`} aria-label="Proposal">
      {d.question && <p className="projector-question">{d.question}</p>}
      {d.decision && <p className="projector-proposal-text">{d.decision}</p>}
      {options.length > 0 && (
        <ol
          className="projector-options"
          aria-label="Options considered"
          style={{ '--option-lines': fit.optionLines ?? 1 } as CSSProperties}
        >
          {options.map((o, i) => (
            <li key={i}>
              <strong>{o.title}</strong>
              {o.pros && <span className="pro">+ {o.pros}</span>}
              {o.cons && <span className="con">− {o.cons}</span>}
            </li>
          ))}
        </ol>
      )}
      {options.length < d.options.length && (
        <p className="projector-page-note">
          {options.length > 0 ? `Options 1–${options.length} of ${d.options.length}` : `${d.options.length} options`}; all are on the
          console
        </p>
      )}
      <ul className="projector-positions" aria-label="Positions">
        {membersInRoom(detail).map((m) => {
          const p = stances.get(m.memberId);
          return (
            <li key={m.memberId}>
              <span>{m.name}</span>
              {p ? <PositionChip position={p} objections={d.objections} /> : <span className="stance-chip sc-none">…</span>}
            </li>
          );
        })}
      </ul>
      <p className="projector-tally">{tally(d)}</p>
      {open.length > 0 && (
        <ul className="projector-objections" aria-label="Open objections">
          {objections.map((o) => (
            <li key={o.id}>
              <strong>{o.memberName}</strong> <StanceChip stance={o.stance} /> {o.reason}
            </li>
          ))}
        </ul>
      )}
      {objections.length < open.length && (
        <p className="projector-page-note">
          Open objections 1–{objections.length} of {open.length}; the next come up as these are resolved
        </p>
      )}
      {fit.cut && <p className="projector-page-note">Some texts are shortened to fit the screen; the console shows every word</p>}
    </section>
  );
}
