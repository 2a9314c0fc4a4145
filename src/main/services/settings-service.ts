import type { Settings } from '../../shared/domain';
import type { Repositories } from '../db/repositories';

const DEFAULTS: Settings = { theme: 'light' };

export class SettingsService {
  constructor(private readonly repos: Repositories) {}

  get(): Settings {
    const theme = this.repos.settings.get('theme');
    return { theme: theme === 'dark' || theme === 'contrast' || theme === 'light' ? theme : DEFAULTS.theme };
  }

  update(changes: Partial<Settings>): Settings {
    this.repos.sql.transaction(() => {
      if (changes.theme) this.repos.settings.set('theme', changes.theme);
    });
    return this.get();
  }
}
