import { useState } from 'react';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

/** Which Cadence this is and where its data lives; diagnostics to paste into a problem report. */
export function AboutSection() {
  const info = useQuery('app.info', {});
  const action = useMutation();
  const [text, setText] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const i = info.data;
  return (
    <section className="card about-card" aria-labelledby="about-heading">
      <h2 id="about-heading">About Cadence</h2>
      {i && (
        <dl className="record-facts">
          <dt>Version</dt>
          <dd data-testid="app-version">{i.version}</dd>
          <dt>Running as</dt>
          <dd>{i.mode === 'desktop' ? 'the desktop app' : 'the browser mode (served from this computer)'}</dd>
          <dt>Data folder</dt>
          <dd className="mono">{i.dataDir}</dd>
          <dt>Database schema</dt>
          <dd>{i.schemaVersion}</dd>
        </dl>
      )}
      <div className="form-actions">
        <button
          className="btn"
          onClick={async () => {
            const result = await action.run('app.diagnostics', {});
            if (!result) return;
            setText(result.text);
            try {
              await navigator.clipboard.writeText(result.text);
              setCopied(true);
            } catch {
              // Without clipboard access the text is shown below to copy by hand.
              setCopied(false);
            }
          }}
        >
          Copy diagnostics
        </button>
        <span className="save-state s-saved" role="status">
          {copied ? 'Copied to the clipboard' : ''}
        </span>
      </div>
      <ErrorAlert error={action.error} />
      {text && <textarea className="input mono diagnostics" readOnly rows={10} value={text} aria-label="Diagnostics" />}
    </section>
  );
}
