import { useState } from 'react';
import type { FolderExportOutcome } from '@shared/exports';
import { saveTextFile } from '@renderer/api/platform';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';

function folderMessage(outcome: FolderExportOutcome): string | null {
  switch (outcome.status) {
    case 'saved':
      // Decisions and README.md indexes: one for a team, one per team and one above them for every team.
      return `Exported ${outcome.files} files (decisions and their README.md index) to ${outcome.folder}`;
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
  // The two export buttons are not a form: each runs at once; only the folder asked for is typed.
  const action = useMutation();
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [asking, setAsking] = useState(false);
  const form = useForm('exports.decisionsMadr', {
    initial: { folder: '' },
    clears: [],
    toInput: (v) => ({ teamId, folder: v.folder }),
    onSaved: (outcome) => exported(outcome),
  });

  function exported(outcome: FolderExportOutcome) {
    if (outcome.status === 'chooseFolder') {
      form.set('folder', outcome.suggestedFolder);
      setAsking(true);
      return;
    }
    setAsking(false);
    const text = folderMessage(outcome);
    setStatus(text ? { text, failed: outcome.status === 'failed' } : null);
  }

  const exportFolder = async () => {
    const outcome = await action.run('exports.decisionsMadr', { teamId, folder: null });
    if (outcome) exported(outcome);
  };

  const exportHtml = async () => {
    const file = await action.run('exports.decisionLogHtml', { teamId });
    if (!file) return;
    const outcome = await saveTextFile({ suggestedName: file.suggestedName, kind: 'html', content: file.content });
    if (outcome.status === 'saved') setStatus({ text: `Saved the decision log to ${outcome.path}`, failed: false });
    else if (outcome.status === 'download') setStatus({ text: `Downloaded ${file.suggestedName}`, failed: false });
    else if (outcome.status === 'failed') setStatus({ text: outcome.message, failed: true });
  };

  return (
    <div className="log-export">
      <div className="head-actions">
        <button className="btn" disabled={action.pending || form.pending} onClick={() => void exportFolder()}>
          Export MADR folder…
        </button>
        <button className="btn" disabled={action.pending || form.pending} onClick={() => void exportHtml()}>
          Export as one HTML file
        </button>
      </div>
      {asking && (
        <form
          className="log-export-folder card"
          aria-label="Export MADR folder"
          onSubmit={form.submit}
          onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
        >
          <Field label="Folder on this computer for the MADR files" error={form.error('folder')}>
            <input
              className="input"
              value={form.values.folder}
              onChange={(e) => form.set('folder', e.target.value)}
              autoFocus
              spellCheck={false}
            />
          </Field>
          <span className="hint">
            One MADR file per decision, named by its number for life, and a README.md index (every team: a folder per team); the folder is
            created if needed.
          </span>
          <div className="head-actions">
            <button className="btn btn-primary" type="submit" disabled={!form.canSubmit}>
              Export here
            </button>
            <button className="btn" type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <span className={`save-state ${status?.failed ? 's-failed' : 's-saved'}`} role="status">
        {status?.text ?? ''}
      </span>
      <ErrorAlert error={action.error ?? form.formError} />
    </div>
  );
}
