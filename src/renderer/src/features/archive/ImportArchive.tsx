import { useState, type ChangeEvent } from 'react';
import { ARCHIVE_MAX_CHARS, type ArchiveImportSummary } from '@shared/archive';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';

/**
 * "Import a team archive…": the browser's File API reads the file, so this works the same on the
 * desktop and in the browser mode. Main checks it all before writing and backs up first.
 */
export function ImportArchive({ onImported }: { onImported: (summary: ArchiveImportSummary) => void }) {
  const importArchive = useMutation('archive.import');
  const [tooBig, setTooBig] = useState<string | null>(null);
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setTooBig(null);
    importArchive.clearError();
    if (!file) return;
    // The 20 MB of the contract, in characters; a file over it in bytes may still fit, so only refuse what cannot.
    if (file.size > ARCHIVE_MAX_CHARS * 4) {
      setTooBig(`${file.name} is larger than 20 MB, the most Cadence imports.`);
      input.value = '';
      return;
    }
    const summary = await importArchive.run({ content: await file.text() });
    input.value = '';
    if (summary) onImported(summary);
  }
  return (
    <section className="card import-archive" aria-labelledby="import-archive-heading">
      <h2 id="import-archive-heading">Import a team archive…</h2>
      <p className="muted-note">
        Brings in a team exported from another computer (Export team archive, on the team&rsquo;s page), or brings your copy up to date.
        Rows are matched by id: nothing here is deleted or doubled. Cadence makes a backup first, so an import can be undone by restoring
        that backup in Settings, Backups.
      </p>
      <label className="btn file-pick">
        {importArchive.pending ? 'Importing…' : 'Choose an archive file'}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => void choose(e)}
          disabled={importArchive.pending}
          aria-label="Team archive file"
        />
      </label>
      {tooBig && (
        <div className="alert" role="alert">
          {tooBig}
        </div>
      )}
      <ErrorAlert error={importArchive.error} />
    </section>
  );
}
