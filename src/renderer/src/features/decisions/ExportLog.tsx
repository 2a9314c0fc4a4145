import { useState, type FormEvent } from 'react';
import type { FolderExportOutcome } from '@shared/exports';
import { saveTextFile } from '@renderer/api/platform';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

function folderMessage(outcome: FolderExportOutcome): string | null {
  switch (outcome.status) {
    case 'saved':
      return `Exported ${outcome.files} files (${outcome.files - 1} decisions and README.md) to ${outcome.folder}`;
    case 'failed':
      return outcome.message;
    default:
      return null;
  }
}

/**
 * Export buttons of the decision log, for the team the page is filtered to. The desktop asks for
 * a folder with its dialog; the browser mode (whose server runs on this computer) asks for a path.
 */
export function ExportLog({ teamId }: { teamId: string | null }) {
  const action = useMutation();
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [asking, setAsking] = useState<string | null>(null);

  const exportFolder = async (folder: string | null) => {
    const outcome = await action.run('exports.decisionsMadr', { teamId, folder });
    if (!outcome) return;
    if (outcome.status === 'chooseFolder') {
      setAsking(outcome.suggestedFolder);
      return;
    }
    setAsking(null);
    const text = folderMessage(outcome);
    setStatus(text ? { text, failed: outcome.status === 'failed' } : null);
  };

  const exportHtml = async () => {
    const file = await action.run('exports.decisionLogHtml', { teamId });
    if (!file) return;
    const outcome = await saveTextFile({ suggestedName: file.suggestedName, kind: 'html', content: file.content });
    if (outcome.status === 'saved') setStatus({ text: `Saved the decision log to ${outcome.path}`, failed: false });
    else if (outcome.status === 'download') setStatus({ text: `Downloaded ${file.suggestedName}`, failed: false });
    else if (outcome.status === 'failed') setStatus({ text: outcome.message, failed: true });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (asking !== null && asking.trim()) void exportFolder(asking);
  };

  return (
    <div className="log-export">
      <div className="head-actions">
        <button className="btn" disabled={action.pending} onClick={() => void exportFolder(null)}>
          Export MADR folder…
        </button>
        <button className="btn" disabled={action.pending} onClick={() => void exportHtml()}>
          Export as one HTML file
        </button>
      </div>
      {asking !== null && (
        <form
          className="log-export-folder card"
          aria-label="Export MADR folder"
          onSubmit={submit}
          onKeyDown={(e) => e.key === 'Escape' && setAsking(null)}
        >
          <label className="field">
            <span>Folder on this computer for the MADR files</span>
            <input className="input" value={asking} onChange={(e) => setAsking(e.target.value)} autoFocus spellCheck={false} />
            <span className="hint">One numbered Markdown file per decision and a README.md index; the folder is created if needed.</span>
          </label>
          <div className="head-actions">
            <button className="btn btn-primary" type="submit" disabled={action.pending || !asking.trim()}>
              Export here
            </button>
            <button className="btn" type="button" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <span className={`save-state ${status?.failed ? 's-failed' : 's-saved'}`} role="status">
        {status?.text ?? ''}
      </span>
      <ErrorAlert error={action.error} />
    </div>
  );
}
