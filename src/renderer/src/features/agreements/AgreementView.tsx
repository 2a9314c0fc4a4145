import type { AgreementVersion, ResolvedDecisionRight } from '@shared/agreements';

function Decider({ right }: { right: ResolvedDecisionRight }) {
  if (right.decider.type !== 'role') return <>{right.deciderName}</>;
  return (
    <>
      {right.deciderName} <span className="agreement-role-tag">role</span>
      <span className="agreement-holder">{right.holderName ? `held by ${right.holderName}` : 'vacant'}</span>
    </>
  );
}

function Text({ value, empty = 'Not written yet' }: { value: string; empty?: string }) {
  return value ? <p className="agreement-text">{value}</p> : <p className="muted-note">{empty}</p>;
}

/** One version of the agreement, readable at a desk and, with `large`, from the back of a room. */
export function AgreementView({ version, large = false }: { version: AgreementVersion; large?: boolean }) {
  const { body } = version;
  return (
    <div className={`agreement-view${large ? ' is-large' : ''}`}>
      <section aria-labelledby={`rights-${version.id}`}>
        <h3 id={`rights-${version.id}`}>Decision rights</h3>
        {version.rights.length === 0 ? (
          <p className="muted-note">No decision rights yet.</p>
        ) : (
          <table className="agreement-table">
            <thead>
              <tr>
                <th scope="col">Kind of decision</th>
                <th scope="col">Who decides</th>
                <th scope="col">Consulted</th>
                <th scope="col">Informed</th>
              </tr>
            </thead>
            <tbody>
              {version.rights.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.kind}</th>
                  <td>
                    <Decider right={r} />
                  </td>
                  <td>{r.consulted || '—'}</td>
                  <td>{r.informed || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby={`escalation-${version.id}`}>
        <h3 id={`escalation-${version.id}`}>Escalation paths</h3>
        {body.escalationPaths.length === 0 ? (
          <p className="muted-note">No escalation paths yet.</p>
        ) : (
          <table className="agreement-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">To whom</th>
              </tr>
            </thead>
            <tbody>
              {body.escalationPaths.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.when}</th>
                  <td>{e.to}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="agreement-norms">
        <section>
          <h3>Check-in cadence</h3>
          <Text value={body.checkInCadence} />
        </section>
        <section>
          <h3>Communication quality</h3>
          <Text value={body.norms.communication} />
        </section>
        <section>
          <h3>Response times</h3>
          <Text value={body.norms.responseTimes} />
        </section>
        <section>
          <h3>Documentation</h3>
          <Text value={body.norms.documentation} />
        </section>
      </div>
      {(body.freeText || !large) && (
        <section>
          <h3>Anything else</h3>
          <Text value={body.freeText} empty="Nothing else written." />
        </section>
      )}
    </div>
  );
}
