import { ALL_TOPICS } from '../events';
import type { appSchemas } from './app-schemas';
import { manifest } from './define';

export const appOperations = manifest<typeof appSchemas>()({
  // Fixed for the process but for damage found in the background and what a restore brings, both told as 'backups'.
  'app.info': { dependsOn: ['backups'] },
  'app.diagnostics': {},
  'events.since': {},
  'settings.get': { dependsOn: ['settings'] },
  'settings.update': { changes: ['settings'] },
  'backups.list': { dependsOn: ['backups'] },
  'backups.create': { changes: ['backups'] },
  // The whole database is replaced by the backup's: everything may have changed.
  'backups.restore': { changes: ALL_TOPICS },
  'platform.info': { dependsOn: [] },
  'windows.openProjector': { changes: [] },
  'files.saveText': { changes: [] },
  'links.openExternal': { changes: [] },
});
