import {
  decisionStatusLabel,
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

/** A member's position as it reads now: a block the proposal was changed to meet reads "Integrated", not "Block". */
export function PositionChip({
  position,
  objections,
}: {
  position: Pick<Position, 'memberId' | 'stance'>;
  objections: readonly Objection[];
}) {
  const standing = positionStanding(position, objections);
  return (
    <span className={`stance-chip sc-${standing.kind}`} title={standing.detail}>
      {standing.label}
    </span>
  );
}
