import { useState } from 'react';
import type { BackupInfo } from '@shared/domain';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { ConfirmDialog } from '@renderer/ui/ConfirmDialog';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

const REASON: Record<string, string> = {
  manual: 'Made by hand',
  'meeting-end': 'After a meeting',
  scheduled: 'Every 15 minutes',
  'before-restore': 'Before a restore',
  'before-import': 'Before an archive import (restore to undo it)',
  'before-sync': 'Before a sync brought changes in (restore to undo it)',
};

function size(bytes: number): string {
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The backups Cadence keeps, and restoring one (which first saves what is there now). */
export function BackupsSection() {
  const list = useQuery('backups.list', {});
  const create = useMutation('backups.create');
  const restore = useMutation('backups.restore');
  const format = useFormat();
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <section className="card settings-card backups" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p className="muted-note">
        Cadence makes a verified copy after every meeting and every 15 minutes while you work, and keeps one per day for at least a week.
      </p>
      <div className="tool-row">
        <button className="btn" onClick={() => void create.run({})} disabled={create.pending}>
          Back up now
        </button>
      </div>
      {done && (
        <p className="status-saved" role="status">
          {done}
        </p>
      )}
      <ErrorAlert error={create.error ?? restore.error ?? list.error} />
      <ul className="backup-list" aria-label="Backups">
        {(list.data ?? []).map((b) => (
          <li key={b.name}>
            <div>
              <strong>{format.dateTime(b.at)}</strong>
              <span className="backup-meta">
                {REASON[b.reason] ?? b.reason} · {size(b.sizeBytes)}
                {b.summary
                  ? ` · ${b.summary.teams} ${b.summary.teams === 1 ? 'team' : 'teams'}, ${b.summary.meetings} meetings${
                      b.summary.lastMeetingAt ? `, last held ${format.date(b.summary.lastMeetingAt)}` : ''
                    }`
                  : ' · does not open cleanly'}
              </span>
            </div>
            <button
              className="btn btn-ghost"
              disabled={!b.summary}
              onClick={() => setConfirm(b)}
              aria-label={`Restore the backup of ${format.dateTime(b.at)}`}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
      {list.data?.length === 0 && <p className="muted-note">No backups yet: the first is made when a meeting ends, or now by hand.</p>}
      <ConfirmDialog
        open={confirm !== null}
        title="Restore this backup?"
        confirmLabel="Restore"
        onCancel={() => setConfirm(null)}
        onConfirm={async () => {
          const target = confirm!;
          setConfirm(null);
          const result = await restore.run({ name: target.name });
          if (result)
            setDone(
              `Restored the backup of ${format.dateTime(target.at)}. What was there before is saved as a backup too, so this can be undone.`,
            );
        }}
      >
        Everything will be as it was on {confirm ? format.dateTime(confirm.at) : ''}. Cadence first saves the present state as a backup, so
        you can go back.
      </ConfirmDialog>
    </section>
  );
}
