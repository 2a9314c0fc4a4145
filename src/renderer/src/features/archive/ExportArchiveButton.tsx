import { useState } from 'react';
import { ApiError, call } from '@renderer/api/client';
import { saveTextFile } from '@renderer/api/platform';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

/** The whole team in one file: to keep, or to import on another computer. */
export function ExportArchiveButton({ teamId }: { teamId: string }) {
  const [state, setState] = useState<{ pending: boolean; saved: string | null; error: ApiError | null }>({
    pending: false,
    saved: null,
    error: null,
  });
  async function exportArchive() {
    setState({ pending: true, saved: null, error: null });
    try {
      const file = await call('archive.export', { teamId });
      const outcome = await saveTextFile({ suggestedName: file.suggestedName, kind: 'json', content: file.content });
      const saved =
        outcome.status === 'saved' ? `Saved to ${outcome.path}` : outcome.status === 'download' ? `Downloaded ${file.suggestedName}` : null;
      setState({ pending: false, saved, error: null });
    } catch (e) {
      setState({ pending: false, saved: null, error: e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }) });
    }
  }
  return (
    <div className="archive-export">
      <button className="btn" onClick={() => void exportArchive()} disabled={state.pending}>
        {state.pending ? 'Exporting…' : 'Export team archive'}
      </button>
      {state.saved && (
        <span className="save-state s-saved" role="status">
          {state.saved}
        </span>
      )}
      <ErrorAlert error={state.error} />
    </div>
  );
}
