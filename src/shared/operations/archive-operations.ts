import type { archiveSchemas } from './archive-schemas';
import { manifest } from './define';
import { scope, wholeTeam } from './scopes';

export const archiveOperations = manifest<typeof archiveSchemas>()({
  'archive.export': {},
  // The imported team's every part, and the backup made just before it (a team scope reaches every backups reader).
  'archive.import': { changes: (_i, o) => wholeTeam(o.team.id) },
  'me.list': { dependsOn: ['settings', 'teams'] },
  'me.set': { changes: (i) => [scope('settings', { teamId: i.teamId })] },
});
