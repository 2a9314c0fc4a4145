import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { saveTextFile } from '../../api/platform';
import { ErrorAlert } from '../../ui/ErrorAlert';

const TOPICS = ['meetings', 'decisions', 'commitments'] as const;

/** The minutes as they will be exported, previewed before anyone saves them. */
export function MinutesPanel({ meetingId, draft }: { meetingId: string; draft: boolean }) {
  const minutes = useQuery('minutes.markdown', { meetingId }, TOPICS);
  const [saved, setSaved] = useState<string | null>(null);
  const file = minutes.data;
  return (
    <section className="meeting-decisions minutes-panel" aria-labelledby="minutes-heading">
      <div className="section-head">
        <h2 id="minutes-heading">Minutes{draft ? ' (draft)' : ''}</h2>
        <button
          className="btn"
          disabled={!file}
          onClick={async () => {
            if (!file) return;
            const outcome = await saveTextFile({ suggestedName: file.suggestedName, kind: 'markdown', content: file.content });
            setSaved(
              outcome.status === 'saved'
                ? `Saved to ${outcome.path}`
                : outcome.status === 'download'
                  ? `Downloaded ${file.suggestedName}`
                  : null,
            );
          }}
        >
          Export minutes (Markdown)
        </button>
      </div>
      <span className="save-state s-saved" role="status">
        {saved ?? ''}
      </span>
      <ErrorAlert error={minutes.error} />
      {file && (
        <pre className="minutes-preview" aria-label="Minutes preview" tabIndex={0}>
          {file.content}
        </pre>
      )}
    </section>
  );
}
