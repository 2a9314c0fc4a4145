import { manifest } from './define';
import { scope, wholeTeam } from './scopes';
import type { teamSchemas } from './team-schemas';

export const teamOperations = manifest<typeof teamSchemas>()({
  'teams.list': { dependsOn: ['teams'] },
  'teams.get': { dependsOn: (i) => [scope('teams', i)] },
  'teams.create': { changes: (_i, o) => [scope('teams', { teamId: o.id })] },
  'teams.rename': { changes: (i) => wholeTeam(i.teamId) },
  'members.add': { changes: (i) => wholeTeam(i.teamId) },
  'members.update': { changes: (_i, o) => wholeTeam(o.teamId) },
  'members.markLeft': { changes: (_i, o) => wholeTeam(o.teamId) },
  'members.rejoin': { changes: (_i, o) => wholeTeam(o.teamId) },
  'demo.load': { changes: (_i, o) => wholeTeam(o.id) },
  'teams.setTimeZone': { changes: (i) => wholeTeam(i.teamId) },
});
