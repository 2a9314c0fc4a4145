import type { DateStyle, Settings, Team } from '@shared/domain';
import { useMutation, useQuery } from '@renderer/api/hooks';
import { useFormat } from '@renderer/app/settings-context';
import { BackupsSection } from '../backups/BackupsSection';
import { AboutSection } from './AboutSection';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { Field } from '@renderer/ui/form/Field';
import { useForm } from '@renderer/ui/form/use-form';
import { TimeZoneSelect } from '@renderer/ui/pickers';

/** Not a form: the zone saves the moment it is chosen, and there is nothing typed to keep. */
function TeamZone({ team }: { team: Team }) {
  const set = useMutation('teams.setTimeZone');
  return (
    <li className="zone-row">
      <span>{team.name}</span>
      <TimeZoneSelect
        value={team.timeZone}
        label={`Time zone of ${team.name}`}
        onChange={(timeZone) => void set.run({ teamId: team.id, timeZone })}
      />
      <ErrorAlert error={set.error} />
    </li>
  );
}

export function SettingsPage() {
  const { settings, dateTime } = useFormat();
  // The display choices are not a form: each saves the moment it is chosen, and there is nothing typed to keep.
  const update = useMutation('settings.update');
  const teams = useQuery('teams.list', {});
  const folder = useForm('settings.update', {
    initial: { folder: settings.defaultExportFolder ?? '' },
    clears: [],
    fields: { defaultExportFolder: 'folder' },
    toInput: (v) => ({ defaultExportFolder: v.folder.trim() || null }),
  });
  const save = (changes: Partial<Settings>) => void update.run(changes);
  const sample = Date.UTC(2026, 10, 30, 9, 0);

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <p className="eyebrow">Settings</p>
          <h1>Settings</h1>
          <p className="sub">Saved on this computer and applied to every Cadence window.</p>
        </div>
      </header>
      <section className="card settings-card" aria-labelledby="display-heading">
        <h2 id="display-heading">Display</h2>
        <label className="field">
          <span>Theme</span>
          <select className="input" value={settings.theme} onChange={(e) => save({ theme: e.target.value as Settings['theme'] })}>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
            <option value="contrast">High contrast</option>
          </select>
        </label>
        <label className="field">
          <span>Date format</span>
          <select className="input" value={settings.dateStyle} onChange={(e) => save({ dateStyle: e.target.value as DateStyle })}>
            <option value="locale">This computer&rsquo;s language</option>
            <option value="iso">2026-11-30</option>
            <option value="dmy">30/11/2026</option>
            <option value="mdy">11/30/2026</option>
          </select>
        </label>
        <label className="field">
          <span>Time format</span>
          <select className="input" value={settings.clock} onChange={(e) => save({ clock: e.target.value as Settings['clock'] })}>
            <option value="24h">24-hour</option>
            <option value="12h">12-hour</option>
          </select>
        </label>
        <label className="field">
          <span>First day of the week</span>
          <select
            className="input"
            value={settings.weekStartsOn}
            onChange={(e) => save({ weekStartsOn: Number(e.target.value) as Settings['weekStartsOn'] })}
          >
            <option value={1}>Monday</option>
            <option value={7}>Sunday</option>
            <option value={6}>Saturday</option>
          </select>
        </label>
        <label className="field checkbox-field">
          <input type="checkbox" checked={settings.chime} onChange={(e) => save({ chime: e.target.checked })} />
          <span>Chime when an item&rsquo;s time is up (the countdown always flashes)</span>
        </label>
        <p className="muted-note">Example: {dateTime(sample, 'Europe/Berlin')}</p>
      </section>
      <section className="card settings-card" aria-labelledby="export-heading">
        <h2 id="export-heading">Exports</h2>
        <form className="tool-row" aria-label="Default export folder" onSubmit={folder.submit}>
          <Field label="Default export folder" hint="empty uses the last folder saved to" error={folder.error('folder')}>
            <input
              className="input"
              value={folder.values.folder}
              onChange={(e) => folder.set('folder', e.target.value)}
              placeholder="Folder path"
            />
          </Field>
          <button type="submit" className="btn" disabled={!folder.canSubmit}>
            Save
          </button>
        </form>
        <ErrorAlert error={folder.formError} />
      </section>
      <section className="card settings-card" aria-labelledby="zones-heading">
        <h2 id="zones-heading">Team time zones</h2>
        <p className="muted-note">Meeting times are shown and scheduled in each team&rsquo;s zone.</p>
        <ul className="zone-list">
          {(teams.data ?? []).map((team) => (
            <TeamZone key={team.id} team={team} />
          ))}
        </ul>
      </section>
      <BackupsSection />
      <AboutSection />
      <ErrorAlert error={update.error} />
    </div>
  );
}
