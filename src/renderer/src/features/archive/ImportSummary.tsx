import { useState } from 'react';
import type { ArchiveImportSummary } from '@shared/archive';
import { useQuery } from '@renderer/api/hooks';
import { href } from '@renderer/app/router';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { WhoAmI } from '../me/WhoAmI';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an import did, table by table, how to undo it, and who the person is in the team it brought. */
export function ImportSummary({ summary: s, onClose }: { summary: ArchiveImportSummary; onClose: () => void }) {
  const t = s.totals;
  const [chosen, setChosen] = useState(false);
  const team = useQuery('teams.get', { teamId: s.team.id });
  return (
    <section className="card import-summary" aria-labelledby="import-summary-heading">
      <div className="section-head">
        <h2 id="import-summary-heading">
          {s.team.isNew ? 'Imported' : 'Brought up to date'}: {s.team.name}
        </h2>
        <button className="btn btn-ghost btn-sm" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" className="status-saved">
        {plural(t.inserted, 'row', 'rows')} added, {t.updated} updated, {t.unchanged} unchanged,{' '}
        {plural(t.conflicts, 'conflict', 'conflicts')}.
      </p>
      {s.settled.length > 0 && (
        <div>
          <p>Changed apart here and in the archive, and settled as a sync would:</p>
          <ul aria-label="Settled as a sync would">
            {s.settled.map((words) => (
              <li key={words}>{words}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted-note">
        A backup was made just before ({s.backupName}). To undo this import, restore it in{' '}
        <a href={href({ name: 'settings' })}>Settings, Backups</a>.
      </p>
      <details>
        <summary>By table, and how rows were merged</summary>
        <p className="muted-note">{s.rule}</p>
        <table className="ft-table">
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col">Added</th>
              <th scope="col">Updated</th>
              <th scope="col">Unchanged</th>
              <th scope="col">Conflicts</th>
            </tr>
          </thead>
          <tbody>
            {s.tables.map((c) => (
              <tr key={c.table}>
                <th scope="row">{c.table.replace(/_/g, ' ')}</th>
                <td>{c.inserted}</td>
                <td>{c.updated}</td>
                <td>{c.unchanged}</td>
                <td>{c.conflicts}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {s.conflicts.length > 0 && (
          <p className="muted-note">Kept as they are here: {s.conflicts.map((c) => `${c.table.replace(/_/g, ' ')} ${c.key}`).join(', ')}</p>
        )}
      </details>
      {chosen ? (
        <p className="muted-note">Saved: home now shows your commitments and follow-through in {s.team.name}.</p>
      ) : (
        <WhoAmI teamId={s.team.id} teamName={s.team.name} members={team.data?.members ?? []} onDone={() => setChosen(true)} />
      )}
      <ErrorAlert error={team.error} />
      <p>
        <a href={href({ name: 'team', teamId: s.team.id, tab: 'members' })}>Open {s.team.name}</a> ·{' '}
        <a href={href({ name: 'decisions' })}>Decision log</a>
      </p>
    </section>
  );
}
