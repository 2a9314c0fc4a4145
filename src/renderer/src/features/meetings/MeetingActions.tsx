import { useState } from 'react';
import type { AgendaTemplate } from '@shared/planning';
import { call } from '@renderer/api/client';
import { useQuery } from '@renderer/api/hooks';
import { saveTextFile } from '@renderer/api/platform';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { useForm } from '@renderer/ui/form/use-form';

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
  const [status, setStatus] = useState<string | null>(null);
  const apply = useForm('agenda.applyTemplate', {
    initial: { templateId: '' },
    toInput: (v) => ({ meetingId, expectedRevision: revision, ...v }),
  });
  const save = useForm('templates.saveFromMeeting', {
    initial: { name: '' },
    toInput: (v) => ({ meetingId, ...v }),
    onSaved: (template) => setStatus(`Saved template “${template.name}”`),
  });
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
        <form className="tool-row" aria-label="Apply a template" onSubmit={apply.submit}>
          {/* One control per row, named as its first option says; a refusal shows under the row. */}
          <select
            className="input"
            value={apply.values.templateId}
            onChange={(e) => apply.set('templateId', e.target.value)}
            aria-label="Template"
          >
            <option value="">Add items from a template…</option>
            {list.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.totalMin} min{t.builtin ? '' : ', yours'})
              </option>
            ))}
          </select>
          <button type="submit" className="btn" disabled={!apply.canSubmit}>
            Apply
          </button>
        </form>
      )}
      <ErrorAlert error={apply.failure} />
      {hasItems && (
        <form className="tool-row" aria-label="Save as template" onSubmit={save.submit}>
          <input
            className="input"
            value={save.values.name}
            onChange={(e) => save.set('name', e.target.value)}
            placeholder="Template name"
            aria-label="Template name"
          />
          <button type="submit" className="btn" disabled={!save.canSubmit}>
            Save as template
          </button>
        </form>
      )}
      {save.error('name') && <p className="field-error">{save.error('name')}</p>}
      <ErrorAlert error={save.formError} />
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
