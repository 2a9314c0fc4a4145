import type { AgreementDiff, FieldChange, TextPart } from '@shared/agreements';

/** Added words are underlined and marked "+", removed ones struck through and marked "−": not by colour alone. */
export function Words({ parts }: { parts: TextPart[] }) {
  return (
    <span className="diff-words">
      {parts.map((p, i) =>
        p.change === 'added' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.change === 'removed' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

function Field({ change }: { change: FieldChange }) {
  return (
    <div className="diff-field">
      <span className="diff-field-name">{change.field}</span>
      {change.before && change.after ? (
        <Words parts={change.parts} />
      ) : change.after ? (
        <ins>{change.after}</ins>
      ) : (
        <del>{change.before}</del>
      )}
    </div>
  );
}

const CHANGE_LABEL = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

export function DiffView({ diff }: { diff: AgreementDiff }) {
  const nothing = diff.fields.length === 0 && diff.rows.length === 0;
  return (
    <div className="agreement-diff" aria-label={`Changes from version ${diff.from.version} to version ${diff.to.version}`} role="region">
      <p className="muted-note diff-legend">
        <del>Struck through</del> was removed, <ins>underlined</ins> was added.
      </p>
      {nothing && <p className="muted-note">The two versions say the same.</p>}
      {diff.rows.length > 0 && (
        <ul className="diff-rows" aria-label="Changed rows">
          {diff.rows.map((r, i) => (
            <li key={i} className={`diff-row diff-${r.change}`}>
              <div className="diff-row-head">
                <span className={`badge diff-badge-${r.change}`}>{CHANGE_LABEL[r.change]}</span>
                <span className="diff-section">{r.section}:</span> <strong>{r.label}</strong>
              </div>
              {r.change === 'changed' && r.fields.map((f) => <Field key={f.field} change={f} />)}
              {r.change !== 'changed' && (
                <p className="diff-row-summary">
                  {r.fields
                    .filter((f) => f.field !== 'Kind of decision' && f.field !== 'When')
                    .map((f) => `${f.field}: ${f.before || f.after}`)
                    .join(' · ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {diff.fields.length > 0 && (
        <div className="diff-fields" aria-label="Changed parts" role="group">
          {diff.fields.map((f) => (
            <Field key={f.field} change={f} />
          ))}
        </div>
      )}
    </div>
  );
}
