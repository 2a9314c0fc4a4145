import { useMemo, useRef, useState } from 'react';
import type { MinutesFormat } from '@shared/operations/minutes-schemas';
import { useQuery } from '@renderer/api/hooks';
import { exportMinutes } from '@renderer/api/minutes-export';
import { useFormat } from '@renderer/app/settings-context';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { previewDates } from './minutes-preview-dates';

const FORMATS: { format: MinutesFormat; label: string }[] = [
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
  { format: 'pdf', label: 'PDF' },
];

/** The minutes as they will be exported, previewed formatted or as Markdown before anyone saves them. */
export function MinutesPanel({ meetingId, draft }: { meetingId: string; draft: boolean }) {
  // The formatted preview is always there (it is also what prints); the Markdown is read only while it is shown.
  const html = useQuery('minutes.html', { meetingId });
  const [view, setView] = useState<'formatted' | 'markdown'>('formatted');
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const { day } = useFormat();
  const shown = useMemo(() => (html.data ? previewDates(html.data.content, day) : ''), [html.data, day]);

  async function run(format: MinutesFormat) {
    setBusy(true);
    setStatus(null);
    try {
      setStatus(await exportMinutes(meetingId, format, frame.current));
    } catch (error) {
      setStatus({ text: (error as Error).message, failed: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="meeting-decisions minutes-panel" aria-labelledby="minutes-heading">
      <div className="section-head">
        <h2 id="minutes-heading">Minutes{draft ? ' (draft)' : ''}</h2>
        <div className="minutes-export" role="group" aria-label="Export minutes">
          <span className="minutes-export-label">Export</span>
          {FORMATS.map(({ format, label }) => (
            <button key={format} className="btn" disabled={busy || !html.data} onClick={() => void run(format)}>
              {label}
            </button>
          ))}
        </div>
      </div>
      <div className="minutes-toolbar">
        <div className="segmented minutes-view" role="group" aria-label="Preview as">
          <button type="button" aria-pressed={view === 'formatted'} onClick={() => setView('formatted')}>
            Formatted
          </button>
          <button type="button" aria-pressed={view === 'markdown'} onClick={() => setView('markdown')}>
            Markdown
          </button>
        </div>
        <span className={`save-state ${status?.failed ? 's-failed' : 's-saved'}`} role="status">
          {status?.text ?? ''}
        </span>
      </div>
      <ErrorAlert error={html.error} />
      {/* The formatted preview is the exported HTML itself; no scripts run in it, and it is what prints. */}
      <iframe
        ref={frame}
        className="minutes-frame"
        title="Minutes preview (formatted)"
        sandbox="allow-same-origin allow-modals"
        srcDoc={shown}
        hidden={view !== 'formatted'}
      />
      {view === 'markdown' && <MarkdownPreview meetingId={meetingId} />}
    </section>
  );
}

function MarkdownPreview({ meetingId }: { meetingId: string }) {
  const markdown = useQuery('minutes.markdown', { meetingId });
  return (
    <>
      <ErrorAlert error={markdown.error} />
      {markdown.data && (
        <pre className="minutes-preview" aria-label="Minutes preview (Markdown)" tabIndex={0}>
          {markdown.data.content}
        </pre>
      )}
    </>
  );
}
