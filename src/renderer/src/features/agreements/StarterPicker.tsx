import { useState } from 'react';
import { AGREEMENT_STARTERS } from '@shared/agreement-starters';
import { addCalendarDays } from '@shared/agreements';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

/** A team without an agreement starts from a shipped one and adapts it. */
export function StarterPicker({ teamId, today }: { teamId: string; today: string }) {
  const [revisitBy, setRevisitBy] = useState(addCalendarDays(today, 90));
  const action = useMutation();
  return (
    <section className="card starter-picker" aria-labelledby="starter-heading">
      <h2 id="starter-heading">Start the team’s operating agreement</h2>
      <p className="muted-note">
        Choose the starter closest to your team. It becomes version 1; edit it into your own. The roles it names are added to the team,
        vacant until someone holds them.
      </p>
      <label className="field starter-revisit">
        <span>Revisit by</span>
        <input className="input" type="date" value={revisitBy} onChange={(e) => setRevisitBy(e.target.value)} />
      </label>
      <ul className="starter-list">
        {AGREEMENT_STARTERS.map((s) => (
          <li key={s.key} className="starter-card">
            <h3>{s.name}</h3>
            <p>{s.summary}</p>
            <p className="starter-meta">
              Roles: {s.roles.map((r) => r.name).join(', ')} · {s.rights.length} decision rights · {s.escalation.length} escalation paths
            </p>
            <ul className="starter-rights">
              {s.rights.map((r) => (
                <li key={r.kind}>
                  {r.kind}: {r.decider === 'team' ? 'the whole team' : r.decider.role}
                </li>
              ))}
            </ul>
            <button
              className="btn btn-primary"
              disabled={action.pending}
              onClick={() => void action.run('agreements.adoptStarter', { teamId, starter: s.key, revisitBy })}
            >
              Start from “{s.name}”
            </button>
          </li>
        ))}
      </ul>
      <ErrorAlert error={action.error} />
    </section>
  );
}
