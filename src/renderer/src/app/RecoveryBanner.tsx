import { useState } from 'react';
import { useMutation, useQuery } from '../api/hooks';
import { useFormat } from './settings-context';

/** Said once, plainly, when start-up found the database damaged and put it aside. */
export function RecoveryBanner() {
  const info = useQuery('app.info', {});
  const restore = useMutation('backups.restore');
  const format = useFormat();
  const [dismissed, setDismissed] = useState(false);
  const recovery = info.data?.recovery;
  const damage = info.data?.damageFound;
  if (!recovery && damage) return <DamageBanner detail={damage.detail} />;
  if (!recovery || dismissed) return null;
  const newest = recovery.newestBackup;
  return (
    <div className="recovery" role="alert">
      <p>
        <strong>Cadence found its database damaged</strong> ({recovery.detail}) and moved it aside, unchanged, to{' '}
        <code>{recovery.movedTo}</code>. It started with an empty database.
        {newest
          ? ` The newest good backup is from ${format.dateTime(newest.at)}${newest.summary ? ` (${newest.summary.meetings} meetings)` : ''}.`
          : ' No backup was found.'}
      </p>
      <div className="tool-row">
        {newest && (
          <button
            className="btn btn-primary"
            disabled={restore.pending}
            onClick={async () => {
              if (await restore.run({ name: newest.name })) setDismissed(true);
            }}
          >
            Restore that backup
          </button>
        )}
        <button className="btn btn-ghost" onClick={() => setDismissed(true)}>
          Keep the empty database
        </button>
      </div>
      {restore.error && <p>{restore.error.message}</p>}
    </div>
  );
}

/**
 * Said when the check in the background found the open database damaged. Nothing is moved while
 * Cadence runs: work goes on being saved, and the next start offers the newest good backup.
 */
function DamageBanner({ detail }: { detail: string }) {
  return (
    <div className="recovery" role="alert">
      <p>
        <strong>Cadence found damage in its database file</strong> ({detail}). What you do now is still saved, but part of the file may not
        read back correctly. Close Cadence and start it again: it will set the damaged file aside, unchanged, and offer to restore the
        newest good backup.
      </p>
    </div>
  );
}
