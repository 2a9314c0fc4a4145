import { useQuery } from '@renderer/api/hooks';
import { href } from '@renderer/app/router';

/**
 * The decision right is chosen from the agreement in force; choosing one suggests its owner (the
 * member, or whoever holds the role). Free text only while the team has no agreement yet.
 */
export function DecisionRightField(props: {
  teamId: string;
  value: string;
  label: string;
  className?: string;
  /** The contract's or main's message about the right, shown under it. */
  error?: string;
  onChange: (right: string, suggestedOwnerId: string | null) => void;
}) {
  const agreement = useQuery('agreements.get', { teamId: props.teamId });
  const current = agreement.data?.current;
  if (agreement.data && !current) {
    return (
      <div className={`decision-right-field ${props.className ?? ''}`}>
        <label className="field">
          <span>{props.label}</span>
          <input
            className="input"
            value={props.value}
            onChange={(e) => props.onChange(e.target.value, null)}
            placeholder="e.g. Engineering lead decides, team consulted"
          />
        </label>
        <span className="hint">
          No operating agreement yet: write it here, or{' '}
          <a href={href({ name: 'team', teamId: props.teamId, tab: 'agreement' })}>set one up</a> and choose from its decision rights.
        </span>
        {props.error && <p className="field-error">{props.error}</p>}
      </div>
    );
  }
  const rights = current?.rights ?? [];
  const known = rights.some((r) => r.kind === props.value);
  const chosen = rights.find((r) => r.kind === props.value);
  return (
    <div className={`decision-right-field ${props.className ?? ''}`}>
      <label className="field">
        <span>{props.label}</span>
        <select
          className="input"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value, rights.find((r) => r.kind === e.target.value)?.suggestedOwnerId ?? null)}
        >
          <option value="">Choose from the agreement (version {current?.version ?? '…'})</option>
          {rights.map((r) => (
            <option key={r.id} value={r.kind}>
              {r.kind}: {r.deciderName}
              {r.decider.type === 'role' ? ` (${r.holderName ?? 'vacant'})` : ''}
            </option>
          ))}
          {props.value && !known && <option value={props.value}>{props.value} (not in the agreement in force)</option>}
        </select>
      </label>
      {chosen && (
        <span className="hint">
          {chosen.deciderName} decides
          {chosen.decider.type === 'role' ? ` (${chosen.holderName ? `held by ${chosen.holderName}` : 'vacant'})` : ''}
          {chosen.consulted ? ` · consulted: ${chosen.consulted}` : ''}
          {chosen.informed ? ` · informed: ${chosen.informed}` : ''}
        </span>
      )}
      {props.error && <p className="field-error">{props.error}</p>}
    </div>
  );
}
