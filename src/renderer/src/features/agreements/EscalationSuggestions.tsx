import { useQuery } from '@renderer/api/hooks';

/** The agreement's escalation paths, offered when an objection is escalated. */
export function EscalationSuggestions({ teamId, onPick }: { teamId: string; onPick: (to: string) => void }) {
  const agreement = useQuery('agreements.get', { teamId });
  const paths = agreement.data?.current?.body.escalationPaths ?? [];
  if (paths.length === 0) return null;
  return (
    <div className="escalation-suggestions" role="group" aria-label="Escalation paths in the agreement">
      <span className="hint">The agreement says:</span>
      {paths.map((p) => (
        <button key={p.id} type="button" className="btn btn-sm" onClick={() => onPick(p.to)}>
          {p.when} → {p.to}
        </button>
      ))}
    </div>
  );
}
