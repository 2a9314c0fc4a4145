import type { ParsedInputOf } from '@shared/contract';
import type { Settings } from '@shared/domain';
import type { Repositories } from '../db/repositories';

const DEFAULTS: Settings = { theme: 'light', dateStyle: 'locale', clock: '24h', weekStartsOn: 1, defaultExportFolder: null, chime: false };

function pick<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** App-wide preferences; unknown or damaged values fall back to the defaults. */
export class SettingsService {
  constructor(private readonly repos: Repositories) {}

  get(): Settings {
    const s = this.repos.settings;
    const folder = s.get('defaultExportFolder');
    return {
      theme: pick(s.get('theme'), ['light', 'dark', 'contrast'] as const, DEFAULTS.theme),
      dateStyle: pick(s.get('dateStyle'), ['locale', 'iso', 'dmy', 'mdy'] as const, DEFAULTS.dateStyle),
      clock: pick(s.get('clock'), ['24h', '12h'] as const, DEFAULTS.clock),
      weekStartsOn: pick(s.get('weekStartsOn'), [1, 6, 7] as const, DEFAULTS.weekStartsOn),
      defaultExportFolder: typeof folder === 'string' && folder ? folder : null,
      chime: s.get('chime') === true,
    };
  }

  update(changes: ParsedInputOf<'settings.update'>): Settings {
    this.repos.sql.transaction(() => {
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) this.repos.settings.set(key, value);
      }
    });
    return this.get();
  }
}
