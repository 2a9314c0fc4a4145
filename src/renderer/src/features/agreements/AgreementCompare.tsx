import { useState } from 'react';
import type { AgreementVersionSummary } from '@shared/agreements';
import { useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { DiffView } from './DiffView';

function VersionSelect(props: { label: string; value: string; onChange: (id: string) => void; versions: AgreementVersionSummary[] }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select className="input" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.versions.map((v) => (
          <option key={v.id} value={v.id}>
            Version {v.version}: {v.changeNote}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Any two versions side by side: what changed, field by field and row by row. */
export function AgreementCompare({ versions }: { versions: AgreementVersionSummary[] }) {
  // Newest first: by default the version in force against the one before it.
  const [toId, setToId] = useState(versions[0]!.id);
  const [fromId, setFromId] = useState((versions[1] ?? versions[0]!).id);
  const diff = useQuery('agreements.compare', { fromId, toId });
  return (
    <section className="card agreement-compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare versions</h2>
      <div className="compare-pick">
        <VersionSelect label="From" value={fromId} onChange={setFromId} versions={versions} />
        <VersionSelect label="To" value={toId} onChange={setToId} versions={versions} />
      </div>
      <ErrorAlert error={diff.error} />
      {diff.data && <DiffView diff={diff.data} />}
    </section>
  );
}
