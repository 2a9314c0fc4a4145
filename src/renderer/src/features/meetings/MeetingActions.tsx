import { useState } from 'react';
import type { AgendaTemplate } from '@shared/planning';
import { call } from '@renderer/api/client';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { saveTextFile } from '@renderer/api/platform';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

/** Templates in and out, and the agenda out: Markdown file or the printer. */
export function MeetingActions({
  meetingId,
  teamId,
  revision,
  readOnly,
  hasItems,
}: {
  meetingId: string;
  teamId: string;
  revision: number;
  readOnly: boolean;
  hasItems: boolean;
}) {
  const templates = useQuery('templates.list', { teamId });
  const apply = useMutation('agenda.applyTemplate');
  const save = useMutation('templates.saveFromMeeting');
  const [templateId, setTemplateId] = useState('');
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const list: AgendaTemplate[] = templates.data ?? [];

  async function exportMarkdown() {
    setStatus(null);
    const file = await call('agenda.exportMarkdown', { meetingId });
    const outcome = await saveTextFile({ suggestedName: file.suggestedName, kind: 'markdown', content: file.content });
    setStatus(
      outcome.status === 'saved'
        ? `Saved to ${outcome.path}`
        : outcome.status === 'download'
          ? `Downloaded ${file.suggestedName}`
          : outcome.status === 'failed'
            ? outcome.message
            : null,
    );
  }

  return (
    <section className="card side-card" aria-labelledby="agenda-tools-heading">
      <h2 id="agenda-tools-heading">Agenda tools</h2>
      {!readOnly && (
        <form
          className="tool-row"
          aria-label="Apply a template"
          onSubmit={async (e) => {
            e.preventDefault();
            if (templateId && (await apply.run({ meetingId, expectedRevision: revision, templateId }))) setTemplateId('');
          }}
        >
          <select className="input" value={templateId} onChange={(e) => setTemplateId(e.target.value)} aria-label="Template">
            <option value="">Add items from a template…</option>
            {list.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.totalMin} min{t.builtin ? '' : ', yours'})
              </option>
            ))}
          </select>
          <button type="submit" className="btn" disabled={!templateId || apply.pending}>
            Apply
          </button>
        </form>
      )}
      <ErrorAlert error={apply.error} />
      {hasItems && (
        <form
          className="tool-row"
          aria-label="Save as template"
          onSubmit={async (e) => {
            e.preventDefault();
            const saved = await save.run({ meetingId, name });
            if (saved) {
              setName('');
              setStatus(`Saved template “${saved.name}”`);
            }
          }}
        >
          <input
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Template name"
            aria-label="Template name"
          />
          <button type="submit" className="btn" disabled={save.pending}>
            Save as template
          </button>
        </form>
      )}
      <ErrorAlert error={save.error} />
      <div className="tool-row">
        <button type="button" className="btn" onClick={() => void exportMarkdown()}>
          Export Markdown
        </button>
        <button type="button" className="btn" onClick={() => window.print()}>
          Print agenda
        </button>
      </div>
      {status && (
        <p className="status-saved" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
