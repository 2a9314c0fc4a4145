import { manifest } from './define';
import { wholeTeam } from './scopes';
import type { syncSchemas } from './sync-schemas';

export const syncOperations = manifest<typeof syncSchemas>()({
  'sync.link': { changes: (_i, o) => wholeTeam(o.teamId) },
  'sync.unlink': { changes: (i) => wholeTeam(i.teamId) },
  // Counts the team's changes since the last sync, so any change of the team re-reads it.
  'sync.status': { dependsOn: (i) => wholeTeam(i.teamId) },
  'sync.run': { changes: (i) => wholeTeam(i.teamId) },
});
