import { useEffect } from 'react';
import type { Theme } from '../../../shared/domain';
import { useMutation, useQuery } from '../api/hooks';

const THEMES: { id: Theme; label: string }[] = [
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
  { id: 'contrast', label: 'Contrast' },
];
const TOPICS = ['settings'] as const;

/** The theme is a saved setting, so every window (console, projector) follows it. */
export function ThemeSwitch() {
  const settings = useQuery('settings.get', {}, TOPICS);
  const update = useMutation('settings.update');
  const theme = settings.data?.theme ?? 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="theme-switch" role="group" aria-label="Theme">
      {THEMES.map((t) => (
        <button key={t.id} type="button" aria-pressed={theme === t.id} onClick={() => void update.run({ theme: t.id })}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
