import { decisionStatusLabel, stanceLabel, type DecisionStatus, type Stance } from '@shared/decisions';

export function StatusBadge({ status }: { status: DecisionStatus }) {
  return <span className={`badge decision-status st-${status}`}>{decisionStatusLabel(status)}</span>;
}

export function StanceChip({ stance }: { stance: Stance }) {
  return <span className={`stance-chip sc-${stance}`}>{stanceLabel(stance)}</span>;
}
