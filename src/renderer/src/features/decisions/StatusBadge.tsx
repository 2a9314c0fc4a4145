import {
  decisionStatusLabel,
  positionRecord,
  positionStanding,
  stanceLabel,
  type Objection,
  type Position,
  type DecisionStatus,
  type Stance,
} from '@shared/decisions';

export function StatusBadge({ status }: { status: DecisionStatus }) {
  return <span className={`badge decision-status st-${status}`}>{decisionStatusLabel(status)}</span>;
}

export function StanceChip({ stance }: { stance: Stance }) {
  return <span className={`stance-chip sc-${stance}`}>{stanceLabel(stance)}</span>;
}

/**
 * A member's position as it reads now: a block the proposal was changed to meet reads "Integrated", not "Block".
 * `asRecorded` words it as the minutes and exports do ("Disagree, overruled", "Integrated (was block)"): the decision
 * page is the record, and reads as the minutes read; the go-round and the projector keep the short word.
 */
export function PositionChip({
  position,
  objections,
  asRecorded = false,
}: {
  position: Pick<Position, 'memberId' | 'stance'>;
  objections: readonly Objection[];
  asRecorded?: boolean;
}) {
  const standing = positionStanding(position, objections);
  return (
    <span className={`stance-chip sc-${standing.kind}`} title={standing.detail}>
      {asRecorded ? positionRecord(position, objections) : standing.label}
    </span>
  );
}
