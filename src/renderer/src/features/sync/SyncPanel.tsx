import type { SyncStatus } from '@shared/sync';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { plural } from '@renderer/ui/plural';

const when = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });

function LinkForm({ teamId }: { teamId: string }) {
  const form = useForm('sync.link', { initial: { url: '' }, toInput: (v) => ({ teamId, url: v.url }) });
  return (
    <form className="sync-link" onSubmit={form.submit} aria-label="Link a repository" noValidate>
      <p className="muted-note">
        Keep this team in its own git repository (a URL, or a folder on a shared drive) to have it on every member’s laptop. git signs in
        with your SSH key or credential helper; Cadence stores no password.
      </p>
      <Field label="Repository address or folder" error={form.error('url')}>
        <input
          className="input"
          value={form.values.url}
          onChange={(e) => form.set('url', e.target.value)}
          placeholder="git@example.com:team/platform.git"
        />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={!form.canSubmit}>
        {form.pending ? 'Linking…' : 'Link a repository'}
      </button>
      <ErrorAlert error={form.formError} />
    </form>
  );
}

function Linked({ status }: { status: SyncStatus }) {
  const sync = useMutation('sync.run');
  const unlink = useMutation('sync.unlink');
  const running = status.running || sync.pending;
  const waits = [
    status.waiting.unpushed ? 'a commit the repository has not taken yet' : null,
    status.waiting.changesSinceSync > 0 ? plural(status.waiting.changesSinceSync, 'change') + ' made here since the last sync' : null,
  ].filter(Boolean);
  return (
    <>
      <p>
        Linked to <code>{status.url}</code>
      </p>
      <dl className="sync-facts">
        <dt>Last sync</dt>
        <dd data-testid="sync-last">{status.lastSyncAt === null ? 'Not synced yet' : when.format(status.lastSyncAt)}</dd>
        <dt>Waiting to go out</dt>
        <dd>{waits.length ? waits.join('; ') : 'Nothing'}</dd>
        <dt>Last sync brought</dt>
        <dd>
          {plural(status.incoming, 'row')} in, {plural(status.outgoing, 'row')} out
        </dd>
      </dl>
      {status.problem && (
        <p className="sync-problem" role="alert">
          {status.problem.message}
          {status.lastAttemptAt !== null && ` (${when.format(status.lastAttemptAt)})`}
        </p>
      )}
      {status.conflicts.length > 0 && (
        <>
          <h3 className="subhead">Conflicts</h3>
          <p className="muted-note">Two laptops changed the same thing; every laptop kept the same value and lists the other here.</p>
          <ul className="sync-conflicts" aria-label="Conflicts">
            {status.conflicts.map((c) => (
              <li key={`${c.entity}/${c.id}/${c.field}`}>
                {c.words ?? `${c.field.replace(/_/g, ' ')}: kept “${c.kept}”, not “${c.other}”`}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="sync-actions">
        <button className="btn btn-primary" onClick={() => void sync.run({ teamId: status.teamId })} disabled={running}>
          {running ? 'Syncing…' : 'Sync now'}
        </button>
        <button className="btn btn-ghost" onClick={() => void unlink.run({ teamId: status.teamId })} disabled={running}>
          Unlink
        </button>
      </div>
      <ErrorAlert error={sync.error ?? unlink.error} />
    </>
  );
}

/** The team's git repository: link one, or see the last sync, what waits to go out, what came in and the conflicts. */
export function SyncPanel({ teamId }: { teamId: string }) {
  const status = useQuery('sync.status', { teamId });
  return (
    <section className="card sync-panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      {status.data === undefined ? (
        <ErrorAlert error={status.error} />
      ) : status.data.url === null ? (
        <LinkForm teamId={teamId} />
      ) : (
        <Linked status={status.data} />
      )}
    </section>
  );
}
