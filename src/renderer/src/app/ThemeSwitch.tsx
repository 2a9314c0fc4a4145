import type { Theme } from '@shared/domain';
import { useMutation } from '../api/hooks';
import { useFormat } from './settings-context';

const THEMES: { id: Theme; label: string }[] = [
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
  { id: 'contrast', label: 'Contrast' },
];

/** The theme is a saved setting, so every window (console, projector) follows it. */
export function ThemeSwitch() {
  const { settings } = useFormat();
  const update = useMutation('settings.update');
  return (
    <div className="theme-switch" role="group" aria-label="Theme">
      {THEMES.map((t) => (
        <button key={t.id} type="button" aria-pressed={settings.theme === t.id} onClick={() => void update.run({ theme: t.id })}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
